import io.inetkit.testkit.ftp.Vsftpd;
import java.nio.file.*;
import java.io.*;
public class StartVsftpd {
  public static void main(String[] a) throws Exception {
    Path parent = Files.createTempDirectory("vsx");
    try (Vsftpd plain = Vsftpd.start(parent, Vsftpd.Tls.OPTIONAL);
         Vsftpd implicit = Vsftpd.start(parent, Vsftpd.Tls.IMPLICIT)) {
      for (Vsftpd v : new Vsftpd[] {plain, implicit}) {
        Path f = v.root().resolve("big.bin");
        try (RandomAccessFile r = new RandomAccessFile(f.toFile(), "rw")) {
          byte[] buf = new byte[1 << 20]; new java.util.Random(1).nextBytes(buf);
          for (int i = 0; i < Long.parseLong(a[0]); i++) r.write(buf);
        }
      }
      System.out.println("plain=" + plain.port() + " implicit=" + implicit.port() + " ca=" + implicit.caPemFile());
      System.out.flush();
      Thread.sleep(Long.MAX_VALUE);
    }
  }
}
