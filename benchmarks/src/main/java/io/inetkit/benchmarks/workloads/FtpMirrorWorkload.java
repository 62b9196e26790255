package io.inetkit.benchmarks.workloads;

import io.inetkit.benchmarks.Availability;
import io.inetkit.benchmarks.Ceiling;
import io.inetkit.benchmarks.Contender;
import io.inetkit.benchmarks.Goal;
import io.inetkit.benchmarks.Metric;
import io.inetkit.benchmarks.Network;
import io.inetkit.benchmarks.Peers;
import io.inetkit.benchmarks.Tools;
import io.inetkit.core.TlsMode;
import io.inetkit.transfer.ftp.FtpClient;
import io.inetkit.transfer.ftp.FtpSession;
import io.inetkit.transfer.ftp.MirrorMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Mirror of a folder of small files (1,000 x 4 KiB), direct and with 10 ms latency each way. */
final class FtpMirrorWorkload extends FtpWorkload implements SmallFileMirror {

  FtpMirrorWorkload(FtpServerKind kind) {
    super(kind);
  }

  static final String FTPLIB = "python ftplib loop (one connection)";
  static final String CURL_PER_FILE = "curl (one process per file)";

  /** curl starts one process per file: a sample of this many files gives its rate. */
  static final int CURL_SAMPLE = 100;

  /** Files per folder direct: issue 10's 1,000. */
  static final int DIRECT_FILES = 1000;

  /** Files per folder with latency, where every file costs several 20 ms round trips. */
  static final int LATENCY_FILES = 50;

  @Override
  String baseId() {
    return "ftp-mirror";
  }

  @Override
  String baseTitle() {
    return "FTP mirror of 4 KiB files";
  }

  /** Files per second, not {@link BulkWorkload}'s MiB/s. */
  @Override
  public Metric metric() {
    return SmallFileMirror.super.metric();
  }

  @Override
  public long fullSize(Network network) {
    if (network != Network.DIRECT) {
      return LATENCY_FILES;
    }
    return DIRECT_FILES;
  }

  @Override
  public long minSize() {
    return 1;
  }

  private String tree(long count) throws IOException {
    return tree(count, FILE_SIZE);
  }

  private static Peers.Check mirrored(long expected) {
    return trial -> {
      Path dir = trial.scratch().resolve("mirror");
      long count;
      try (Stream<Path> files = Files.list(dir)) {
        count = files.filter(p -> p.toFile().length() == FILE_SIZE).count();
      }
      long want = expected < 0 ? trial.size() : Peers.sample(trial.size(), (int) expected);
      if (count != want) {
        throw new IOException("mirrored " + count + " complete files, expected " + want);
      }
    };
  }

  @Override
  public List<Contender> contenders() {
    Availability curl = tools().curl();
    return List.of(
        Peers.inProcess(
            Workloads.INETKIT,
            trial -> {
              String remote = tree(trial.size());
              Path local = SmallFileMirror.mirrorDir(trial);
              FtpClient client = inetkit(trial.network(), TlsMode.NONE);
              var s =
                  Peers.timed(
                      () -> {
                        try (FtpSession ftp = client.open()) {
                          return ftp.mirrorDown(remote, local, MirrorMode.ALL).transferred().size();
                        }
                      });
              mirrored(-1).verify(trial);
              return s;
            }),
        Peers.python(
            tools(),
            FTPLIB,
            trial ->
                tools()
                    .python(
                        "ftp_mirror.py",
                        HOST,
                        ftpPort(trial.network()),
                        user(),
                        password(),
                        tree(trial.size()),
                        SmallFileMirror.mirrorDir(trial)),
            mirrored(-1)),
        Peers.perProcess(
            CURL_PER_FILE,
            curl,
            CURL_SAMPLE,
            i ->
                trial ->
                    List.of(
                        Tools.curlCommand(),
                        "-sS",
                        "-o",
                        SmallFileMirror.mirrorDir(trial)
                            .resolve(String.format("f%05d.bin", i))
                            .toString(),
                        curlUrl(
                            trial.network(), tree(trial.size()) + String.format("/f%05d.bin", i))),
            mirrored(CURL_SAMPLE)));
  }

  @Override
  public List<Goal> goals() {
    return List.of(
        Goal.speedAtLeast(Workloads.INETKIT, FTPLIB, 1.0),
        Goal.speedAtLeast(Workloads.INETKIT, CURL_PER_FILE, 5));
  }

  @Override
  public List<Ceiling> ceilings() {
    List<Ceiling> all = new ArrayList<>();
    all.add(
        Ceiling.roundTrips(
            Workloads.INETKIT,
            CURL_PER_FILE,
            2,
            "EPSV or PASV, then RETR, whose 226 follows the data"));
    return all;
  }

  @Override
  public List<String> notes() {
    String sizes =
        "the folder has issue 10's "
            + DIRECT_FILES
            + " files direct and "
            + LATENCY_FILES
            + " with latency (every file costs several 20 ms round trips whatever the server, so 1,000 would take about a minute per contender per run); rates in files/s are compared. "
            + (kind() == FtpServerKind.APACHE
                ? "testkit's FtpServer sets TCP_NODELAY on its control connections: without it, every 226 waits for the client's delayed ACK (~40 ms) and every client runs at ~22 files/s. The `(vsftpd)` rows run the same clients against vsftpd."
                : "Same clients as the Apache FtpServer rows, against vsftpd.")
            + " Per file inetkit sends EPSV and RETR (the size comes from the listing), Python's loop TYPE I, PASV and RETR (traced on the control connection): one round trip less, which is what puts inetkit ahead with latency; direct, what separates them is inetkit's local work per file (a `.inetkit-part` file renamed into place, the modification time set from the listing, progress events).";
    return List.of(
        sizes,
        "curl runs one process per file for a sample of a tenth of the folder, at most "
            + CURL_SAMPLE
            + " files; its rate (files/s) is extrapolated to the whole folder, not timed over it.");
  }
}
