package io.inetkit.cli.ftp;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.inetkit.cli.CliRun;
import io.inetkit.cli.TestPorts;
import io.inetkit.testkit.ftp.FtpServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FtpCommandTest {
  static FtpServer server;
  @TempDir Path dir;

  @BeforeAll
  static void start() throws Exception {
    server = FtpServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private String base() {
    return "ftp://alice@127.0.0.1:" + server.port() + "/";
  }

  /** Logged in as alice: by default over AUTH TLS, verified against the test CA. */
  private CliRun cli() {
    return new CliRun(dir)
        .variable("INETKIT_PASSWORD", "alice-secret")
        .trailing("--cacert", server.pki().caPemFile().toString());
  }

  @Test
  void putGetAndListRoundTripBytesExactly() throws Exception {
    byte[] data = new byte[300_000];
    new Random(7).nextBytes(data);
    Path local = Files.write(dir.resolve("blob.bin"), data);
    CliRun cli = cli();
    assertThat(cli.run("ftp", "put", local.toString(), base() + "up/", "--create-dirs")).isZero();
    assertThat(server.read("alice", "up/blob.bin")).isEqualTo(data);
    assertThat(cli.err()).contains("uploaded up/blob.bin (300000 bytes)");

    Path back = dir.resolve("sub/back.bin");
    assertThat(
            cli.run("ftp", "get", base() + "up/blob.bin", "-o", back.toString(), "--create-dirs"))
        .isZero();
    assertThat(Files.readAllBytes(back)).isEqualTo(data);

    assertThat(cli.run("ftp", "ls", base() + "up/")).isZero();
    assertThat(cli.out())
        .containsPattern("- +300000 +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d +blob.bin");
    assertThat(cli.run("ftp", "ls", base() + "up/", "--json")).isZero();
    assertThat(cli.out())
        .startsWith("[\n{\"name\":\"blob.bin\",\"type\":\"file\",\"size\":300000,\"modified\":\"");
  }

  @Test
  void rateLimitedGetWithProgressOnATerminalWritesTheSameBytes() throws Exception {
    byte[] data = new byte[96 * 1024];
    new Random(11).nextBytes(data);
    server.put("alice", "limited.bin", data);
    CliRun cli = cli().terminal(io.inetkit.cli.CliEnvironment.PasswordPrompt.NONE);
    Path out = dir.resolve("limited.bin");
    assertThat(
            cli.run(
                "ftp",
                "get",
                base() + "limited.bin",
                "-o",
                out.toString(),
                "--limit-rate",
                "256k",
                "--retry",
                "1"))
        .as(cli.err())
        .isZero();
    assertThat(Files.readAllBytes(out)).isEqualTo(data);
    assertThat(cli.err()).contains("100%").contains("96.0 KiB / 96.0 KiB");
  }

  @Test
  void getToStandardOutput() {
    server.put("alice", "pub/hello.txt", "hello, world\n".getBytes(UTF_8));
    CliRun cli = cli();
    assertThat(cli.run("ftp", "get", base() + "pub/hello.txt", "-o", "-")).isZero();
    assertThat(new String(cli.stdoutBytes(), UTF_8)).isEqualTo("hello, world\n");
  }

  @Test
  void mkdirMoveRemoveAndRecursiveGet() throws Exception {
    CliRun cli = cli();
    assertThat(cli.run("ftp", "mkdir", base() + "a/b/c/")).isZero();
    assertThat(Files.isDirectory(server.resolve("alice", "a/b/c"))).isTrue();
    server.put("alice", "a/b/c/x.txt", "x".getBytes(UTF_8));
    server.put("alice", "a/y.txt", "y".getBytes(UTF_8));
    assertThat(cli.run("ftp", "mv", base() + "a/y.txt", "a/b/z.txt")).isZero();
    assertThat(server.exists("alice", "a/b/z.txt")).isTrue();
    assertThat(server.exists("alice", "a/y.txt")).isFalse();

    Path mirror = dir.resolve("mirror");
    assertThat(cli.run("ftp", "get", "-r", base() + "a/", "-o", mirror.toString())).isZero();
    assertThat(Files.readString(mirror.resolve("b/c/x.txt"))).isEqualTo("x");
    assertThat(Files.readString(mirror.resolve("b/z.txt"))).isEqualTo("y");

    // a missing file is 66 (as for rm); --create-dirs makes the target's folders
    assertThat(cli.run("ftp", "mv", base() + "a/none.txt", "a/b/none.txt"))
        .as(cli.err())
        .isEqualTo(66);
    assertThat(cli.err()).contains("RNFR a/none.txt");
    server.put("alice", "a/w.txt", "w".getBytes(UTF_8));
    assertThat(cli.run("ftp", "mv", base() + "a/w.txt", "a/new/deeper/w.txt")).isEqualTo(76);
    assertThat(cli.run("ftp", "mv", base() + "a/w.txt", "a/new/deeper/w.txt", "--create-dirs"))
        .isZero();
    assertThat(server.exists("alice", "a/new/deeper/w.txt")).isTrue();

    assertThat(cli.run("ftp", "rm", base() + "a/b/z.txt")).isZero();
    assertThat(server.exists("alice", "a/b/z.txt")).isFalse();
    assertThat(cli.run("ftp", "rm", "-r", base() + "a/")).isZero();
    assertThat(server.exists("alice", "a")).isFalse();
  }

  @Test
  void putRecursiveUploadsATreeAndLsListsTheLoginFolder() throws Exception {
    Path tree = Files.createDirectories(dir.resolve("site/css"));
    Files.writeString(dir.resolve("site/index.html"), "<h1>hi</h1>");
    Files.writeString(tree.resolve("a.css"), "body{}");
    CliRun cli = cli();
    assertThat(
            cli.run(
                "ftp",
                "put",
                "-r",
                dir.resolve("site").toString(),
                base() + "www/",
                "--create-dirs"))
        .as(cli.err())
        .isZero();
    assertThat(new String(server.read("alice", "www/css/a.css"), UTF_8)).isEqualTo("body{}");
    assertThat(new String(server.read("alice", "www/index.html"), UTF_8)).isEqualTo("<h1>hi</h1>");
    assertThat(cli.run("ftp", "ls", base())).isZero();
    assertThat(cli.out()).containsPattern("(?m)^d .* www/$");
    assertThat(cli.run("ftp", "put", dir.resolve("site").toString(), base() + "www/")).isEqualTo(2);
    assertThat(cli.err()).contains("is a folder: add -r");
  }

  @Test
  void parallelMirrorsOverNConnectionsAndNeedsRecursion() throws Exception {
    for (int i = 0; i < 30; i++) {
      server.put("alice", "many/d" + (i % 3) + "/f" + i + ".txt", ("file " + i).getBytes(UTF_8));
    }
    CliRun cli = cli();
    Path copy = dir.resolve("many");
    assertThat(
            cli.run("ftp", "get", "-r", base() + "many/", "-o", copy.toString(), "--parallel", "3"))
        .as(cli.err())
        .isZero();
    for (int i = 0; i < 30; i++) {
      assertThat(Files.readString(copy.resolve("d" + (i % 3) + "/f" + i + ".txt")))
          .isEqualTo("file " + i);
    }
    assertThat(cli.run("ftp", "put", "-r", copy.toString(), base() + "many-up/", "--parallel", "2"))
        .as(cli.err())
        .isZero();
    assertThat(new String(server.read("alice", "many-up/d2/f29.txt"), UTF_8)).isEqualTo("file 29");
    assertThat(cli.run("ftp", "get", base() + "many/d0/f0.txt", "--parallel", "2")).isEqualTo(2);
    assertThat(cli.err()).contains("--parallel needs -r");
    assertThat(cli.run("ftp", "get", "-r", base() + "many/", "--parallel", "0")).isEqualTo(2);
  }

  @Test
  void capabilitiesListFeatures() {
    CliRun cli = cli();
    assertThat(cli.run("ftp", "capabilities", base())).isZero();
    assertThat(cli.out()).contains("SIZE");
    assertThat(cli.run("ftp", "capabilities", base(), "--json")).isZero();
    assertThat(cli.out())
        .startsWith(
            "{\"server\":\"127.0.0.1:"
                + server.port()
                + "\",\"protocol\":\"ftp\",\"capabilities\":[")
        .contains("{\"name\":\"SIZE\",\"parameters\":\"\"}");
  }

  @Test
  void explicitFtpsWithTheTestCaVerifiesTheServer() throws Exception {
    server.put("alice", "tls.txt", "secret bytes".getBytes(UTF_8));
    CliRun cli = cli();
    Path out = dir.resolve("tls.txt");
    assertThat(cli.run("ftp", "get", base() + "tls.txt", "-o", out.toString(), "--tls", "starttls"))
        .isZero();
    assertThat(Files.readString(out)).isEqualTo("secret bytes");
  }

  @Test
  void untrustedCertificateIsATlsFailure78() {
    CliRun cli = new CliRun(dir).variable("INETKIT_PASSWORD", "alice-secret");
    assertThat(cli.run("ftp", "ls", base(), "--tls", "starttls")).isEqualTo(78);
    assertThat(cli.err()).startsWith("inetkit: ").contains("127.0.0.1:" + server.port());
    assertThat(cli.err().lines().count()).isEqualTo(1);
    // ftp:// with a password: AUTH TLS by default, verified like every TLS connection
    assertThat(cli.run("ftp", "ls", base())).isEqualTo(78);
    assertThat(cli.run("ftp", "ls", base(), "--tls", "none")).as(cli.err()).isZero();
  }

  @Test
  void verboseTracesTheConversationWithThePasswordRedacted() {
    CliRun cli = cli();
    assertThat(cli.run("ftp", "ls", base(), "-v")).as(cli.err()).isZero();
    assertThat(cli.err())
        .contains("> USER alice")
        .contains("> PASS ***")
        .doesNotContain("alice-secret");
  }

  @Test
  void wrongPasswordIsAnAuthenticationFailure77() {
    CliRun cli =
        new CliRun(dir)
            .variable("INETKIT_PASSWORD", "wrong")
            .trailing("--cacert", server.pki().caPemFile().toString());
    assertThat(cli.run("ftp", "ls", base())).isEqualTo(77);
    assertThat(cli.err()).contains("127.0.0.1:" + server.port()).doesNotContain("wrong");
  }

  @Test
  void missingFileIsNotFound66AndNothingIsLeftBehind() throws Exception {
    CliRun cli = cli();
    Path out = dir.resolve("nope.txt");
    assertThat(cli.run("ftp", "get", base() + "nope.txt", "-o", out.toString())).isEqualTo(66);
    assertThat(cli.err()).contains("550");
    assertThat(out).doesNotExist();
  }

  @Test
  void refusedPortIsUnavailable69() throws Exception {
    CliRun cli = cli();
    assertThat(cli.run("ftp", "ls", "ftp://127.0.0.1:" + TestPorts.closed() + "/")).isEqualTo(69);
    assertThat(cli.err()).startsWith("inetkit: ").doesNotContain("\tat ");
  }

  @Test
  void badUrlAndMaxFilesizeAreRejected() throws Exception {
    CliRun cli = cli();
    assertThat(cli.run("ftp", "ls", "ftp://127.0.0.1/%0D%0ADELE%20x")).isEqualTo(2);
    assertThat(cli.err()).contains("invalid input");
    assertThat(cli.run("ftp", "ls", "gopher://127.0.0.1/")).isEqualTo(2);
    assertThat(cli.err()).contains("expected a ftp://, ftps:// URL");
    server.put("alice", "big.bin", new byte[5000]);
    Path out = dir.resolve("big.bin");
    int code =
        cli.run("ftp", "get", base() + "big.bin", "-o", out.toString(), "--max-filesize", "1k");
    assertThat(code).isEqualTo(76);
    assertThat(out).doesNotExist();
    assertThat(
            cli.run("ftp", "get", base() + "big.bin", "-o", out.toString(), "--retry-delay", "2s"))
        .isEqualTo(2);
    assertThat(cli.err()).contains("Unknown option").contains("--retry-delay"); // not listed either
    assertThat(cli.run("ftp", "get", "--help")).isZero();
    assertThat(cli.out()).contains("--retry").doesNotContain("--retry-delay");
    assertThat(out).doesNotExist();
  }

  @Test
  void lsWithAMaxTimeShorterThanTheLoginTimesOutWithExit79() {
    CliRun cli = cli();
    assertThat(cli.run("ftp", "ls", base(), "--max-time", "1ms")).as(cli.err()).isEqualTo(79);
    assertThat(cli.err())
        .contains("127.0.0.1:" + server.port())
        .contains("(timed out after 1 ms, the overall time limit)");
  }

  @Test
  void getOfAFileThatDripsInEndsAtMaxTimeWithExit79AndNoFile() throws Exception {
    try (io.inetkit.testkit.fault.FaultFtpServer slow =
        io.inetkit.testkit.fault.FaultFtpServer.slowFile(
                "slow.bin", 100, java.time.Duration.ofMillis(50))
            .start()) {
      Path target = dir.resolve("slow.bin");
      CliRun cli = cli();
      int code =
          cli.run(
              "ftp",
              "get",
              "ftp://alice@127.0.0.1:" + slow.port() + "/slow.bin",
              "-o",
              target.toString(),
              "--tls",
              "none",
              "--max-time",
              "1s");
      assertThat(code).as(cli.err()).isEqualTo(79);
      assertThat(cli.err())
          .contains("RETR slow.bin")
          .contains("(timed out after 1 s, the overall time limit)");
      assertThat(target).doesNotExist();
    }
  }

  @Test
  void recursiveGetOfAnEndlessTreeStopsAtMaxDepthWithAShortMessage() throws Exception {
    try (io.inetkit.testkit.fault.FaultFtpServer endless =
        io.inetkit.testkit.fault.FaultFtpServer.endlessTree().start()) {
      CliRun cli = cli();
      int code =
          cli.run(
              "ftp",
              "get",
              "-r",
              "ftp://alice@127.0.0.1:" + endless.port() + "/",
              "-o",
              dir.resolve("tree").toString(),
              "--tls",
              "none",
              "--max-depth",
              "5");
      assertThat(code).as(cli.err()).isEqualTo(76);
      assertThat(cli.err())
          .contains("more than 5 folders deep (maxMirrorDepth) (limit 5)")
          .hasSizeLessThan(400);
      assertThat(endless.deepestListing()).isEqualTo(5);
    }
  }
}
