package io.inetkit.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.inetkit.testkit.ftp.FtpServer;
import io.inetkit.testkit.gopher.GopherServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Transfers from the packaged jar across a connection that a {@link CuttingRelay} drops part-way,
 * with real testkit servers behind it: {@code ftp get} leaves its part file and {@code -C}
 * continues it, {@code --retry} reconnects and resumes within one run, {@code ftp put -C} appends
 * to what the server has, {@code gopher --retry} fetches again; and the progress bar appears only
 * when standard error is a terminal.
 */
class TransferFaultsCliIT {
  static FtpServer ftp;
  static GopherServer gopher;
  static final byte[] DATA = bytes(1_500_000);
  @TempDir Path home;

  @BeforeAll
  static void start() throws Exception {
    ftp = FtpServer.start();
    ftp.put("alice", "faults/big.bin", DATA);
    gopher = GopherServer.start();
    gopher.file("pub/blob.bin", DATA);
  }

  @AfterAll
  static void stop() {
    ftp.close();
    gopher.close();
  }

  static byte[] bytes(int n) {
    byte[] b = new byte[n];
    new Random(n).nextBytes(b);
    return b;
  }

  /** Runs inetkit over plain FTP ({@code --tls none}): the relays cut plain bytes. */
  private CliJar.Result ftp(String... args) throws Exception {
    String[] plain = java.util.Arrays.copyOf(args, args.length + 2);
    plain[args.length] = "--tls";
    plain[args.length + 1] = "none";
    return new CliJar(home).env("INETKIT_PASSWORD", "alice-secret").run(plain);
  }

  private static String via(CuttingRelay relay, String path) {
    return "ftp://alice@127.0.0.1:" + relay.port() + "/" + path;
  }

  @Test
  void aDownloadCutOffKeepsWhatArrivedAndContinueResumesItByteExact() throws Exception {
    Path target = home.resolve("big.bin");
    Path part = home.resolve(".big.bin.inetkit-part");
    try (CuttingRelay relay = CuttingRelay.ftp(ftp.port(), 400_000)) {
      CliJar.Result cut =
          ftp(
              "ftp",
              "get",
              via(relay, "faults/big.bin"),
              "-o",
              target.toString(),
              "--retry",
              "0",
              "--timeout",
              "10s");
      assertThat(relay.cuts()).isEqualTo(1);
      assertThat(cut.code()).as(cut.err()).isEqualTo(75);
      assertThat(cut.err().lines()).hasSize(1).allMatch(l -> l.startsWith("inetkit: "));
      assertThat(cut.err()).contains("127.0.0.1:" + relay.port()).doesNotContain("alice-secret");
      assertThat(target).doesNotExist();
      long kept = Files.size(part);
      assertThat(kept).isBetween(1L, 400_000L);
      assertThat(Files.readAllBytes(part)).isEqualTo(Arrays.copyOf(DATA, (int) kept));

      CliJar.Result resumed =
          ftp(
              "ftp",
              "get",
              via(relay, "faults/big.bin"),
              "-o",
              target.toString(),
              "-C",
              "--timeout",
              "10s");
      assertThat(resumed.code()).as(resumed.err()).isZero();
      assertThat(resumed.err()).contains("saved " + target).contains("resumed at " + kept);
      assertThat(Files.readAllBytes(target)).isEqualTo(DATA);
      assertThat(part).doesNotExist();
    }
  }

  @Test
  void retryReconnectsAfterADroppedDownloadAndResumesInTheSameRun() throws Exception {
    Path target = home.resolve("again.bin");
    try (CuttingRelay relay = CuttingRelay.ftp(ftp.port(), 300_000)) {
      CliJar.Result r =
          ftp(
              "ftp",
              "get",
              via(relay, "faults/big.bin"),
              "-o",
              target.toString(),
              "--retry",
              "2",
              "--timeout",
              "10s");
      assertThat(r.code()).as(r.err()).isZero();
      assertThat(relay.cuts()).isEqualTo(1);
      assertThat(r.err()).contains("1 reconnects");
      assertThat(Files.readAllBytes(target)).isEqualTo(DATA);
    }
  }

