package io.inetkit.testkit.ftp;

import io.inetkit.testkit.host.HostProcess;
import io.inetkit.testkit.tls.TestPki;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Debian's vsftpd ({@code /usr/sbin/vsftpd}), started on a free 127.0.0.1 port with its own
 * configuration in a temp folder: anonymous users (any password) download from {@link #root()} and
 * upload into {@link #incoming()}; local users (such as a {@link
 * io.inetkit.testkit.host.SystemUser}) log in with their password to their home folder; passive
 * data ports on 127.0.0.1; FTPS with a {@link TestPki} certificate as {@link Tls} says. A real,
 * fast server next to the embedded {@link FtpServer}; it needs root (vsftpd chroots anonymous
 * sessions and drops to the {@code ftp} user).
 *
 * <pre>{@code
 * if (Vsftpd.unavailable().isEmpty()) {
 *   try (Vsftpd ftpd = Vsftpd.start(Files.createTempDirectory("ftp"), Vsftpd.Tls.OPTIONAL)) {
 *     // ftp://anonymous:x@127.0.0.1:<ftpd.port()>/   uploads to incoming/
 *   }
 * }
 * }</pre>
 */
public final class Vsftpd implements AutoCloseable {

  /** Where Debian installs the server. */
  public static final Path EXECUTABLE = Path.of("/usr/sbin/vsftpd");

  /** The writable folder under {@link #root()}, as seen by clients. */
  public static final String INCOMING = "incoming";

  /** The user name clients log in with (any password is accepted). */
  public static final String USER = "anonymous";

  /** How FTPS is offered. */
  public enum Tls {
    /**
     * AUTH TLS is offered; plain FTP works too; data connections need not resume the TLS session.
     */
    OPTIONAL,
    /**
     * Logins and data must use TLS, and data connections must resume the control connection's TLS
     * session ({@code require_ssl_reuse=YES}, the strict setting many servers use).
     */
    REQUIRED_WITH_SESSION_REUSE,
    /**
     * TLS from the first byte (implicit FTPS, as on port 990); data connections must resume the
     * control connection's session, vsftpd's default.
     */
    IMPLICIT
  }

  private final Path dir;
  private final Process process;
  private final int port;
  private final Path caPem;

  private Vsftpd(Path dir, Process process, int port, Path caPem) {
    this.dir = dir;
    this.process = process;
    this.port = port;
    this.caPem = caPem;
  }

  /**
   * Why vsftpd cannot be started here (not installed, not root), or empty when it can.
   *
   * @return why vsftpd cannot start here, or empty when it can
   */
  public static Optional<String> unavailable() {
    return HostProcess.unavailable(EXECUTABLE, "vsftpd");
  }

  /**
   * Starts vsftpd with its configuration, certificate and folders in a new folder under {@code
   * parent} (deleted by {@link #close()}) and waits until it accepts connections.
   *
   * @param parent the folder under which vsftpd's own folder is made
   * @param tls how strictly vsftpd requires TLS
   * @return the running server; close it to stop it and delete its folder
   * @throws IllegalStateException when {@link #unavailable()} says why it cannot start
   * @throws IOException when it does not come up; the message holds its log
   */
  public static Vsftpd start(Path parent, Tls tls) throws IOException {
    return start(parent, tls, null);
  }

