package io.inetkit.mail.internal;

import io.inetkit.core.ConnectionClosedException;
import io.inetkit.core.Endpoint;
import io.inetkit.core.InetkitException;
import io.inetkit.core.ProtocolViolationException;
import io.inetkit.core.internal.Inputs;
import io.inetkit.core.internal.ReplyText;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.util.Locale;

/**
 * What actually crossed the wire of an IMAP or POP3 connection, seen below Angus Mail: the verb of
 * the last command sent (never its arguments), the status line of the last POP3 reply, and whether
 * the server said anything at all. {@link MailExceptions} uses these facts instead of Angus's
 * messages, which mix the server's text with Angus's own (an {@code EOF on socket} shown as if it
 * were the server's {@code -ERR}).
 *
 * <p>Its streams also enforce what Angus lets through: a NUL byte in a reply line (IMAP: outside
 * literals; POP3: in status lines; message data may hold one), a greeting that is not one, an
 * untagged IMAP response of a shape Angus's parser cannot take ({@link ImapResponseShape}), and a
 * connection closed or reset before the greeting (a {@link ConnectionClosedException}, where Angus
 * would report a failed login). Failures are {@linkplain OperationBounds#record recorded} so the
 * session reports them even when Angus drops the cause. One per connection. Not part of the public
 * API.
 */
public final class WireWatch {
  private static final int STATUS_KEEP = 512;

  private final Endpoint endpoint;
  private final boolean imap;
  private final OperationBounds deadline;
  private volatile long received;
  private volatile String lastVerb = "";
  private volatile String lastStatus = "";
  private volatile boolean inStatusLine = true; // the greeting is the first status line
  private volatile boolean continuation;
  private volatile String refusedVerb = "";
  private volatile String refusal = "";
  private long
      literalLeft; // IMAP: bytes of a literal still to come // the server's last line asked for
  // more ("+ ...")
  private final StringBuilder status = new StringBuilder();
  private final StringBuilder command = new StringBuilder();
  private final ImapResponseShape shape = new ImapResponseShape();

  WireWatch(Endpoint endpoint, boolean imap, OperationBounds deadline) {
    this.endpoint = endpoint;
    this.imap = imap;
    this.deadline = deadline;
  }

  /**
   * Returns the upper-case verb of the last command sent ({@code STLS}, {@code PASS}), or ""; QUIT
   * and LOGOUT are not counted.
   */
  public String lastVerb() {
    return lastVerb;
  }

  /**
   * Returns the last complete POP3 status line ({@code +OK ...} or {@code -ERR ...}: the greeting,
   * or the first line of the reply to the last command), or "" when none came yet.
   */
  public String lastStatus() {
    return lastStatus;
  }

  /**
   * Returns the verb of the last command the server refused ({@code -ERR}, {@code NO}, {@code BAD})
   * when no command was sent after it, else "".
   */
  public String refusedVerb() {
    return refusedVerb;
  }

  /** Returns the refusal {@link #refusedVerb()} received, or "". */
  public String refusal() {
    return refusal;
  }

  /** Returns whether the server sent at least one byte on this connection. */
  public boolean heardFromServer() {
    return received > 0;
  }

  InputStream input(InputStream raw) {
    return new FilterInputStream(raw) {
      @Override
      public int read() throws IOException {
        int c = arrived(in::read);
        if (c >= 0) {
          inspect(new byte[] {(byte) c}, 0, 1);
        }
        return c;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int n = arrived(() -> in.read(b, off, len));
        inspect(b, off, n);
        return n;
      }
    };
  }

  /** One read from the raw stream. */
  @FunctionalInterface
  private interface RawRead {
    int read() throws IOException;
  }

  /** Runs {@code read}, turning a reset or end of stream before the greeting into its failure. */
  private int arrived(RawRead read) throws IOException {
    int n;
    try {
      n = read.read();
    } catch (SocketTimeoutException | InetkitException e) {
      throw e; // the deadline guard explains these
    } catch (IOException e) {
      throw received == 0 ? deadline.record(beforeGreeting("reset the connection", e)) : e;
    }
    if (n < 0 && received == 0) {
      throw deadline.record(beforeGreeting("closed the connection", null));
    }
    return n;
  }

