package io.inetkit.testkit.telnet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * {@code flood bytes}: writes exactly {@code bytes} bytes of numbered 64-byte lines as fast as the
 * socket takes them, in 256 KiB writes, for throughput and bounded-memory tests. Lines are
 * generated without formatting calls (a {@code String.format} per 64-byte line capped the server
 * near 100 MiB/s, below every client it was meant to measure). The content is {@link
 * #content(long)}; it holds no IAC and already uses CR LF, so it is the same on the wire and after
 * Telnet decoding.
 */
final class FloodCommand implements ShellCommand {
  /** Each line: ten-digit line number, a space, 51 letters, CR LF. */
  static final int LINE = 64;

  private static final byte[] LETTERS =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXY".getBytes(StandardCharsets.US_ASCII);

  @Override
  public Outcome run(String args, Context context) throws IOException {
    long total;
    try {
      total = Long.parseLong(args.trim());
    } catch (NumberFormatException e) {
      total = -1;
    }
    if (total < 0) {
      context.out().text("flood: usage: flood <bytes>\n");
      return Outcome.CONTINUE;
    }
    byte[] buf = new byte[256 * 1024];
    try (InputStream in = content(total)) {
      int n;
      while ((n = in.read(buf)) > 0) {
        context.out().raw(buf, 0, n);
      }
    }
    return Outcome.CONTINUE;
  }

  /** {@return the {@code total} bytes that {@code flood total} sends} */
  static InputStream content(long total) {
    return new InputStream() {
      private long pos;
      private final byte[] line = new byte[LINE];
      private long lineNo = -1;

      { // everything but the number is the same on every line
        line[10] = ' ';
        System.arraycopy(LETTERS, 0, line, 11, LETTERS.length);
        line[LINE - 2] = '\r';
        line[LINE - 1] = '\n';
      }

      @Override
      public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (pos >= total) {
          return -1;
        }
        int n = 0;
        while (n < len && pos < total) {
          long no = pos / LINE;
          if (no != lineNo) {
            fill(no);
          }
          int at = (int) (pos % LINE);
          int take = (int) Math.min(Math.min(LINE - at, len - n), total - pos);
          System.arraycopy(line, at, b, off + n, take);
          n += take;
          pos += take;
        }
        return n;
      }

      private void fill(long no) {
        if (no == lineNo + 1 && lineNo >= 0) { // the usual case: count up in place
          int i = 9;
          while (i >= 0 && line[i] == '9') {
            line[i--] = '0';
          }
          if (i >= 0) {
            line[i]++;
          }
        } else {
          long digits = no % 10_000_000_000L; // ten digits, zero-padded
          for (int i = 9; i >= 0; i--) {
            line[i] = (byte) ('0' + digits % 10);
            digits /= 10;
          }
        }
        lineNo = no;
      }
    };
  }
}