  /**
   * Like {@link #start(Path, Tls)}, with vsftpd's OpenSSL limited to one TLS version ({@code
   * "TLSv1.2"} or {@code "TLSv1.3"}; null allows both) through an OpenSSL configuration file
   * ({@code OPENSSL_CONF}), so clients are tested with their default settings.
   *
   * @param parent the folder under which vsftpd's own folder is made
   * @param tls how strictly vsftpd requires TLS
   * @param tlsProtocol the one TLS version to allow, or null for both
   * @return the running server; close it to stop it and delete its folder
   * @throws java.io.IOException when it does not come up; the message holds its log
   */
  public static Vsftpd start(Path parent, Tls tls, String tlsProtocol) throws IOException {
    if (tlsProtocol != null && !tlsProtocol.matches("TLSv1\\.[23]")) {
      throw new IllegalArgumentException("TLSv1.2 or TLSv1.3, not " + tlsProtocol);
    }
    unavailable()
        .ifPresent(
            why -> {
              throw new IllegalStateException(why);
            });
    Files.createDirectories(Path.of("/var/run/vsftpd/empty")); // its secure_chroot_dir
    Path dir = Files.createTempDirectory(parent, "vsftpd-");
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path root = Files.createDirectories(dir.resolve("anon"));
    Path incoming = Files.createDirectories(root.resolve(INCOMING));
    // The anonymous root must not be writable by the ftp user; incoming/ must be.
    Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("r-xr-xr-x"));
    HostProcess.run(List.of("chown", "ftp:ftp", incoming.toString()));
    TestPki pki = TestPki.create();
    Path cert = dir.resolve("server.pem");
    Path key = dir.resolve("server.key");
    pki.server().writePem(cert, key);
    int port = HostProcess.freePort();
    Path conf = dir.resolve("vsftpd.conf");
    Files.writeString(
        conf, String.join("\n", configuration(dir, root, port, cert, key, tls)) + "\n");
    Path out = dir.resolve("stdout.log");
    ProcessBuilder pb =
        new ProcessBuilder(EXECUTABLE.toString(), conf.toString())
            .redirectErrorStream(true)
            .redirectOutput(out.toFile());
    if (tlsProtocol != null) {
      Path openssl = dir.resolve("openssl.cnf");
      Files.writeString(
          openssl,
          String.join(
              "\n",
              "openssl_conf = inetkit_conf",
              "[inetkit_conf]",
              "ssl_conf = inetkit_ssl",
              "[inetkit_ssl]",
              "system_default = inetkit_tls",
              "[inetkit_tls]",
              "MinProtocol = " + tlsProtocol,
              "MaxProtocol = " + tlsProtocol,
              ""));
      pb.environment().put("OPENSSL_CONF", openssl.toString());
    }
    Process p = pb.start();
    Vsftpd vsftpd = new Vsftpd(dir, p, port, pki.caPemFile());
    try {
      HostProcess.awaitListening("vsftpd", p, port, vsftpd::logText);
      return vsftpd;
    } catch (IOException | RuntimeException e) {
      vsftpd.close();
      throw e;
    }
  }

  private static List<String> configuration(
      Path dir, Path root, int port, Path cert, Path key, Tls tls) {
    boolean strict = tls != Tls.OPTIONAL;
    String force = strict ? "YES" : "NO";
    return new ArrayList<>(
        List.of(
            "listen=YES",
            "listen_ipv6=NO",
            "listen_address=127.0.0.1",
            "listen_port=" + port,
            "background=NO",
            "anonymous_enable=YES",
            "write_enable=YES",
            "anon_root=" + root,
            "anon_upload_enable=YES",
            "anon_mkdir_write_enable=YES",
            "anon_other_write_enable=YES",
            "anon_umask=022",
            "no_anon_password=NO",
            "local_enable=YES",
            "local_umask=022",
            "chroot_local_user=NO",
            "pam_service_name=vsftpd",
            "ssl_enable=YES",
            "allow_anon_ssl=YES",
            "force_anon_logins_ssl=" + force,
            "force_anon_data_ssl=" + force,
            "force_local_logins_ssl=" + force,
            "force_local_data_ssl=" + force,
            "require_ssl_reuse=" + force,
            "implicit_ssl=" + (tls == Tls.IMPLICIT ? "YES" : "NO"),
            "ssl_request_cert=NO",
            "ssl_ciphers=HIGH",
            "rsa_cert_file=" + cert,
            "rsa_private_key_file=" + key,
            "pasv_enable=YES",
            "port_enable=YES",
            "seccomp_sandbox=NO",
            "isolate_network=NO",
            "isolate=NO",
            "xferlog_enable=NO",
            "vsftpd_log_file=" + dir.resolve("vsftpd.log"),
            "dual_log_enable=YES",
            "debug_ssl=" + (strict ? "YES" : "NO")));
  }

  /**
   * The control port on 127.0.0.1.
   *
   * @return the control port on 127.0.0.1
   */
  public int port() {
    return port;
  }

  /**
   * The anonymous root: files placed here (as root) can be downloaded.
   *
   * @return the anonymous root folder
   */
  public Path root() {
    return dir.resolve("anon");
  }

  /**
   * The writable folder {@link #INCOMING} under {@link #root()}.
   *
   * @return the writable {@link #INCOMING} folder
   */
  public Path incoming() {
    return root().resolve(INCOMING);
  }

  /**
   * The CA certificate (PEM) that signed the server certificate, for clients to trust.
   *
   * @return the CA certificate's PEM file
   */
  public Path caPemFile() {
    return caPem;
  }

  /**
   * What vsftpd wrote to its log and standard output so far (for failure messages).
   *
   * @return the log text so far
   */
  public String logText() {
    return HostProcess.logs(List.of(dir.resolve("stdout.log"), dir.resolve("vsftpd.log")));
  }

  /** Stops vsftpd and deletes its folder (configuration, certificate and files). */
  @Override
  public void close() {
    HostProcess.stop(process);
    HostProcess.deleteTree(dir);
  }
}
