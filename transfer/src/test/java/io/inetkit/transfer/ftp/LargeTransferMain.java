package io.inetkit.transfer.ftp;

import io.inetkit.core.TlsMode;
import io.inetkit.testkit.ftp.FtpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;

/**
 * Runs in a child JVM with a small heap ({@code -Xmx64m}): uploads and downloads a file of the size
 * given (bytes) through an explicit-FTPS session with the embedded server, checks SHA-256 of both
 * copies, and prints throughput. Exit code 0 means byte-identical with bounded memory.
 */
public final class LargeTransferMain {
  private LargeTransferMain() {}

  public static void main(String[] args) throws Exception {
    long size = Long.parseLong(args[0]);
    TlsMode mode = TlsMode.valueOf(args.length > 1 ? args[1] : "STARTTLS_REQUIRED");
    Path dir = Files.createTempDirectory("inetkit-large-");
    try (FtpServer server = FtpServer.start()) {
      Path source = dir.resolve("source.bin");
      String sourceSum = write(source, size);
      FtpClient client =
          FtpClient.builder()
              .endpoint(server.endpoint())
              .tlsMode(mode)
              .trust(server.clientTrust())
              .credentials(server.writer().credentials())
              .build();
      try (FtpSession ftp = client.open()) {
        FtpTransfer up = ftp.put(source, "large.bin");
        report("put", up);
        Files.delete(source);
        String serverSum = sha256(server.resolve("alice", "large.bin"));
        require(serverSum.equals(sourceSum), "server copy differs");
        Path target = dir.resolve("target.bin");
        FtpTransfer down = ftp.get("large.bin", target);
        report("get", down);
        require(sha256(target).equals(sourceSum), "downloaded copy differs");
        require(Files.size(target) == size, "size differs");
      }
      System.out.println(
          "OK "
              + size
              + " bytes, max heap "
              + Runtime.getRuntime().maxMemory() / (1 << 20)
              + " MiB");
    } finally {
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static void report(String what, FtpTransfer t) {
    double mibps = t.bytes() / (1024.0 * 1024.0) / Math.max(1e-3, t.elapsed().toNanos() / 1e9);
    System.out.printf(
        "%s %d bytes in %.1f s: %.1f MiB/s%n",
        what, t.bytes(), t.elapsed().toMillis() / 1000.0, mibps);
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new AssertionError(message);
    }
  }

  /** Writes {@code size} pseudo-random bytes, streaming, and returns their SHA-256. */
  private static String write(Path file, long size) throws Exception {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    byte[] block = new byte[1 << 20];
    Random random = new Random(42);
    try (OutputStream out = Files.newOutputStream(file)) {
      for (long left = size; left > 0; ) {
        random.nextBytes(block);
        int n = (int) Math.min(block.length, left);
        out.write(block, 0, n);
        md.update(block, 0, n);
        left -= n;
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }

  private static String sha256(Path file) throws Exception {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    byte[] buf = new byte[1 << 18];
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      while ((n = in.read(buf)) > 0) {
        md.update(buf, 0, n);
      }
    } catch (IOException e) {
      throw e;
    }
    return HexFormat.of().formatHex(md.digest());
  }
}
