package io.inetkit.benchmarks.host;

import io.inetkit.testkit.ftp.FtpServer;
import io.inetkit.testkit.ftp.FtpUser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * testkit's {@link FtpServer} (Apache FtpServer, explicit FTPS on the same port) with the writable
 * user's home prepared on command ({@code ftp.file}, {@code ftp.tree}, {@code ftp.clean}: see
 * {@link FtpHome}).
 *
 * <pre>{@code
 * services=ftp   ->   READY ftp.port=40127 ftp.user=alice ftp.password=alice-secret ftp.ca=/tmp/ca.pem ...
 * }</pre>
 */
final class FtpService implements HostedService {

  private FtpServer server;
  private FtpHome home;

  @Override
  public Map<String, String> start(Path data, Map<String, String> params) throws Exception {
    this.server = FtpServer.start();
    FtpUser user = server.writer();
    this.home = new FtpHome("ftp", data, server.home(user.name()), "upload");
    Map<String, String> published = new HashMap<>(home.published());
    published.put("ftp.port", Integer.toString(server.port()));
    published.put("ftp.user", user.name());
    published.put("ftp.password", user.password());
    published.put("ftp.ca", server.pki().caPemFile().toString());
    return published;
  }

  @Override
  public String command(String line) throws IOException {
    return home == null ? null : home.command(line);
  }

  @Override
  public void close() {
    if (server != null) {
      server.close();
    }
  }
}
