package io.inetkit.benchmarks.workloads;

import io.inetkit.benchmarks.Availability;
import io.inetkit.benchmarks.BenchContext;
import io.inetkit.benchmarks.ChildProcess;
import io.inetkit.benchmarks.Contender;
import io.inetkit.benchmarks.Goal;
import io.inetkit.benchmarks.Metric;
import io.inetkit.benchmarks.Network;
import io.inetkit.benchmarks.Peers;
import io.inetkit.benchmarks.Sample;
import io.inetkit.benchmarks.Sizes;
import io.inetkit.benchmarks.Tools;
import io.inetkit.benchmarks.Workload;
import io.inetkit.benchmarks.host.DataFiles;
import io.inetkit.core.Credentials;
import io.inetkit.core.TlsMode;
import io.inetkit.core.Trust;
import io.inetkit.testkit.ftp.Vsftpd;
import io.inetkit.transfer.ftp.FtpClient;
import io.inetkit.transfer.ftp.FtpSession;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Issue 18: FTP get of one 1 GiB file from Debian's vsftpd (plain, or implicit FTPS), started by
 * testkit's {@link Vsftpd} on 127.0.0.1, against the tools users pick: curl, lftp and wget; the
 * inetkit CLI through the distribution's launcher ({@code bin/inetkit}, as installed). Needs root
 * and vsftpd; skipped with the reason otherwise.
 */
final class RealFtpGetWorkload implements Workload {

  static final String CLI = "inetkit (CLI, bin/inetkit)";
  static final String LFTP = "lftp";
  static final String WGET = "wget";

  private final boolean implicitTls;
  private Vsftpd vsftpd;
  private Tools tools;

  RealFtpGetWorkload(boolean implicitTls) {
    this.implicitTls = implicitTls;
  }

  @Override
  public String id() {
    return implicitTls ? "rs-ftps-get" : "rs-ftp-get";
  }

  @Override
  public String title() {
    return implicitTls ? "FTPS get, implicit TLS (vsftpd)" : "FTP get (vsftpd)";
  }

  @Override
  public Metric metric() {
    return Metric.MIB_PER_SECOND;
  }

  @Override
  public long fullSize(Network network) {
    return Sizes.GIB;
  }

  @Override
  public long minSize() {
    return Sizes.MIB;
  }

  @Override
  public Availability availability() {
    return Vsftpd.unavailable().map(Availability::missing).orElse(Availability.AVAILABLE);
  }

  @Override
  public void setUp(BenchContext context, long maxSize) throws Exception {
    tools = context.tools();
    vsftpd =
        Vsftpd.start(
            context.newDirectory("vsftpd"),
            implicitTls ? Vsftpd.Tls.IMPLICIT : Vsftpd.Tls.OPTIONAL);
  }

  /** The served file of {@code size} bytes (created once per size, outside any timing). */
  private String file(long size) throws IOException {
    String name = "big-" + size + ".bin";
    DataFiles.create(vsftpd.root().resolve(name), size);
    return name;
  }

  private String url(long size) throws IOException {
    return (implicitTls ? "ftps" : "ftp")
        + "://anonymous:x@127.0.0.1:"
        + vsftpd.port()
        + "/"
        + file(size);
  }

  private String ca() {
    return vsftpd.caPemFile().toString();
  }

