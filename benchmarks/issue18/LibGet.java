import io.inetkit.core.*;
import io.inetkit.transfer.ftp.*;
import java.nio.file.*;
public class LibGet {
  public static void main(String[] a) throws Exception {
    int port = Integer.parseInt(a[0]); boolean tls = a[1].equals("implicit"); int rounds = Integer.parseInt(a[3]);
    FtpClient.Builder b = FtpClient.builder().endpoint("127.0.0.1", port).tlsMode(tls ? TlsMode.IMPLICIT : TlsMode.NONE)
        .credentials(Credentials.password("anonymous", "x".toCharArray()));
    if (tls) b.trust(Trust.fromFile(Path.of(a[2])));
    FtpClient c = b.build();
    for (int i = 0; i < rounds; i++) {
      long t = System.nanoTime();
      long n;
      try (FtpSession s = c.open()) { n = s.get("big.bin", Path.of("lib-out.bin")).bytes(); }
      double sec = (System.nanoTime() - t) / 1e9;
      System.out.printf("lib round %d: %.2f s %.0f MiB/s%n", i, sec, n / 1048576.0 / sec);
    }
  }
}
