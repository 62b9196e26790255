package io.inetkit.testkit.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * GreenMail writes many replies in pieces (POP3 RETR: status, message, {@code .}; IMAP: untagged
 * lines, then the tagged one; SMTP: each EHLO line). With Nagle's algorithm on the server socket,
 * every piece after the first waited for the client's delayed ACK: at least 40 ms on Linux, so
 * every one of {@value #EXCHANGES} exchanges took at least 40 ms. With {@code TCP_NODELAY} each
 * takes well under a millisecond. The tests count the exchanges that took 35 ms or more and allow a
 * few (a GC pause or a busy machine can slow any single one), so they fail only on the old
 * behaviour, where every exchange stalls.
 */
class MailServerLatencyTest {
  private static final int EXCHANGES = 20;
  private static final Duration STALL = Duration.ofMillis(35);
  private static final int ALLOWED_SLOW = EXCHANGES / 4;

  private static MailServer server;

  @BeforeAll
  static void startServer() throws IOException {
    server =
        MailServer.builder()
            .protocols(MailProtocol.SMTP, MailProtocol.IMAP, MailProtocol.POP3)
            .start();
    server.user("bob@example.org", "bob", "bob-secret");
    byte[] message =
        ("From: alice@example.org\r\nTo: bob@example.org\r\nSubject: s\r\n\r\n"
                + "line\r\n".repeat(300))
            .getBytes(StandardCharsets.US_ASCII);
    for (int i = 0; i < EXCHANGES; i++) {
      server.deliver("bob@example.org", message);
    }
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @Test
  void pop3RetrDoesNotWaitForTheClientsDelayedAck() throws IOException {
    try (Conversation c = new Conversation(MailProtocol.POP3)) {
      c.exchange("USER bob", l -> true);
      c.exchange("PASS bob-secret", l -> true);
      assertThat(c.timed(i -> "RETR " + i, "."::equals)).isLessThanOrEqualTo(ALLOWED_SLOW);
    }
  }

  @Test
  void imapFetchDoesNotWaitForTheClientsDelayedAck() throws IOException {
    try (Conversation c = new Conversation(MailProtocol.IMAP)) {
      c.exchange("a LOGIN bob bob-secret", l -> l.startsWith("a "));
      c.exchange("b SELECT INBOX", l -> l.startsWith("b "));
      assertThat(c.timed(i -> "f" + i + " FETCH " + i + " (FLAGS)", l -> l.startsWith("f")))
          .isLessThanOrEqualTo(ALLOWED_SLOW);
    }
  }

  @Test
  void smtpEhloDoesNotWaitForTheClientsDelayedAck() throws IOException {
    try (Conversation c = new Conversation(MailProtocol.SMTP)) {
      assertThat(c.timed(i -> "EHLO client.test", l -> l.startsWith("250 ")))
          .isLessThanOrEqualTo(ALLOWED_SLOW);
    }
  }

  /** One raw connection past its greeting. */
  private static final class Conversation implements AutoCloseable {
    private final Socket socket = new Socket();
    private final BufferedReader in;
    private final OutputStream out;

    Conversation(MailProtocol protocol) throws IOException {
      socket.connect(new InetSocketAddress(server.host(), server.port(protocol)), 5000);
      socket.setSoTimeout(5000);
      in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
      out = socket.getOutputStream();
      assertThat(in.readLine()).isNotNull();
    }

    /** Sends {@code command} and reads lines up to the one {@code last} accepts. */
    void exchange(String command, Predicate<String> last) throws IOException {
      out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String line;
      do {
        line = in.readLine();
        assertThat(line).as("reply to " + command).isNotNull();
      } while (!last.test(line));
    }

    /**
     * One warm-up exchange, then {@link #EXCHANGES} timed ones (commands numbered from 1); returns
     * how many of them took {@link #STALL} or longer.
     */
    long timed(IntFunction<String> command, Predicate<String> last) throws IOException {
      exchange(command.apply(1), last);
      long slow = 0;
      for (int i = 1; i <= EXCHANGES; i++) {
        long start = System.nanoTime();
        exchange(command.apply(i), last);
        if (Duration.ofNanos(System.nanoTime() - start).compareTo(STALL) >= 0) {
          slow++;
        }
      }
      return slow;
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