  @Override
  public List<Contender> contenders() {
    List<Contender> all = new ArrayList<>();
    all.add(
        Peers.inProcess(
            Workloads.INETKIT,
            trial -> {
              String remote = file(trial.size());
              FtpClient.Builder b =
                  FtpClient.builder()
                      .endpoint("127.0.0.1", vsftpd.port())
                      .tlsMode(implicitTls ? TlsMode.IMPLICIT : TlsMode.NONE)
                      .credentials(Credentials.password(Vsftpd.USER, "x".toCharArray()));
              if (implicitTls) {
                b.trust(Trust.fromFile(vsftpd.caPemFile()));
              }
              FtpClient client = b.build();
              Path out = trial.scratch().resolve("out.bin");
              Sample s =
                  Peers.timed(
                      () -> {
                        try (FtpSession ftp = client.open()) {
                          return ftp.get(remote, out).bytes();
                        }
                      });
              Peers.requireSize(out, trial.size());
              return s;
            }));
    all.add(
        Peers.oneProcess(
            CLI,
            CliLauncher.availability(tools),
            trial -> {
              List<String> cmd =
                  CliLauncher.command(
                      tools,
                      List.of(),
                      "ftp",
                      "get",
                      "-q",
                      "--no-progress",
                      url(trial.size()),
                      "-o",
                      "out.bin");
              if (implicitTls) {
                cmd.addAll(List.of("--cacert", ca()));
              } else {
                cmd.addAll(List.of("--tls", "none"));
              }
              return cmd;
            },
            Peers.fileSize("out.bin", t -> t.size())));
    all.add(
        Peers.curl(
            tools,
            Workloads.CURL,
            trial -> {
              List<String> args = new ArrayList<>();
              if (implicitTls) {
                args.addAll(List.of("--cacert", ca()));
              }
              args.addAll(List.of("-o", "out.bin", url(trial.size())));
              return args;
            },
            Peers.fileSize("out.bin", t -> t.size())));
    all.add(
        Peers.oneProcess(
            LFTP,
            installed("lftp"),
            trial ->
                List.of(
                    "lftp",
                    "-c",
                    (implicitTls
                            ? "set ssl:ca-file " + ca() + "; set ssl:verify-certificate yes; "
                            : "set ftp:ssl-allow no; ")
                        + "get "
                        + url(trial.size())
                        + " -o out.bin"),
            Peers.fileSize("out.bin", t -> t.size())));
    all.add(
        Peers.oneProcess(
            WGET,
            installed("wget"),
            trial -> {
              List<String> cmd = new ArrayList<>(List.of("wget", "-q", "-O", "out.bin"));
              if (implicitTls) {
                cmd.addAll(List.of("--ftps-implicit", "--ca-certificate=" + ca()));
              }
              cmd.add(url(trial.size()));
              return cmd;
            },
            Peers.fileSize("out.bin", t -> t.size())));
    return all;
  }

  /** Whether {@code tool} runs here (benchmarks/install-contenders installs it). */
  static Availability installed(String tool) {
    try {
      ChildProcess.Result r =
          ChildProcess.run(
              List.of("sh", "-c", "command -v " + tool),
              Path.of(System.getProperty("java.io.tmpdir")),
              java.time.Duration.ofSeconds(10));
      return r.exitCode() == 0
          ? Availability.AVAILABLE
          : Availability.missing(tool + " not installed (run benchmarks/install-contenders)");
    } catch (IOException e) {
      return Availability.missing(tool + ": " + e.getMessage());
    }
  }

  @Override
  public List<Goal> goals() {
    return List.of(
        Goal.speedAtLeast(CLI, Workloads.INETKIT, 0.9),
        Goal.speedAtLeast(Workloads.INETKIT, Workloads.CURL, 1.0));
  }

  @Override
  public List<String> notes() {
    return List.of(
        "issue 18 goal 1: the CLI (a fresh JVM per run, through `bin/inetkit` with its CDS archive) within 10% of the library (a warm JVM); `bin/inetkit` runs `ftp get` with the full JIT, since C1 alone has no AES-GCM intrinsics (see the CLI-at-library-speed section).",
        implicitTls
            ? "vsftpd encrypts with OpenSSL; inetkit decrypts with the JDK's TLS (SunJSSE), curl, lftp (GnuTLS) and wget with their native libraries; every client verifies the run's CA and the host name."
            : "plain FTP: every client copies at close to what the loopback and vsftpd's sendfile allow.");
  }

  @Override
  public void close() {
    if (vsftpd != null) {
      vsftpd.close();
      vsftpd = null;
    }
  }
}