  @Test
  void continueAppendsAnUploadToWhatTheServerAlreadyHas() throws Exception {
    ftp.put("alice", "faults/up.bin", Arrays.copyOf(DATA, 200_000));
    Path local = Files.write(home.resolve("up.bin"), DATA);
    CliJar.Result r =
        ftp(
            "ftp",
            "put",
            local.toString(),
            "ftp://alice@127.0.0.1:" + ftp.port() + "/faults/up.bin",
            "-C",
            "--timeout",
            "10s");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).contains("resumed at 200000");
    assertThat(ftp.read("alice", "faults/up.bin")).isEqualTo(DATA);
  }

  @Test
  void gopherRetryFetchesAgainAfterADroppedConnectionAndWithoutItExits75() throws Exception {
    Path target = home.resolve("blob.bin");
    try (CuttingRelay relay = CuttingRelay.tcp(gopher.port(), 100_000)) {
      String url = "gopher://127.0.0.1:" + relay.port() + "/9/pub/blob.bin";
      CliJar.Result r =
          new CliJar(home)
              .run(
                  "gopher", url, "-o", target.toString(), "--retry", "2", "--retry-delay", "100ms");
      assertThat(r.code()).as(r.err()).isZero();
      assertThat(relay.cuts()).isEqualTo(1);
      assertThat(r.err()).contains("retry 1 of 2");
      assertThat(Files.readAllBytes(target)).isEqualTo(DATA);
    }
    Path other = home.resolve("other.bin");
    try (CuttingRelay relay = CuttingRelay.tcp(gopher.port(), 100_000)) {
      CliJar.Result r =
          new CliJar(home)
              .run(
                  "gopher",
                  "gopher://127.0.0.1:" + relay.port() + "/9/pub/blob.bin",
                  "-o",
                  other.toString());
      assertThat(r.code()).as(r.err()).isEqualTo(75);
      assertThat(r.err().lines()).hasSize(1).allMatch(l -> l.startsWith("inetkit: "));
      assertThat(other).doesNotExist();
    }
  }

  @Test
  void progressBarOnlyWhenStandardErrorIsATerminal() throws Exception {
    assumeTrue(CliJar.canRunOnTerminal(), "util-linux script is not installed");
    String url = "ftp://alice@127.0.0.1:" + ftp.port() + "/faults/big.bin";
    CliJar person = new CliJar(home).env("INETKIT_PASSWORD", "alice-secret");
    CliJar.Result tty =
        person.runOnTerminal("", "ftp", "get", url, "-o", "tty.bin", "--tls", "none");
    assertThat(tty.code()).as(tty.out()).isZero();
    assertThat(tty.out()).contains("\r").contains("100% 1.4 MiB / 1.4 MiB");
    assertThat(home.resolve("tty.bin")).hasBinaryContent(DATA);

    // The same person at the same terminal, but standard error goes to a file: no bar anywhere.
    CliJar.Result logged =
        person.runOnTerminal("2>err.txt", "ftp", "get", url, "-o", "log.bin", "--tls", "none");
    assertThat(logged.code()).as(logged.out()).isZero();
    String err = Files.readString(home.resolve("err.txt"));
    assertThat(err).contains("saved log.bin").doesNotContain("\r").doesNotContain("%");
    assertThat(logged.out()).doesNotContain("%");
    assertThat(home.resolve("log.bin")).hasBinaryContent(DATA);

    CliJar.Result refused =
        person.runOnTerminal(
            "", "ftp", "get", url, "-o", "q.bin", "--no-progress", "--tls", "none");
    assertThat(refused.code()).as(refused.out()).isZero();
    assertThat(refused.out()).doesNotContain("%").contains("saved q.bin");
  }
}
