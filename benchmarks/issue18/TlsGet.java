import io.inetkit.core.*;
import io.inetkit.transfer.ftp.*;
import java.nio.file.*;
import java.security.Security;
public class TlsGet {
  public static void main(String[] a) throws Exception {
    int port = Integer.parseInt(a[0]); String ca = a[1]; int rounds = Integer.parseInt(a[2]); String provider = a[3];
    if (provider.equals("conscrypt")) {
      Security.insertProviderAt((java.security.Provider) Class.forName("org.conscrypt.Conscrypt").getMethod("newProvider").invoke(null), 1);
    }
    // verification still on: a client that trusts only the system CAs must be refused
    try (FtpSession s = FtpClient.builder().endpoint("127.0.0.1", port).tlsMode(TlsMode.IMPLICIT)
        .credentials(Credentials.password("anonymous", "x".toCharArray())).build().open()) {
      System.out.println("UNEXPECTED: untrusted CA accepted");
    } catch (Exception expected) {
      System.out.println("untrusted CA refused: " + expected.getClass().getSimpleName());
    }
    FtpClient c = FtpClient.builder().endpoint("localhost", port).tlsMode(TlsMode.IMPLICIT)
        .credentials(Credentials.password("anonymous", "x".toCharArray())).trust(Trust.fromFile(Path.of(ca))).build();
    for (int i = 0; i < rounds; i++) {
      long t = System.nanoTime(); long n;
      try (FtpSession s = c.open()) { n = s.get("big.bin", Path.of("tls-out-" + provider + ".bin")).bytes(); }
      double sec = (System.nanoTime() - t) / 1e9;
      javax.net.ssl.SSLContext ctx = javax.net.ssl.SSLContext.getInstance("TLS");
      System.out.printf("%s round %d: %.2f s %.0f MiB/s (SSLContext provider %s)%n", provider, i, sec, n / 1048576.0 / sec, ctx.getProvider().getName());
    }
  }
}
