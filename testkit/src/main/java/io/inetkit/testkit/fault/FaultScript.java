package io.inetkit.testkit.fault;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javax.net.ssl.SSLContext;

/**
 * What a {@link FaultServer} does with each connection, step by step. Built fluently; every
 * connection runs the whole script from the start.
 *
 * <pre>{@code
 * FaultScript script = FaultScript.create()
 *     .send("220 fault.test ESMTP\r\n")
 *     .expectLine()                       // the client's EHLO, recorded
 *     .send("250 fault.test\r\n")
 *     .expectLine()
 *     .stall();                           // never answer MAIL FROM
 * }</pre>
 */
public final class FaultScript {

  /** One step of a script. */
  sealed interface Step {}

  record Send(byte[] bytes) implements Step {}

  record ExpectLine() implements Step {}

  record Stall(Duration duration) implements Step {}

  record Close() implements Step {}

  record EndlessLine(byte fill) implements Step {}

  record Garbage(int bytes, long seed) implements Step {}

  record SendThenDrop(byte[] bytes, int dropAfter) implements Step {}

  record StartTls(SSLContext context) implements Step {}

  record Respond(Function<String, String> responder) implements Step {}

  record RespondOnce(Function<String, String> responder) implements Step {}

  record Drip(byte[] bytes, Duration interval) implements Step {}

  record StopReading(Duration duration) implements Step {}

  record RespondLazily(Function<String, Iterator<String>> responder) implements Step {}

  private final List<Step> steps = new ArrayList<>();

  private FaultScript() {}

  /** {@return an empty script (a server that accepts and closes at once)} */
  public static FaultScript create() {
    return new FaultScript();
  }

  /**
   * {@return a server that accepts each connection and closes it at once, before a word: the client
   * reads end of stream where it expected a greeting}
   */
  public static FaultScript closeOnAccept() {
    return create().close();
  }

  /**
   * {@return a server that accepts each connection and resets it at once (TCP RST), like a crashed
   * server or a firewall: the client reads "connection reset" where it expected a greeting}
   */
  public static FaultScript resetOnAccept() {
    return create().reset();
  }

