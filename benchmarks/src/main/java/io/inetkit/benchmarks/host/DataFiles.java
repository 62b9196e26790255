package io.inetkit.benchmarks.host;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Deterministic test data: pseudo-random bytes (so nothing along the way can compress them), the
 * same for a given name and size on every run.
 *
 * <pre>{@code
 * Path big = DataFiles.create(dir.resolve("big.bin"), 1L << 30);
 * }</pre>
 */
public final class DataFiles {

  private static final int BLOCK = 1 << 20;

  private DataFiles() {}

  /** Writes {@code size} pseudo-random bytes to {@code file} unless it already has that size. */
  public static Path create(Path file, long size) throws IOException {
    if (Files.isRegularFile(file) && Files.size(file) == size) {
      return file;
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    byte[] block = new byte[(int) Math.max(1, Math.min(BLOCK, size))];
    new Random(file.getFileName().toString().hashCode() ^ size).nextBytes(block);
    try (OutputStream out = Files.newOutputStream(file)) {
      long left = size;
      while (left > 0) {
        int n = (int) Math.min(block.length, left);
        out.write(block, 0, n);
        left -= n;
        block[(int) (left % block.length)] ^= 0x5a;
      }
    }
    return file;
  }

  /** Parses {@code name:size,name:size} and creates each file under {@code dir}. */
  public static void createAll(Path dir, String spec) throws IOException {
    if (spec == null || spec.isBlank()) {
      return;
    }
    for (String item : spec.split(",")) {
      int colon = item.lastIndexOf(':');
      create(dir.resolve(item.substring(0, colon)), Long.parseLong(item.substring(colon + 1)));
    }
  }
}
