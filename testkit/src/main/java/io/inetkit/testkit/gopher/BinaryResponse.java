package io.inetkit.testkit.gopher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file sent raw, as RFC 1436 binary items are: the bytes, then the server closes the connection.
 * Gopher+ requests get a {@code +<length>} header first. Streamed through a 256 KiB buffer, so
 * files of any size are served in constant memory.
 */
final class BinaryResponse {
  static final int BUFFER = 256 * 1024;

  private BinaryResponse() {}

  static void write(GopherExchange x, Path file) throws IOException {
    x.plusHeaderLength(Files.size(file));
    byte[] buf = new byte[BUFFER];
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      while ((n = in.read(buf)) > 0) {
        x.out().write(buf, 0, n);
      }
    }
  }
}
