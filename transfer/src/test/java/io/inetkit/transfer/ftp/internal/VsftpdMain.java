package io.inetkit.transfer.ftp.internal;

import io.inetkit.core.Timeouts;
import io.inetkit.core.TlsMode;
import io.inetkit.core.Trust;
import io.inetkit.transfer.ftp.FtpClient;
import io.inetkit.transfer.ftp.FtpSession;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Security;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;

/**
 * Child-JVM driver for the vsftpd test: restricts the JDK to one TLS version (a JVM-wide setting,
 * hence the child), then lists, uploads and downloads over explicit FTPS as anonymous in {@code
 * incoming/}. Arguments: port, CA PEM file, {@code TLSv1.2} or {@code TLSv1.3}.
 */
public final class VsftpdMain {
  private VsftpdMain() {}

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    String protocol = args[2];
    String other = protocol.equals("TLSv1.2") ? "TLSv1.3" : "TLSv1.2";
    Security.setProperty(
        "jdk.tls.disabledAlgorithms",
        Security.getProperty("jdk.tls.disabledAlgorithms") + ", " + other);
    FtpClient client =
        FtpClient.builder()
            .endpoint("127.0.0.1", port)
            .tlsMode(TlsMode.STARTTLS_REQUIRED)
            .trust(Trust.fromFile(Path.of(args[1])))
            .anonymous()
            .timeouts(Timeouts.DEFAULT.withRead(Duration.ofSeconds(10)))
            .build();
    byte[] payload = new byte[3_000_000];
    new Random(1).nextBytes(payload);
    Path local = Files.createTempFile("vsftpd-", ".bin");
    Files.write(local, payload);
    try (FtpSession ftp = client.open()) {
      String negotiated =
          ((javax.net.ssl.SSLSocket) CommonsNetFtpSession.controlSocket(ftp))
              .getSession()
              .getProtocol();
      check(negotiated.equals(protocol), "negotiated " + negotiated);
      for (int i = 0; i < 3; i++) { // several data connections per control connection
        ftp.put(local, "incoming/up" + i + ".bin");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ftp.get("incoming/up" + i + ".bin", out);
        check(Arrays.equals(out.toByteArray(), payload), "downloaded bytes differ");
        check(
            ftp.list("incoming").stream()
                .anyMatch(e -> e.name().equals("up0.bin") && e.size() == payload.length),
            "listing lacks up0.bin");
      }
      try { // vsftpd answers LIST of a missing folder with an empty 150/226
        ftp.list("no-such-folder/");
        check(false, "a missing folder listed as empty");
      } catch (io.inetkit.core.NotFoundException expected) {
        check(expected.reply().code() == 550, "missing folder: " + expected.getMessage());
      }
      Path down = local.resolveSibling(local.getFileName() + ".down");
      ftp.get("incoming/up2.bin", down);
      check(Arrays.equals(Files.readAllBytes(down), payload), "downloaded file differs");
      Files.delete(down);
      System.out.println(
          "OK "
              + negotiated
              + " "
              + CommonsNetFtpSession.lastDataSocket(ftp).getSession().getProtocol());
    } finally {
      Files.delete(local);
    }
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new AssertionError(message);
    }
  }
}