  /**
   * Sends {@code text} as UTF-8, exactly as given (include the {@code \r\n} yourself).
   *
   * @param text the text to send
   * @return this script
   */
  public FaultScript send(String text) {
    return send(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Sends raw bytes.
   *
   * @param bytes the bytes to send (copied)
   * @return this script
   */
  public FaultScript send(byte[] bytes) {
    steps.add(new Send(bytes.clone()));
    return this;
  }

  /**
   * Sends {@code text} one byte at a time, {@code interval} apart: a server slow enough to hold a
   * client that only has a read (idle) timeout for ever, since every wait ends with a byte.
   *
   * @param text the text to send, as UTF-8
   * @param interval the pause before each byte
   * @return this script
   */
  public FaultScript drip(String text, Duration interval) {
    steps.add(new Drip(text.getBytes(StandardCharsets.UTF_8), Objects.requireNonNull(interval)));
    return this;
  }

  /**
   * Neither reads nor sends for {@code duration}: what the client writes piles up in the socket
   * buffers until its writes block (a server that stopped reading), then goes on.
   *
   * @param duration how long to stop reading
   * @return this script
   */
  public FaultScript stopReading(Duration duration) {
    steps.add(new StopReading(Objects.requireNonNull(duration)));
    return this;
  }

  /**
   * Waits {@code delay} (recording what arrives meanwhile), then sends {@code text}: a late reply.
   *
   * @param delay how long to wait before sending
   * @param text the text to send, as UTF-8
   * @return this script
   */
  public FaultScript sendAfter(Duration delay, String text) {
    return stall(delay).send(text);
  }

  /**
   * Reads one line from the client (recorded in {@link FaultServer#received()}).
   *
   * @return this script
   */
  public FaultScript expectLine() {
    steps.add(new ExpectLine());
    return this;
  }

  /**
   * Reads {@code n} lines from the client.
   *
   * @param n how many lines to read
   * @return this script
   */
  public FaultScript expectLines(int n) {
    for (int i = 0; i < n; i++) {
      expectLine();
    }
    return this;
  }

  /**
   * Stops answering and holds the connection open until the client or server closes it.
   *
   * @return this script
   */
  public FaultScript stall() {
    return stall(Duration.ofHours(1));
  }

  /**
   * Stops answering for {@code duration}, still recording what arrives, then goes on.
   *
   * @param duration how long to stop answering
   * @return this script
   */
  public FaultScript stall(Duration duration) {
    steps.add(new Stall(Objects.requireNonNull(duration)));
    return this;
  }

  /**
   * Closes the connection. (Also happens after the last step.)
   *
   * @return this script
   */
  public FaultScript close() {
    steps.add(new Close());
    return this;
  }

  /**
   * Sends a line that never ends: {@code fill} bytes forever, until the client hangs up.
   *
   * @param fill the character repeated (sent as one byte)
   * @return this script
   */
  public FaultScript endlessLine(char fill) {
    steps.add(new EndlessLine((byte) fill));
    return this;
  }

  /**
   * Sends {@code bytes} of reproducible pseudo-random garbage (with CR/LF among them).
   *
   * @param bytes how many bytes to send
   * @return this script
   */
  public FaultScript garbage(int bytes) {
    steps.add(new Garbage(bytes, 42));
    return this;
  }

  /**
   * Sends the first {@code dropAfter} bytes of {@code text}, then drops the connection (RST).
   *
   * @param text the text to send, as UTF-8
   * @param dropAfter how many bytes of it to send before the reset
   * @return this script
   */
  public FaultScript sendThenDrop(String text, int dropAfter) {
    steps.add(new SendThenDrop(text.getBytes(StandardCharsets.UTF_8), dropAfter));
    return this;
  }

  /**
   * Drops the connection with a TCP reset (RST) instead of an orderly close.
   *
   * @return this script
   */
  public FaultScript reset() {
    steps.add(new SendThenDrop(new byte[0], 0));
    return this;
  }

  /**
   * Upgrades the connection to TLS as the server side (after a STARTTLS reply).
   *
   * @param serverContext the server's TLS context (its certificate and key)
   * @return this script
   */
  public FaultScript startTls(SSLContext serverContext) {
    steps.add(new StartTls(Objects.requireNonNull(serverContext)));
    return this;
  }

  /**
   * Reads one line from the client and sends what {@code responder} returns for it (include line
   * ends), then goes on with the next step; {@code null} closes the connection. For dialogues that
   * change mid-way, such as answering STARTTLS before {@link #startTls}:
   *
   * <pre>{@code
   * FaultScript.create()
   *     .send("* OK ready\r\n")
   *     .respondOnce(line -> tag(line) + " OK begin TLS\r\n")   // the client's STARTTLS
   *     .startTls(context)
   *     .respond(line -> tag(line) + " NO\r\n");
   * }</pre>
   *
   * @param responder the reply for the line read, or {@code null} to close
   * @return this script
   */
  public FaultScript respondOnce(Function<String, String> responder) {
    steps.add(new RespondOnce(Objects.requireNonNull(responder)));
    return this;
  }

  /**
   * For the rest of the connection: reads each line and sends what {@code responder} returns for it
   * (include line ends); {@code null} closes the connection.
   *
   * @param responder the reply for each line read, or {@code null} to close
   * @return this script
   */
  public FaultScript respond(Function<String, String> responder) {
    steps.add(new Respond(Objects.requireNonNull(responder)));
    return this;
  }

  /**
   * For the rest of the connection: reads each line and sends the pieces {@code responder} returns
   * for it, generating each piece only when the previous one was written, so a reply of any length
   * (millions of listing lines) costs the server no memory; {@code null} closes the connection.
   *
   * @param responder the pieces of the reply for each line read, or {@code null} to close
   * @return this script
   */
  public FaultScript respondLazily(Function<String, Iterator<String>> responder) {
    steps.add(new RespondLazily(Objects.requireNonNull(responder)));
    return this;
  }

  /**
   * A POP3 server (any USER/PASS logs in) whose mailbox announces {@code messages} messages of 100
   * bytes each, UIDL {@code uid-N}: STAT, LIST and UIDL (with or without a number), RETR and TOP of
   * any of them (a small message), DELE, NOOP, RSET, QUIT. The LIST and UIDL listings are generated
   * line by line as they are sent: a 2,000,000-message mailbox costs the server nothing, the client
   * whatever it keeps.
   *
   * <pre>{@code
   * try (FaultServer pop3 = FaultServer.start(FaultScript.pop3Mailbox(2_000_000))) {
   *   // Pop3Client.builder().endpoint(pop3.host(), pop3.port())...build().open().list(5)
   * }
   * }</pre>
   *
   * @param messages how many messages the mailbox announces
   * @return the script of that POP3 server
   */
  public static FaultScript pop3Mailbox(long messages) {
    if (messages < 0) {
      throw new IllegalArgumentException("messages must not be negative: " + messages);
    }
    return create()
        .send("+OK fault POP3 mailbox\r\n")
        .respondLazily(new Pop3Mailbox(messages)::answer);
  }

  /**
   * An FTP server without TLS, for tests of what a client sends in clear: greets, refuses {@code
   * AUTH} with 502, asks for a password after {@code USER} (331), refuses {@code PASS} with 530,
   * answers anything else with 502, and hangs up at {@code QUIT}. {@link FaultServer#received()}
   * then tells whether the client sent its password.
   *
   * @return the script of that FTP server
   */
  public static FaultScript ftpWithoutTls() {
    return create()
        .send("220 plain FTP only\r\n")
        .respond(
            line -> {
              String verb = line.split(" ", 2)[0].toUpperCase(java.util.Locale.ROOT);
              return switch (verb) {
                case "AUTH" -> "502 AUTH not implemented\r\n";
                case "USER" -> "331 Password required\r\n";
                case "PASS" -> "530 Login incorrect\r\n";
                case "QUIT" -> null;
                default -> "502 Command not implemented\r\n";
              };
            });
  }

  List<Step> steps() {
    return List.copyOf(steps);
  }
}
