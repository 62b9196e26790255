package io.inetkit.testkit.mail;

import io.inetkit.core.Endpoint;
import io.inetkit.core.internal.Inputs;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small SMTP server on 127.0.0.1 that accepts mail and throws the data away, counting it: for
 * gigabyte messages (GreenMail keeps every message in the heap) and for checking the exact commands
 * a client sends (SIZE, SMTPUTF8, DSN parameters). It advertises the EHLO extensions you choose
 * ({@code PIPELINING} and {@code 8BITMIME} unless told otherwise), can refuse chosen senders and
 * recipients, and can break off a connection after some messages. It answers pipelined commands
 * (RFC 2920) in order and sends its replies together when the client has sent nothing more yet.
 *
 * <pre>{@code
 * try (SmtpSink sink = SmtpSink.builder().extensions("SIZE 1000000", "DSN", "SMTPUTF8")
 *         .rejectRecipient("nobody@example.org", "550 5.1.1 no such user").start()) {
 *   // send to sink.host():sink.port(), then:
 *   SmtpSink.Message m = sink.waitForMessages(1, Duration.ofSeconds(5)).get(0);
 *   assertThat(m.mailFrom()).isEqualTo("MAIL FROM:<a@example.org> SIZE=1234");
 *   assertThat(m.size()).isEqualTo(1234);
 * }
 * }</pre>
 */
public final class SmtpSink implements AutoCloseable {
  private static final int HEAD_LIMIT = 4 << 20;
  private static final int BUFFER = 256 * 1024;

  /**
   * One message as received.
   *
   * @param mailFrom the MAIL FROM command line as sent
   * @param rcptTo the accepted RCPT TO command lines as sent
   * @param size the data size in bytes as sent (dot-stuffed, CRLF), without the final dot line
   * @param head the first 4 MiB of that data
   */
  public record Message(String mailFrom, List<String> rcptTo, long size, byte[] head) {
    /**
     * Copies.
     *
     * @param mailFrom the MAIL FROM command line as sent
     * @param rcptTo the accepted RCPT TO command lines (copied)
     * @param size the data size in bytes as sent
     * @param head the first 4 MiB of the data (copied)
     */
    public Message {
      rcptTo = List.copyOf(rcptTo);
      head = head.clone();
    }

    /** {@return a copy of the first 4 MiB of the data} */
    @Override
    public byte[] head() {
      return head.clone();
    }

    /** {@return the head decoded as UTF-8} */
    public String text() {
      return new String(head, StandardCharsets.UTF_8);
    }
  }

  private final FrontListener listener;
  private final List<String> extensions;
  private final Map<String, String> rejected;
  private final Map<String, String> rejectedSenders;
  private final int interruptAfter;
  private final String interruptReply;
  private final List<String> commands = Collections.synchronizedList(new ArrayList<>());
  private final List<Message> messages = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger connections = new AtomicInteger();

  private SmtpSink(Builder b) throws IOException {
    this.extensions = List.copyOf(b.extensions);
    this.rejected = Map.copyOf(b.rejected);
    this.rejectedSenders = Map.copyOf(b.rejectedSenders);
    this.interruptAfter = b.interruptAfter;
    this.interruptReply = b.interruptReply;
    this.listener = new FrontListener("smtp-sink", this::serve);
  }

  /**
   * Starts a sink advertising {@code PIPELINING} and {@code 8BITMIME}.
   *
   * @return the running sink; close it to stop
   * @throws java.io.IOException when the listener cannot be bound
   */
  public static SmtpSink start() throws IOException {
    return builder().start();
  }

  /** {@return a builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** Configures a {@link SmtpSink}. */
  public static final class Builder {
    private List<String> extensions = List.of("PIPELINING", "8BITMIME");
    private final Map<String, String> rejected = new HashMap<>();
    private final Map<String, String> rejectedSenders = new HashMap<>();
    private int interruptAfter = -1;
    private String interruptReply;

    private Builder() {}

    /**
     * Sets the EHLO extension lines, e.g. {@code "SIZE 1000"}, {@code "DSN"} (replacing the default
     * {@code PIPELINING} and {@code 8BITMIME}; none makes a lock-step server).
     *
     * @param lines the EHLO extension lines, without the {@code 250-} prefix
     * @return this builder
     */
    public Builder extensions(String... lines) {
      this.extensions = List.of(lines);
      return this;
    }

