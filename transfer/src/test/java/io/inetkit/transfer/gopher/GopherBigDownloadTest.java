package io.inetkit.transfer.gopher;

import static org.assertj.core.api.Assertions.assertThat;

import io.inetkit.testkit.gopher.GopherServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A large binary item (100 MiB by default; {@code -Dinetkit.gopher.bigMiB=N}) downloads in a child
 * JVM limited to {@code -Xmx64m}: proof that the client streams instead of buffering.
 */
class GopherBigDownloadTest {
  private static final int MIB = 1024 * 1024;

  @Test
  void largeBinaryDownloadsInA64MiBHeap(@TempDir Path dir) throws Exception {
    int mib = Integer.getInteger("inetkit.gopher.bigMiB", 100);
    Path served = Files.createDirectories(dir.resolve("served"));
    String expected = writeRandomFile(served.resolve("big.bin"), mib);
    Path target = dir.resolve("out/big.bin");
    try (GopherServer server = GopherServer.start(served)) {
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      Process child =
          new ProcessBuilder(
                  List.of(
                      java,
                      "-Xmx64m",
                      "-cp",
                      System.getProperty("java.class.path"),
                      GopherDownloadMain.class.getName(),
                      server.url("9/big.bin"),
                      target.toString()))
              .redirectErrorStream(true)
              .start();
      String output;
      try (InputStream out = child.getInputStream()) {
        output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
      }
      assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(child.exitValue()).as(output).isZero();
      assertThat(output).contains("bytes=" + (long) mib * MIB);
      long maxHeap = Long.parseLong(output.replaceAll("(?s).*maxHeap=(\\d+).*", "$1"));
      assertThat(maxHeap).isLessThanOrEqualTo(64L * MIB);
    }
    assertThat(Files.size(target)).isEqualTo((long) mib * MIB);
    assertThat(sha256(target)).isEqualTo(expected);
  }

  private static String writeRandomFile(Path file, int mib) throws Exception {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    byte[] chunk = new byte[MIB];
    Random random = new Random(2026);
    try (OutputStream out = Files.newOutputStream(file)) {
      for (int i = 0; i < mib; i++) {
        random.nextBytes(chunk);
        md.update(chunk);
        out.write(chunk);
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }

  private static String sha256(Path file) throws Exception {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    byte[] buf = new byte[256 * 1024];
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      while ((n = in.read(buf)) > 0) {
        md.update(buf, 0, n);
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }
}
