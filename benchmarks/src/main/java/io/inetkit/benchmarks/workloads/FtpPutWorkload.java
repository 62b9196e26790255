package io.inetkit.benchmarks.workloads;

import io.inetkit.benchmarks.Availability;
import io.inetkit.benchmarks.Contender;
import io.inetkit.benchmarks.Goal;
import io.inetkit.benchmarks.Peers;
import io.inetkit.benchmarks.RawClient;
import io.inetkit.benchmarks.Sample;
import io.inetkit.core.TlsMode;
import io.inetkit.transfer.ftp.FtpClient;
import io.inetkit.transfer.ftp.FtpSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** FTP put of one large file (1 GiB); uploads are deleted after every trial, outside the timing. */
final class FtpPutWorkload extends FtpWorkload {

  FtpPutWorkload(FtpServerKind kind) {
    super(kind);
  }

  @Override
  String baseId() {
    return "ftp-put";
  }

  @Override
  String baseTitle() {
    return "FTP put";
  }

  /** Checks the upload arrived whole, then deletes it. */
  private Peers.Check uploaded(String name) {
    return trial -> {
      Peers.requireSize(uploadedFile(name), trial.size());
      deleteUploads();
    };
  }

  @Override
  public List<Contender> contenders() {
    return List.of(
        Peers.inProcess(
            Workloads.INETKIT,
            trial -> {
              Path local = localFile(trial.size());
              FtpClient client = inetkit(trial.network(), TlsMode.NONE);
              Sample s =
                  Peers.timed(
                      () -> {
                        try (FtpSession ftp = client.open()) {
                          return ftp.put(local, uploadPath("inetkit.bin")).bytes();
                        }
                      });
              uploaded("inetkit.bin").verify(trial);
              return s;
            }),
        Peers.curl(
            tools(),
            Workloads.CURL,
            trial ->
                List.of(
                    "-T",
                    localFile(trial.size()).toString(),
                    curlUrl(trial.network(), uploadPath("curl.bin"))),
            uploaded("curl.bin")),
        ftplib(FtpGetWorkload.FTPLIB_8K, 8192),
        ftplib(FtpGetWorkload.FTPLIB_64K, 65536),
        new Contender(
            Workloads.RAW,
            RawClient.TIMING,
            Availability.AVAILABLE,
            trial -> {
              Sample s =
                  RawClient.put(
                      server().port("raw.port"), localFile(trial.size()), "raw-upload.bin");
              Files.deleteIfExists(Path.of(server().get("data"), "raw-upload.bin"));
              return s;
            }));
  }

  private Contender ftplib(String name, int block) {
    return Peers.python(
        tools(),
        name,
        trial ->
            tools()
                .python(
                    "ftp_put.py",
                    HOST,
                    ftpPort(trial.network()),
                    user(),
                    password(),
                    localFile(trial.size()),
                    uploadPath("python.bin"),
                    block),
        uploaded("python.bin"));
  }

  @Override
  public List<Goal> goals() {
    return List.of(
        Goal.speedAtLeast(Workloads.INETKIT, Workloads.CURL, 1.1),
        Goal.speedAtLeast(Workloads.INETKIT, Workloads.RAW, 0.6),
        Goal.heapAtMost(Workloads.INETKIT, 64));
  }

  @Override
  public List<String> notes() {
    if (kind() == FtpServerKind.APACHE) {
      return List.of(
          "the `FTP put (vsftpd)` rows run the same clients against vsftpd, which receives faster than testkit's Apache FtpServer.");
    }
    return List.of(
        "an upload has no round trips after its start; a JFR recording of inetkit's upload to vsftpd has no samples in inetkit's or Commons Net's Java code (the thread sits in the blocking socket write), so what separates inetkit from curl here is how each feeds the kernel (Commons Net's 256 KiB copy loop on a blocking socket, curl's C loop), and it moves a lot between runs.",
        "the same clients as the `FTP put` rows, against vsftpd. `raw loopback` is still the server JVM's raw receiver (Java), the same as in the other rows, not vsftpd: when vsftpd receives faster than it, clients pass it.");
  }
}