    /**
     * Answers {@code RCPT TO:<address>} with {@code reply} (e.g. {@code "550 5.1.1 unknown"}).
     *
     * @param address the recipient address to reject
     * @param reply the whole reply line, code first
     * @return this builder
     * @throws io.inetkit.core.InvalidInputException if either is null or holds CR, LF or NUL
     */
    public Builder rejectRecipient(String address, String reply) {
      rejected.put(refusalKey(address, reply), reply);
      return this;
    }

    /**
     * Answers {@code MAIL FROM:<address>} with {@code reply} (e.g. {@code "550 5.7.1 denied"}).
     *
     * @param address the sender address to reject
     * @param reply the whole reply line, code first
     * @return this builder
     * @throws io.inetkit.core.InvalidInputException if either is null or holds CR, LF or NUL
     */
    public Builder rejectSender(String address, String reply) {
      rejectedSenders.put(refusalKey(address, reply), reply);
      return this;
    }

    /** The one-line reply is sent as given, with CRLF: the address is matched case-blind. */
    private static String refusalKey(String address, String reply) {
      Inputs.requireNoControl("reply", reply);
      return Inputs.requireNoControl("address", address).toLowerCase(Locale.ROOT);
    }

    /**
     * On the first connection only: after {@code messages} accepted messages, answers the next MAIL
     * FROM with {@code reply} (e.g. {@code "421 4.3.2 shutting down"}) or, when {@code reply} is
     * null, says nothing, and closes the connection.
     *
     * @param messages how many messages to accept first
     * @param reply the reply to the next MAIL FROM, or null for none
     * @return this builder
     */
    public Builder interruptAfter(int messages, String reply) {
      this.interruptAfter = messages;
      this.interruptReply = reply;
      return this;
    }

    /**
     * Starts the sink.
     *
     * @return the running sink; close it to stop
     * @throws java.io.IOException when the listener cannot be bound
     */
    public SmtpSink start() throws IOException {
      return new SmtpSink(this);
    }
  }

  /** {@return {@code 127.0.0.1}} */
  public String host() {
    return "127.0.0.1";
  }

  /** {@return the port} */
  public int port() {
    return listener.port();
  }

  /** {@return host and port as an {@link Endpoint}} */
  public Endpoint endpoint() {
    return Endpoint.of(host(), port());
  }

  /** {@return every command line received, in order (message data excluded)} */
  public List<String> commands() {
    synchronized (commands) {
      return List.copyOf(commands);
    }
  }

  /** {@return the messages received so far} */
  public List<Message> messages() {
    synchronized (messages) {
      return List.copyOf(messages);
    }
  }

  /** {@return how many messages were received so far (without copying them)} */
  public int messageCount() {
    return messages.size();
  }

  /** {@return how many connections were accepted} */
  public int connections() {
    return connections.get();
  }

  /**
   * Waits until {@code count} messages arrived and returns them.
   *
   * @param count how many messages to wait for
   * @param timeout how long to wait at most
   * @return the messages received so far, in order
   * @throws AssertionError when fewer arrived within {@code timeout}
   */
  public List<Message> waitForMessages(int count, Duration timeout) {
    return Waiting.forCount(count, timeout, this::messages);
  }

