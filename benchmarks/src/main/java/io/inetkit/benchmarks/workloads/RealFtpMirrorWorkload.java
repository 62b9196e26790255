package io.inetkit.benchmarks.workloads;

import io.inetkit.benchmarks.Availability;
import io.inetkit.benchmarks.BenchContext;
import io.inetkit.benchmarks.Contender;
import io.inetkit.benchmarks.Goal;
import io.inetkit.benchmarks.LatencyProxy;
import io.inetkit.benchmarks.Network;
import io.inetkit.benchmarks.Peers;
import io.inetkit.benchmarks.Tools;
import io.inetkit.benchmarks.Trial;
import io.inetkit.core.Credentials;
import io.inetkit.core.TlsMode;
import io.inetkit.testkit.ftp.Vsftpd;
import io.inetkit.transfer.ftp.FtpClient;
import io.inetkit.transfer.ftp.FtpSession;
import io.inetkit.transfer.ftp.MirrorOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Issue 18 goal 4: parallel mirror of 1,000 files of 4 KiB from Debian's vsftpd (started by
 * testkit's {@link Vsftpd} on 127.0.0.1), direct and through the 10 ms latency relay: the inetkit
 * library and CLI ({@code ftp get -r --parallel N}) at parallelism 4 and at the default, against
 * {@code lftp mirror --parallel=4} and {@code rclone copy --transfers 4}. Every contender mirrors
 * into an empty folder and is checked (every file complete). Needs root and vsftpd; lftp and rclone
 * rows are skipped with a note where they are not installed.
 */
final class RealFtpMirrorWorkload implements SmallFileMirror {

  static final String LFTP = "lftp mirror --parallel=4";
  static final String RCLONE = "rclone copy --transfers 4";
  static final int FILES = 1000;

  private Vsftpd vsftpd;
  private Tools tools;
  private BenchContext context;
  private LatencyProxy relay;
  private final Set<Long> trees = new HashSet<>();

  @Override
  public String id() {
    return "rs-ftp-mirror";
  }

  @Override
  public String title() {
    return "FTP mirror of 4 KiB files, parallel (vsftpd)";
  }

  @Override
  public long fullSize(Network network) {
    return FILES;
  }

  @Override
  public long minSize() {
    return 10;
  }

  @Override
  public Availability availability() {
    return Vsftpd.unavailable().map(Availability::missing).orElse(Availability.AVAILABLE);
  }

  @Override
  public void setUp(BenchContext context, long maxSize) throws Exception {
    this.context = context;
    tools = context.tools();
    vsftpd = Vsftpd.start(context.newDirectory("vsftpd"), Vsftpd.Tls.OPTIONAL);
  }

  /** The served folder of {@code count} files (created once per count, outside any timing). */
  private String tree(long count) throws IOException {
    String name = "tree-" + count;
    if (trees.add(count)) {
      Path dir = Files.createDirectories(vsftpd.root().resolve(name));
      byte[] bytes = new byte[(int) FILE_SIZE];
      for (int i = 0; i < count; i++) {
        Arrays.fill(bytes, (byte) i);
        Files.write(dir.resolve(String.format("f%05d.bin", i)), bytes);
      }
    }
    return name;
  }

  /** The control port for {@code network}: vsftpd's, or the relay's (data connections too). */
  private int port(Network network) throws IOException {
    if (network == Network.DIRECT) {
      return vsftpd.port();
    }
    if (relay == null) {
      relay = context.proxy(vsftpd.port(), LatencyProxy.Mode.FTP);
    }
    return relay.port();
  }

  /** Every file of the trial is in the mirror folder with its full size. */
  private static void verify(Trial trial) throws IOException {
    long complete;
    try (Stream<Path> files = Files.walk(trial.scratch().resolve("mirror"))) {
      complete =
          files.filter(Files::isRegularFile).filter(p -> p.toFile().length() == FILE_SIZE).count();
    }
    if (complete != trial.size()) {
      throw new IOException("mirrored " + complete + " complete files, expected " + trial.size());
    }
  }

  private static String library(int parallelism) {
    return parallelism == MirrorOptions.DEFAULT_PARALLELISM
        ? Workloads.INETKIT + ", parallelism " + parallelism + " (default)"
        : Workloads.INETKIT + ", parallelism " + parallelism;
  }

  private static String cli(int parallelism) {
    return parallelism == MirrorOptions.DEFAULT_PARALLELISM
        ? "inetkit CLI, ftp get -r (default --parallel " + parallelism + ")"
        : "inetkit CLI, ftp get -r --parallel " + parallelism;
  }

  /** Parallelism 4 (what lftp and rclone are given) and the default, when that is another. */
  private static List<Integer> parallelisms() {
    return MirrorOptions.DEFAULT_PARALLELISM == 4
        ? List.of(4)
        : List.of(4, MirrorOptions.DEFAULT_PARALLELISM);
  }

