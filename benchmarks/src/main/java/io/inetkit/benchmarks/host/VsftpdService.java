package io.inetkit.benchmarks.host;

import io.inetkit.testkit.ftp.Vsftpd;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Debian's vsftpd, started through testkit's {@link Vsftpd} on a free 127.0.0.1 port (anonymous
 * user, FTPS optional), with its folder prepared on command ({@code vsftpd.file}, {@code
 * vsftpd.tree}, {@code vsftpd.clean}: see {@link FtpHome}). A faster server than Apache FtpServer,
 * for the workloads the embedded server limits.
 *
 * <p>Where vsftpd cannot run (not installed, not root) or does not start, it publishes only {@code
 * vsftpd.missing=true}, and {@code vsftpd.why} answers with the reason, so that the other services
 * still run and the vsftpd rows say why they are empty.
 *
 * <pre>{@code
 * services=vsftpd   ->   READY vsftpd.port=40131 vsftpd.user=anonymous vsftpd.ca=/tmp/ca.pem ...
 * }</pre>
 */
final class VsftpdService implements HostedService {

  private Vsftpd vsftpd;
  private FtpHome home;
  private String why = "";

  @Override
  public Map<String, String> start(Path data, Map<String, String> params) throws Exception {
    why = Vsftpd.unavailable().orElse("");
    if (why.isEmpty()) {
      try {
        vsftpd = Vsftpd.start(data.getParent(), Vsftpd.Tls.OPTIONAL);
      } catch (IOException | RuntimeException e) {
        why = "vsftpd did not start: " + e.getMessage();
        System.err.println(why);
      }
    }
    if (vsftpd == null) {
      return Map.of("vsftpd.missing", "true");
    }
    home = new FtpHome("vsftpd", data, vsftpd.root(), Vsftpd.INCOMING);
    Map<String, String> published = new HashMap<>(home.published());
    published.put("vsftpd.port", Integer.toString(vsftpd.port()));
    published.put("vsftpd.user", Vsftpd.USER);
    published.put("vsftpd.password", "bench");
    published.put("vsftpd.ca", vsftpd.caPemFile().toString());
    return published;
  }

  @Override
  public String command(String line) throws IOException {
    if (line.equals("vsftpd.why")) {
      return why.isEmpty() ? "running" : why.replace('\n', ' ');
    }
    return home == null ? null : home.command(line);
  }

  @Override
  public void close() {
    if (vsftpd != null) {
      vsftpd.close();
    }
  }
}
