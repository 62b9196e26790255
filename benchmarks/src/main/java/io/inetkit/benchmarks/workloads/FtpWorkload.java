package io.inetkit.benchmarks.workloads;

import io.inetkit.benchmarks.Availability;
import io.inetkit.benchmarks.BenchContext;
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
 * Base of the FTP workloads: one {@link FtpServerKind FTP server} (testkit's Apache FtpServer or
 * vsftpd) plus the raw server, and curl URLs for both. By default a workload moves one 1 GiB file.
 * The id and title name the server when it is not the embedded one, e.g. {@code ftp-put-vsftpd}.
 */
abstract class FtpWorkload extends BulkWorkload {

  private final FtpServerKind kind;

  FtpWorkload(FtpServerKind kind) {
    super(Sizes.GIB);
    this.kind = kind;
  }

  /** The id on the embedded server, e.g. {@code ftp-put}. */
  abstract String baseId();

  /** The title on the embedded server, e.g. {@code FTP put}. */
  abstract String baseTitle();

  @Override
  public final String id() {
    return baseId() + kind.idSuffix();
  }

  @Override
  public final String title() {
    return baseTitle() + kind.titleSuffix();
  }

  /** The server this workload runs against. */
  final FtpServerKind kind() {
    return kind;
  }

  @Override
  public Availability availability() {
    return kind.availability();
  }

  @Override
  public void setUp(BenchContext context, long maxSize) throws Exception {
    super.setUp(context, maxSize);
    if (!server().has(kind.key("port"))) {
      throw new IOException(kind.label() + " is not running: " + server().command(kind.key("why")));
    }
  }

  /** The control port for {@code network} (a proxy that also relays passive data connections). */
  final int ftpPort(Network network) throws IOException {
    return port(kind.key("port"), network, LatencyProxy.Mode.FTP);
  }

  /** The FTP user's name. */
  final String user() {
    return server().get(kind.key("user"));
  }

  /** The FTP user's password (a testkit account on loopback; never a real secret). */
  final String password() {
    return server().get(kind.key("password"));
  }

  /** The CA file that signed the server's certificate. */
  final String caFile() {
    return server().get(kind.key("ca"));
  }

  /** The remote path of an upload named {@code name}, in the server's writable folder. */
  final String uploadPath(String name) {
    return server().get(kind.key("upload")) + "/" + name;
  }

  /** Where the server stores an upload named {@code name}. */
  final Path uploadedFile(String name) {
    return Path.of(server().get(kind.key("home")), uploadPath(name));
  }

  /** Deletes every upload, outside any timing. */
  final void deleteUploads() throws IOException {
    server().command(kind.key("clean"));
  }

  /** A folder of {@code count} files of {@code size} bytes on the server; returns its name. */
  final String tree(long count, long size) throws IOException {
    String dir = "tree-" + count;
    prepare(kind.key("tree") + " " + dir + " " + count + " " + size);
    return dir;
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
      b.trust(Trust.fromFile(Path.of(caFile())));
    }
    return b.build();
  }

  /** A file of {@code size} bytes in the FTP home and the raw server's data directory. */
  final String bigFile(long size) throws IOException {
    String name = "big-" + size + ".bin";
    prepare(kind.key("file") + " " + name + " " + size);
    return name;
  }
}