  @Override
  public List<Contender> contenders() {
    List<Contender> all = new ArrayList<>();
    for (int p : parallelisms()) {
      all.add(
          Peers.inProcess(
              library(p),
              trial -> {
                String remote = tree(trial.size());
                Path local = SmallFileMirror.mirrorDir(trial);
                FtpClient client =
                    FtpClient.builder()
                        .endpoint("127.0.0.1", port(trial.network()))
                        .tlsMode(TlsMode.NONE)
                        .credentials(Credentials.password(Vsftpd.USER, "x".toCharArray()))
                        .build();
                var s =
                    Peers.timed(
                        () -> {
                          try (FtpSession ftp = client.open()) {
                            return ftp.mirrorDown(
                                    remote, local, MirrorOptions.DEFAULT.withParallelism(p))
                                .transferred()
                                .size();
                          }
                        });
                verify(trial);
                return s;
              }));
    }
    for (int p : parallelisms()) {
      all.add(
          Peers.oneProcess(
              cli(p),
              CliLauncher.availability(tools),
              trial -> {
                List<String> cmd =
                    CliLauncher.command(
                        tools,
                        List.of("INETKIT_PASSWORD=x"),
                        "ftp",
                        "get",
                        "-r",
                        "-q",
                        "--no-progress",
                        "--tls",
                        "none",
                        "ftp://anonymous@127.0.0.1:"
                            + port(trial.network())
                            + "/"
                            + tree(trial.size())
                            + "/",
                        "-o",
                        SmallFileMirror.mirrorDir(trial).toString());
                if (p != MirrorOptions.DEFAULT_PARALLELISM) {
                  cmd.addAll(List.of("--parallel", Integer.toString(p)));
                }
                return cmd;
              },
              RealFtpMirrorWorkload::verify));
    }
    all.add(
        Peers.oneProcess(
            LFTP,
            RealFtpGetWorkload.installed("lftp"),
            trial ->
                List.of(
                    "lftp",
                    "-u",
                    "anonymous,x",
                    "-p",
                    Integer.toString(port(trial.network())),
                    "-e",
                    "set ftp:ssl-allow no; mirror --parallel=4 "
                        + tree(trial.size())
                        + " "
                        + SmallFileMirror.mirrorDir(trial)
                        + "; quit",
                    "127.0.0.1"),
            RealFtpMirrorWorkload::verify));
    all.add(
        Peers.oneProcess(
            RCLONE,
            RealFtpGetWorkload.installed("rclone"),
            trial ->
                List.of(
                    "rclone",
                    "copy",
                    "-q",
                    ":ftp,host=127.0.0.1,port="
                        + port(trial.network())
                        + ",user=anonymous,pass="
                        + obscured()
                        + ":"
                        + tree(trial.size()),
                    SmallFileMirror.mirrorDir(trial).toString(),
                    "--transfers",
                    "4"),
            RealFtpMirrorWorkload::verify));
    return all;
  }

  private String obscuredPassword;

  /** The password as rclone takes it on its command line ({@code rclone obscure x}). */
  private String obscured() throws IOException {
    if (obscuredPassword == null) {
      io.inetkit.benchmarks.ChildProcess.Result r =
          io.inetkit.benchmarks.ChildProcess.run(
              List.of("rclone", "obscure", "x"),
              Path.of(System.getProperty("java.io.tmpdir")),
              java.time.Duration.ofSeconds(30));
      obscuredPassword = r.stdout().strip();
    }
    return obscuredPassword;
  }

  @Override
  public List<Goal> goals() {
    String lib = library(MirrorOptions.DEFAULT_PARALLELISM);
    return List.of(
        Goal.speedAtLeast(lib, LFTP, 1.0),
        Goal.speedAtLeast(lib, RCLONE, 1.0),
        Goal.speedAtLeast(library(4), LFTP, 1.0));
  }

  @Override
  public List<String> notes() {
    return List.of(
        "issue 18 goal 4: the library at its default parallelism at least as fast as `lftp mirror --parallel=4` and `rclone copy --transfers 4`, direct and through the 10 ms relay (data connections relayed too).",
        "Connections: inetkit at parallelism N opens N control connections (the session's own walks the tree and moves files too), lftp --parallel=4 opens 4, and rclone --transfers 4 opened 8 in a trace (its connection pool serves --checkers, default 8, as well as the transfers).",
        "Commands per file: inetkit EPSV + RETR (size and time from the listing), lftp and rclone three (rclone EPSV + RETR + MDTM). Every contender writes each file completely (inetkit through a `.inetkit-part` file renamed into place).",
        "The CLI rows include the JVM start and its JIT warm-up; the library rows run in the harness JVM after a warm-up run.");
  }

  @Override
  public void close() {
    if (vsftpd != null) {
      vsftpd.close();
      vsftpd = null;
    }
    trees.clear();
    relay = null; // closed by the context
  }
}
