package io.inetkit.testkit.ftp;

import io.inetkit.testkit.tls.TestPki;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Debian's vsftpd ({@code /usr/sbin/vsftpd}), started on a free 127.0.0.1 port with its own
 * configuration in a temp folder: anonymous users only (any password), downloads from {@link
 * #root()}, uploads into {@link #incoming()}, passive data ports on 127.0.0.1, explicit FTPS with a
 * {@link TestPki} certificate. A real, fast server next to the embedded {@link FtpServer}; it needs
 * root (vsftpd chroots anonymous sessions and drops to the {@code ftp} user).
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

  private static final long START_TIMEOUT_MILLIS = 5_000;

  /** How FTPS is offered. */
  public enum Tls {
    /** AUTH TLS is offered; plain FTP works too; data connections need not resume the TLS session. */
    OPTIONAL,
    /**
     * Logins and data must use TLS, and data connections must resume the control connection's
     * TLS session ({@code require_ssl_reuse=YES}, the strict setting many servers use).
     */
    REQUIRED_WITH_SESSION_REUSE
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

  /** Why vsftpd cannot be started here (not installed, not root), or empty when it can. */
  public static Optional<String> unavailable() {
    if (!Files.isExecutable(EXECUTABLE)) {
      return Optional.of(EXECUTABLE + " not installed (apt-get install vsftpd)");
    }
    if (!"root".equals(System.getProperty("user.name"))) {
      return Optional.of("vsftpd needs root (it chroots anonymous sessions)");
    }
    return Optional.empty();
  }

  /**
   * Starts vsftpd with its configuration, certificate and folders in a new folder under {@code
   * parent} (deleted by {@link #close()}) and waits until it accepts connections.
   *
   * @throws IllegalStateException when {@link #unavailable()} says why it cannot start
   * @throws IOException when it does not come up; the message holds its log
   */
  public static Vsftpd start(Path parent, Tls tls) throws IOException {
    unavailable().ifPresent(why -> {
      throw new IllegalStateException(why);
    });
    Files.createDirectories(Path.of("/var/run/vsftpd/empty")); // its secure_chroot_dir
    Path dir = Files.createTempDirectory(parent, "vsftpd-");
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path root = Files.createDirectories(dir.resolve("anon"));
    Path incoming = Files.createDirectories(root.resolve(INCOMING));
    // The anonymous root must not be writable by the ftp user; incoming/ must be.
    Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("r-xr-xr-x"));
    run(List.of("chown", "ftp:ftp", incoming.toString()));
    TestPki pki = TestPki.create();
    Path cert = dir.resolve("server.pem");
    Path key = dir.resolve("server.key");
    pki.server().writePem(cert, key);
    int port = freePort();
    Path conf = dir.resolve("vsftpd.conf");
    Files.writeString(conf, String.join("\n", configuration(dir, root, port, cert, key, tls)) + "\n");
    Path out = dir.resolve("stdout.log");
    Process p = new ProcessBuilder(EXECUTABLE.toString(), conf.toString())
        .redirectErrorStream(true).redirectOutput(out.toFile()).start();
    Vsftpd vsftpd = new Vsftpd(dir, p, port, pki.caPemFile());
    try {
      vsftpd.awaitListening();
      return vsftpd;
    } catch (IOException | RuntimeException e) {
      vsftpd.close();
      throw e;
    }
  }

  private static List<String> configuration(Path dir, Path root, int port, Path cert, Path key, Tls tls) {
    boolean strict = tls == Tls.REQUIRED_WITH_SESSION_REUSE;
    String force = strict ? "YES" : "NO";
    List<String> lines = new ArrayList<>(List.of(
        "listen=YES", "listen_ipv6=NO", "listen_address=127.0.0.1", "listen_port=" + port,
        "background=NO", "anonymous_enable=YES", "local_enable=NO", "write_enable=YES",
        "anon_root=" + root, "anon_upload_enable=YES", "anon_mkdir_write_enable=YES",
        "anon_other_write_enable=YES", "anon_umask=022", "no_anon_password=NO",
        "ssl_enable=YES", "allow_anon_ssl=YES", "force_anon_logins_ssl=" + force,
        "force_anon_data_ssl=" + force, "require_ssl_reuse=" + force, "ssl_request_cert=NO",
        "ssl_ciphers=HIGH", "rsa_cert_file=" + cert, "rsa_private_key_file=" + key,
        "pasv_enable=YES", "port_enable=YES", "seccomp_sandbox=NO",
        "isolate_network=NO", "isolate=NO", "xferlog_enable=NO",
        "vsftpd_log_file=" + dir.resolve("vsftpd.log"), "dual_log_enable=YES",
        "debug_ssl=" + (strict ? "YES" : "NO")));
    return lines;
  }

  private void awaitListening() throws IOException {
    long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
    while (true) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1_000);
        return;
      } catch (IOException notYet) {
        if (!process.isAlive() || System.currentTimeMillis() > deadline) {
          throw new IOException("vsftpd did not start on port " + port + ": " + logText());
        }
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for vsftpd", e);
      }
    }
  }

  /** The control port on 127.0.0.1. */
  public int port() {
    return port;
  }

  /** The anonymous root: files placed here (as root) can be downloaded. */
  public Path root() {
    return dir.resolve("anon");
  }

  /** The writable folder {@link #INCOMING} under {@link #root()}. */
  public Path incoming() {
    return root().resolve(INCOMING);
  }

  /** The CA certificate (PEM) that signed the server certificate, for clients to trust. */
  public Path caPemFile() {
    return caPem;
  }

  /** What vsftpd wrote to its log and standard output so far (for failure messages). */
  public String logText() {
    StringBuilder sb = new StringBuilder();
    for (String name : List.of("stdout.log", "vsftpd.log")) {
      Path file = dir.resolve(name);
      try {
        if (Files.exists(file)) {
          sb.append("--- ").append(name).append(" ---\n").append(Files.readString(file));
        }
      } catch (IOException e) {
        sb.append("(cannot read ").append(name).append(": ").append(e.getMessage()).append(")\n");
      }
    }
    return sb.toString();
  }

  /** Stops vsftpd and deletes its folder (configuration, certificate and files). */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return probe.getLocalPort();
    }
  }

  private static void run(List<String> command) throws IOException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!p.waitFor(1, TimeUnit.MINUTES) || p.exitValue() != 0) {
        throw new IOException(command + " failed: " + out);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(command + " interrupted", e);
    }
  }
}