  OutputStream output(OutputStream raw) {
    return new FilterOutputStream(raw) {
      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        for (int i = 0; i < len; i++) {
          sent(b[off + i]);
        }
        out.write(b, off, len);
      }
    };
  }

  private ConnectionClosedException beforeGreeting(String what, IOException cause) {
    return new ConnectionClosedException(
        "the server " + what + " before its greeting", endpoint, cause);
  }

  /**
   * Inspects {@code n} bytes just read: literals are skipped in one step, and the byte count is
   * updated once per read (not per byte: it is read by other threads).
   */
  private void inspect(byte[] b, int off, int n) throws ProtocolViolationException {
    long before = received;
    if (n > 0) {
      received = before + n;
    }
    int i = 0;
    while (i < n) {
      if (literalLeft > 0) {
        int skip = (int) Math.min(literalLeft, n - i);
        literalLeft -= skip; // an IMAP literal (message data) is not a reply line
        i += skip;
        continue;
      }
      if (!imap && !inStatusLine) {
        return; // a POP3 multi-line body: only its status line is a reply line
      }
      int end = i; // a run of line bytes up to the next line end, taken in one step
      while (end < n && b[off + end] != '\n') {
        end++;
      }
      if (end > i) {
        lineBytes(b, off + i, off + end, before + i == 0);
      }
      if (end < n) {
        lineEnd(before + end == 0);
      }
      i = end + 1;
    }
  }

  /** Takes bytes {@code from} to {@code to} of a reply line (no line end among them). */
  private void lineBytes(byte[] b, int from, int to, boolean first)
      throws ProtocolViolationException {
    if (imap) {
      shape.add(b, from, to);
    }
    for (int k = from; k < to; k++) {
      if (status.length() < STATUS_KEEP) {
        status.append((char) (b[k] & 0xff));
      }
      if (b[k] == 0) {
        if ((first && k == from) || (lastStatus.isEmpty() && lastVerb.isEmpty())) {
          checkGreeting(status.toString());
        }
        throw deadline.record(
            ReplyText.nulByte(
                lastVerb.isEmpty()
                    ? "waiting for the greeting"
                    : "waiting for the reply to " + lastVerb,
                endpoint,
                status.toString()));
      }
    }
  }

  private void lineEnd(boolean first) throws ProtocolViolationException {
    boolean greeting = first || (lastStatus.isEmpty() && lastVerb.isEmpty());
    String line = status.toString().strip();
    status.setLength(0);
    literalLeft = imap ? literalAnnounced(line) : 0;
    continuation = line.startsWith("+") && (imap || !line.startsWith("+OK"));
    if (inStatusLine) {
      lastStatus = line;
      if (line.startsWith("-ERR") || line.matches("[A-Za-z0-9.]+ (NO|BAD)( .*)?")) {
        refusedVerb = lastVerb;
        refusal = line;
      }
      inStatusLine = imap;
      if (greeting) {
        checkGreeting(line);
      }
    }
    if (imap) {
      checkShape(line);
    }
  }

  /** Throws when {@code line} ends an untagged IMAP response Angus Mail must not parse. */
  private void checkShape(String line) throws ProtocolViolationException {
    String problem = shape.lineEnd(line, literalLeft > 0);
    if (problem != null) {
      String first = shape.firstLine();
      throw deadline.record(
          new ProtocolViolationException(
              (lastVerb.isEmpty() ? "waiting for the greeting" : "reply to " + lastVerb)
                  + ": malformed response ("
                  + problem
                  + "): "
                  + Inputs.quote(first.equals(line) ? line : first + " ... " + line),
              endpoint,
              null));
    }
  }

  /**
   * Returns N when an IMAP line ends with {@code {N}} or {@code {N+}} (a literal follows), else 0.
   */
  static long literalAnnounced(String line) {
    int open = line.lastIndexOf('{');
    if (!line.endsWith("}") || open < 0) {
      return 0;
    }
    String digits = line.substring(open + 1, line.length() - 1);
    if (digits.endsWith("+")) {
      digits = digits.substring(0, digits.length() - 1);
    }
    if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(Character::isDigit)) {
      return 0;
    }
    return Long.parseLong(digits);
  }

  private void checkGreeting(String line) throws ProtocolViolationException {
    String upper = line.toUpperCase(Locale.ROOT);
    for (String prefix :
        imap ? new String[] {"* OK", "* PREAUTH", "* BYE"} : new String[] {"+OK", "-ERR"}) {
      if (upper.startsWith(prefix)) {
        return;
      }
    }
    throw deadline.record(
        new ProtocolViolationException(
            "unexpected response instead of "
                + (imap ? "an IMAP" : "a POP3")
                + " greeting: "
                + Inputs.quote(line),
            endpoint,
            null));
  }

  private void sent(byte b) {
    if (b == '\n') {
      String line = command.toString().strip();
      command.setLength(0);
      if (continuation) {
        return; // the client's answer to a "+" continuation: credentials or literal data
      }
      String[] words = line.split(" ", 4);
      int at = imap ? 1 : 0;
      String verb = words.length > at ? words[at].toUpperCase(Locale.ROOT) : "";
      if (imap && verb.equals("UID") && words.length > 2) {
        verb += " " + words[2].toUpperCase(Locale.ROOT); // UID FETCH, UID SEARCH...
      }
      if (verb.matches("(UID )?[A-Z]{2,16}") && !verb.equals("QUIT") && !verb.equals("LOGOUT")) {
        // a goodbye is not recorded: Angus says it after its own decision, and what came
        // before it is what explains a failure
        refusedVerb = "";
        refusal = "";
        lastVerb = verb;
        lastStatus = "";
        inStatusLine = true;
      }
    } else if (command.length() < 24
        && command.chars().filter(c -> c == ' ').count() < wordsKept()) {
      command.append((char) (b & 0xff)); // the tag and verb, never the arguments (a password)
    }
  }

  /**
   * Returns how many words of a command line are kept: POP3 the verb, IMAP the tag and verb (UID's
   * too).
   */
  private int wordsKept() {
    if (!imap) {
      return 1;
    }
    String[] words = command.toString().split(" ", 3);
    return words.length > 2 && words[1].equalsIgnoreCase("UID") ? 3 : 2;
  }
}