  private void serve(Socket socket) throws IOException {
    boolean first = connections.incrementAndGet() == 1;
    try (socket) {
      socket.setSoTimeout(60_000);
      InputStream in = new BufferedInputStream(socket.getInputStream(), BUFFER);
      OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 8192);
      byte[] buf = new byte[BUFFER];
      write(out, "220 sink.test ESMTP inetkit testkit sink\r\n");
      String mailFrom = null;
      List<String> rcpts = new ArrayList<>();
      int accepted = 0;
      String line;
      while (true) {
        if (in.available() == 0) {
          out.flush(); // the client waits: answer what it sent together (RFC 2920)
        }
        if ((line = Upstream.readLine(in)) == null) {
          break;
        }
        commands.add(line);
        String verb = StartTlsDialogue.verb(line);
        switch (verb) {
          case "EHLO" -> write(out, ehlo());
          case "HELO", "NOOP" -> write(out, "250 2.0.0 Ok\r\n");
          case "AUTH" -> write(out, "235 2.7.0 Authentication successful\r\n");
          case "RSET" -> {
            mailFrom = null;
            rcpts.clear();
            write(out, "250 2.0.0 Ok\r\n");
          }
          case "MAIL" -> {
            if (first && accepted == interruptAfter) {
              if (interruptReply != null) {
                write(out, interruptReply + "\r\n");
                out.flush();
              }
              return;
            }
            String refusal = rejectedSenders.get(address(line));
            if (refusal != null) {
              write(out, refusal + "\r\n");
              continue;
            }
            mailFrom = line;
            rcpts.clear();
            write(out, "250 2.1.0 Ok\r\n");
          }
          case "RCPT" -> {
            String reply =
                mailFrom == null ? "503 5.5.1 need MAIL first" : rejected.get(address(line));
            if (reply == null) {
              rcpts.add(line);
              write(out, "250 2.1.5 Ok\r\n");
            } else {
              write(out, reply + "\r\n");
            }
          }
          case "DATA" -> {
            if (mailFrom == null || rcpts.isEmpty()) {
              write(out, "503 5.5.1 need MAIL and RCPT first\r\n");
              continue;
            }
            write(out, "354 End data with <CR><LF>.<CR><LF>\r\n");
            out.flush();
            Message m = readData(in, buf, mailFrom, rcpts);
            if (m == null) {
              return;
            }
            messages.add(m);
            accepted++;
            write(out, "250 2.0.0 Ok: queued as " + messages.size() + "\r\n");
            mailFrom = null;
            rcpts.clear();
          }
          case "QUIT" -> {
            write(out, "221 2.0.0 Bye\r\n");
            out.flush();
            return;
          }
          default -> write(out, "500 5.5.2 Error: command not recognized\r\n");
        }
      }
    }
  }

  private String ehlo() {
    StringBuilder sb = new StringBuilder();
    sb.append(extensions.isEmpty() ? "250 " : "250-").append("sink.test\r\n");
    for (int i = 0; i < extensions.size(); i++) {
      sb.append(i == extensions.size() - 1 ? "250 " : "250-")
          .append(extensions.get(i))
          .append("\r\n");
    }
    return sb.toString();
  }

  private static String address(String rcptLine) {
    int open = rcptLine.indexOf('<');
    int close = rcptLine.indexOf('>', open + 1);
    return open < 0 || close < 0
        ? ""
        : rcptLine.substring(open + 1, close).toLowerCase(Locale.ROOT);
  }

  /** Reads data up to CRLF.CRLF, counting; returns null if the client hung up first. */
  private static Message readData(InputStream in, byte[] buf, String mailFrom, List<String> rcpts)
      throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    long size = 0;
    int state = 2; // 0 none, 1 CR, 2 CRLF (line start), 3 CRLF ".", 4 CRLF "." CR
    while (true) {
      in.mark(BUFFER);
      int n = in.read(buf);
      if (n < 0) {
        return null;
      }
      for (int i = 0; i < n; i++) {
        byte b = buf[i];
        state =
            switch (state) {
              case 1 -> b == '\n' ? 2 : b == '\r' ? 1 : 0;
              case 2 -> b == '.' ? 3 : b == '\r' ? 1 : 0;
              case 3 -> b == '\r' ? 4 : 0;
              case 4 -> b == '\n' ? 5 : b == '\r' ? 1 : 0;
              default -> b == '\r' ? 1 : 0;
            };
        if (state == 5) {
          long total = size + i + 1 - 3; // without ".\r\n"
          int headPart = Math.min(Math.max(0, HEAD_LIMIT - head.size()), i + 1);
          head.write(buf, 0, headPart);
          byte[] h = head.toByteArray();
          long headLen = Math.min(h.length, total);
          in.reset(); // give back what follows the final dot (e.g. a pipelined QUIT)
          in.readNBytes(i + 1);
          return new Message(mailFrom, rcpts, total, java.util.Arrays.copyOf(h, (int) headLen));
        }
      }
      int headPart = Math.min(Math.max(0, HEAD_LIMIT - head.size()), n);
      head.write(buf, 0, headPart);
      size += n;
    }
  }

  /** Buffers a reply; the loop flushes when the client has sent nothing more yet. */
  private static void write(OutputStream out, String s) throws IOException {
    out.write(s.getBytes(StandardCharsets.US_ASCII));
  }

  /** Stops the sink and closes every connection. */
  @Override
  public void close() {
    listener.close();
  }
}
