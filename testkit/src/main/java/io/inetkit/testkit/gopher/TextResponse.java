package io.inetkit.testkit.gopher;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A text file as RFC 1436 text: every line ended by CRLF (whatever it had on disk), a line starting
 * with {@code .} sent with one more {@code .} in front (dot-stuffing), and a lone {@code .} line at
 * the end. Streamed line by line; lines of any length pass through.
 */
final class TextResponse {
  private TextResponse() {}

  static void write(GopherExchange x, Path file) throws IOException {
    x.plusHeaderDotTerminated();
    OutputStream out = x.out();
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024)) {
      boolean lineStart = true;
      boolean pendingCr = false;
      int b;
      while ((b = in.read()) >= 0) {
        if (pendingCr) {
          pendingCr = false;
          out.write('\r');
          out.write('\n');
          lineStart = true;
          if (b == '\n') {
            continue;
          }
        }
        if (b == '\r') {
          pendingCr = true;
          continue;
        }
        if (lineStart && b == '.') {
          out.write('.');
        }
        if (b == '\n') {
          out.write('\r');
          out.write('\n');
          lineStart = true;
          continue;
        }
        out.write(b);
        lineStart = false;
      }
      if (pendingCr || !lineStart) {
        out.write('\r');
        out.write('\n');
      }
    }
    x.terminator();
  }
}
