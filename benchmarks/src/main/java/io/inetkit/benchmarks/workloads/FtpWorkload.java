package io.inetkit.benchmarks.workloads;

import io.inetkit.benchmarks.LatencyProxy;
import io.inetkit.benchmarks.Network;
import io.inetkit.benchmarks.Sizes;
import io.inetkit.core.Credentials;
import io.inetkit.core.TlsMode;
import io.inetkit.core.Trust;
import io.inetkit.transfer.ftp.FtpClient;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Base of the FTP workloads: testkit's FtpServer plus the raw server, and curl URLs for both. By
 * default a workload moves one 1 GiB file.
 */
abstract class FtpWorkload extends BulkWorkload {

  FtpWorkload() {
    super(Sizes.GIB);
  }


  /** The control port for {@code network} (a proxy that also relays passive data connections). */
  final int ftpPort(Network network) throws IOException {
    return port("ftp.port", network, LatencyProxy.Mode.FTP);
  }

  /** The FTP user's name. */
  final String user() {
    return server().get("ftp.user");
  }

  /** The FTP user's password (a testkit account on loopback; never a real secret). */
  final String password() {
    return server().get("ftp.password");
  }

  /** {@code ftp://user:password@127.0.0.1:port/path} for curl. */
  final String curlUrl(Network network, String path) throws IOException {
    return "ftp://" + user() + ":" + password() + "@" + HOST + ":" + ftpPort(network) + "/" + path;
  }

  /** inetkit's FTP client for {@code network}: plain, or explicit FTPS trusting testkit's CA. */
  final FtpClient inetkit(Network network, TlsMode tls) throws IOException {
    FtpClient.Builder b =
        FtpClient.builder()
            .endpoint(HOST, ftpPort(network))
            .tlsMode(tls)
            .credentials(Credentials.password(user(), password().toCharArray()));
    if (tls != TlsMode.NONE) {
      b.trust(Trust.fromFile(Path.of(server().get("ftp.ca"))));
    }
    return b.build();
  }

  /** A file of {@code size} bytes in the FTP home and the raw server's data directory. */
  final String bigFile(long size) throws IOException {
    String name = "big-" + size + ".bin";
    prepare("ftp.file " + name + " " + size);
    return name;
  }
}
