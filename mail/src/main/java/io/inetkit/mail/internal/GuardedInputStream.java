package io.inetkit.mail.internal;

import io.inetkit.core.Endpoint;
import io.inetkit.core.InetkitTimeoutException;
import io.inetkit.core.LimitExceededException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

/**
 * Watches what a mail server sends, below Angus Mail's parser, and stops a hostile server before it
 * can exhaust memory: Angus buffers a whole response line, and a whole IMAP literal, in one growing
 * array. This stream throws {@link LimitExceededException} as soon as a line (outside literals)
 * exceeds its limit, an IMAP literal announces more bytes than allowed or a reply exceeds the byte
 * budget its operation set (POP3 TOP), and {@link InetkitTimeoutException} when the current
 * operation's overall deadline has passed (a server trickling one byte per read timeout). After a
 * limit is crossed the connection is out of step with the server, so {@code onLimit} closes it
 * before the exception is thrown: nothing more is sent on it (no POP3 QUIT that would commit
 * deletions). Not part of the public API.
 */
final class GuardedInputStream extends FilterInputStream {
  private final Endpoint endpoint;
  private final MailLimits limits;
  private final OperationBounds deadline;
  private final Runnable onLimit;
  private final Duration readTimeout;
  // last bytes of the current line, for "{123}\r\n" and a whole "* 123 EXISTS\r\n": written
  // round a ring as bytes arrive (one store per byte), laid out in order into tail at a line end
  private static final int TAIL = 48;
  private final byte[] ring = new byte[TAIL];
  private final byte[] tail = new byte[TAIL];
  private int ringPos;
  private long lineLength;
  private long literalRemaining;

  GuardedInputStream(
      InputStream in,
      Endpoint endpoint,
      MailLimits limits,
      OperationBounds deadline,
      Runnable onLimit,
      Duration readTimeout) {
    super(in);
    this.readTimeout = readTimeout;
    this.endpoint = endpoint;
    this.limits = limits;
    this.deadline = deadline;
    this.onLimit = onLimit;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    deadline.check();
    int n;
    try {
      n = super.read(b, off, len);
    } catch (java.net.SocketTimeoutException e) {
      // recorded: Angus turns it into a "connection closed" (a synthetic BYE) and may drop it
      IOException explained = deadline.explain(e);
      throw explained != e
          ? explained
          : deadline.record(
              new InetkitTimeoutException(
                  deadline.phase() + " with " + endpoint,
                  endpoint,
                  readTimeout,
                  InetkitTimeoutException.Limit.READ,
                  e));
    } catch (IOException e) {
      throw deadline.explain(e);
    }
    if (n < 0) {
      deadline.check(); // the watchdog's close can look like the server hanging up
    }
    try {
      deadline.consume(n, endpoint);
      if (!limits.literals()) {
        countLines(b, off, n);
        return n;
      }
      for (int i = 0; i < n; i++) {
        if (literalRemaining > 0) {
          long skip = Math.min(literalRemaining, n - i);
          literalRemaining -= skip;
          i += (int) skip - 1;
          continue;
        }
        inspect(b[off + i]);
      }
    } catch (LimitExceededException e) {
      onLimit.run();
      throw e;
    }
    return n;
  }

  /**
   * The line-length check alone (POP3: no literals), one pass without per-byte bookkeeping: a
   * message streamed over RETR crosses here byte by byte otherwise.
   */
  private void countLines(byte[] b, int off, int n) throws LimitExceededException {
    long length = lineLength;
    for (int i = off, end = off + n; i < end; i++) {
      if (b[i] == '\n') {
        length = 0;
      } else if (++length > limits.maxLine()) {
        throw lineTooLong();
      }
    }
    lineLength = length;
  }

  private LimitExceededException lineTooLong() {
    return deadline.record(
        new LimitExceededException(
            "the server sent a line longer than " + limits.maxLine() + " bytes",
            endpoint,
            limits.maxLine()));
  }

  private void inspect(byte b) throws LimitExceededException {
    ring[ringPos] = b;
    ringPos = ringPos == TAIL - 1 ? 0 : ringPos + 1;
    lineLength++;
    if (b == '\n') {
      if (limits.literals()) {
        orderTail();
        long literal = literalAnnounced();
        if (literal > limits.maxLiteral()) {
          throw deadline.record(
              new LimitExceededException(
                  "the server announced a literal of " + literal + " bytes",
                  endpoint,
                  limits.maxLiteral()));
        }
        literalRemaining = Math.max(literal, 0);
        long exists = existsAnnounced();
        if (exists > limits.maxMessages()) {
          throw deadline.record(
              new LimitExceededException(
                  "the server announced a folder of "
                      + exists
                      + " messages (EXISTS), more than"
                      + " ImapClient.maxMessages",
                  endpoint,
                  limits.maxMessages()));
        }
      }
      lineLength = 0;
    } else if (lineLength > limits.maxLine()) {
      throw lineTooLong();
    }
  }

  /**
   * Lays the line's last bytes (at most {@link #TAIL}, the line end included) out in {@link #tail}
   * in order, the last byte last, zeros before the line's start.
   */
  private void orderTail() {
    int kept = (int) Math.min(lineLength, TAIL);
    java.util.Arrays.fill(tail, 0, TAIL - kept, (byte) 0);
    // the ring's oldest byte is at ringPos: its last `kept` bytes end just before ringPos
    int start = ringPos - kept;
    if (start >= 0) {
      System.arraycopy(ring, start, tail, TAIL - kept, kept);
    } else {
      System.arraycopy(ring, TAIL + start, tail, TAIL - kept, -start);
      System.arraycopy(ring, 0, tail, TAIL - kept - start, ringPos);
    }
  }

  /**
   * Returns N when the line is {@code * N EXISTS} (the folder's message count, which Angus sizes
   * arrays by), else -1. Such a line is short: it is whole in {@link #tail}.
   */
  private long existsAnnounced() {
    if (lineLength > tail.length || lineLength < 12) {
      return -1;
    }
    int last = tail.length - 1;
    while (last > 0 && Character.isWhitespace((char) (tail[last] & 0xff))) {
      last--;
    }
    if (tail[last] != 'S' && tail[last] != 's') {
      return -1; // not "... EXISTS" (most lines): told without making a string
    }
    String line =
        new String(
                tail,
                tail.length - (int) lineLength,
                (int) lineLength,
                java.nio.charset.StandardCharsets.ISO_8859_1)
            .strip();
    if (!line.startsWith("* ") || !line.regionMatches(true, line.length() - 7, " EXISTS", 0, 7)) {
      return -1;
    }
    String number = line.substring(2, line.length() - 7);
    if (number.isEmpty()
        || number.length() > 18
        || !number.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return -1;
    }
    return Long.parseLong(number);
  }

  /** Returns N when the line so far ends with {@code {N}\r\n}, else -1. */
  private long literalAnnounced() {
    int end = tail.length - 1; // '\n'
    if (tail[end - 1] != '\r' || tail[end - 2] != '}') {
      return -1;
    }
    long value = 0;
    int digits = 0;
    int i = end - 3;
    if (i >= 0 && tail[i] == '+') {
      i--;
    }
    for (; i >= 0 && tail[i] >= '0' && tail[i] <= '9'; i--) {
      digits++;
    }
    if (digits == 0 || i < 0 || tail[i] != '{') {
      return -1;
    }
    if (digits > 18) {
      return Long.MAX_VALUE;
    }
    for (int k = i + 1; k < i + 1 + digits; k++) {
      value = value * 10 + (tail[k] - '0');
    }
    return value;
  }
}
