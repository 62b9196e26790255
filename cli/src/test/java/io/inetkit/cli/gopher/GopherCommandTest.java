package io.inetkit.cli.gopher;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.inetkit.cli.CliRun;
import io.inetkit.cli.TestPorts;
import io.inetkit.testkit.gopher.GopherServer;
import io.inetkit.testkit.tls.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GopherCommandTest {
  static TestPki pki;
  static GopherServer server;
  static byte[] binary = new byte[100_000];
  @TempDir Path dir;

  @BeforeAll
  static void start() throws Exception {
    pki = TestPki.create();
    server = GopherServer.builder().tls(pki).build();
    server.file("docs/readme.txt", "Hello\n.dot line\n");
    new Random(3).nextBytes(binary);
    binary[0] = 0;
    server.file("docs/blob.bin", binary);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private CliRun cli() {
    return new CliRun(dir);
  }

  @Test
  void menuPrintsTypeTitleAndUrlPerLine() {
    CliRun cli = cli();
    assertThat(cli.run("gopher", server.url("1/docs"))).isZero();
    assertThat(cli.out())
        .containsPattern(
            "(?m)^0  readme.txt +gopher://127.0.0.1:" + server.port() + "/0/docs/readme.txt$")
        .containsPattern(
            "(?m)^9  blob.bin +gopher://127.0.0.1:" + server.port() + "/9/docs/blob.bin$")
        .containsPattern("(?m)^i  ");
  }

  @Test
  void menuAsJsonHasStableFields() {
    CliRun cli = cli();
    assertThat(cli.run("gopher", server.url("1/docs"), "--json")).isZero();
    assertThat(cli.out())
        .startsWith("[\n")
        .contains(
            "{\"type\":\"text\",\"code\":\"0\",\"display\":\"readme.txt\",\"selector\":\"/docs/readme.txt\","
                + "\"host\":\"127.0.0.1\",\"port\":"
                + server.port()
                + ",\"url\":\"gopher://127.0.0.1:"
                + server.port()
                + "/0/docs/readme.txt\"}");
  }

  @Test
  void textGoesToStandardOutputWithDotStuffingUndone() {
    CliRun cli = cli();
    assertThat(cli.run("gopher", server.url("0/docs/readme.txt"))).isZero();
    assertThat(new String(cli.stdoutBytes(), UTF_8)).isEqualTo("Hello\n.dot line\n");
  }

  @Test
  void binaryToFileIsByteIdenticalAndMaxFilesizeRefuses() throws Exception {
    CliRun cli = cli();
    Path out = dir.resolve("blob.bin");
    assertThat(cli.run("gopher", server.url("9/docs/blob.bin"), "-o", out.toString())).isZero();
    assertThat(Files.readAllBytes(out)).isEqualTo(binary);
    Path small = dir.resolve("small.bin");
    assertThat(
            cli.run(
                "gopher",
                server.url("9/docs/blob.bin"),
                "-o",
                small.toString(),
                "--max-filesize",
                "10k"))
        .isEqualTo(76);
    assertThat(small).doesNotExist();
  }

  @Test
  void searchRendersResults() {
    CliRun cli = cli();
    assertThat(cli.run("gopher", server.url("7/.search"), "--search", "readme")).isZero();
    assertThat(cli.out()).contains("readme.txt");
    assertThat(cli.run("gopher", server.url("7/.search"))).isEqualTo(2);
    assertThat(cli.err()).contains("--search");
  }

  @Test
  void gophersVerifiesTheCertificate() {
    String url = "gophers://localhost:" + server.tlsPort() + "/1/docs";
    CliRun cli = cli();
    assertThat(cli.run("gopher", url, "--cacert", pki.caPemFile().toString())).isZero();
    assertThat(cli.out()).contains("readme.txt");
    assertThat(cli.run("gopher", url)).isEqualTo(78);
  }

  /** A server that reads the request and never answers. */
  private static io.inetkit.testkit.fault.FaultServer stallingServer() throws java.io.IOException {
    return io.inetkit.testkit.fault.FaultServer.start(
        io.inetkit.testkit.fault.FaultScript.create().expectLine().stall());
  }

  @Test
  void retryRepeatsATimedOutFetchThenReportsTheTimeout() throws Exception {
    try (io.inetkit.testkit.fault.FaultServer stall = stallingServer()) {
      CliRun cli = cli();
      int code =
          cli.run(
              "gopher",
              "gopher://127.0.0.1:" + stall.port() + "/1/",
              "--timeout",
              "200ms",
              "--retry",
              "2",
              "--retry-delay",
              "10ms");
      assertThat(code).isEqualTo(79);
      assertThat(stall.connections()).isEqualTo(3);
      assertThat(cli.err()).contains("retry 1 of 2").contains("retry 2 of 2");
    }
  }

  @Test
  void aRefusedRetryDoesNotHideTheTimeoutThatCausedItAndKeepsItsExitCode() throws Exception {
    try (io.inetkit.testkit.fault.FaultServer stall = stallingServer()) {
      Thread refuser =
          new Thread(
              () -> {
                while (stall.connections() == 0) {
                  Thread.onSpinWait();
                }
                stall.refuseNewConnections(); // the server goes away after the first connection
              });
      refuser.start();
      CliRun cli = cli();
      int code =
          cli.run(
              "gopher",
              "gopher://127.0.0.1:" + stall.port() + "/1/",
              "--timeout",
              "500ms",
              "--retry",
              "2",
              "--retry-delay",
              "10ms");
      refuser.join();
      assertThat(code).as(cli.err()).isEqualTo(79);
      assertThat(cli.err())
          .contains("retry 1 of 2")
          .contains("(timed out after 500 ms")
          .doesNotContain("retry 2 of 2");
      assertThat(cli.err().lines().filter(l -> !l.contains("retry")))
          .singleElement()
          .asString()
          .doesNotContain("refused");
    }
  }

  @Test
  void retriesNeverWaitPastMaxTime() throws Exception {
    try (io.inetkit.testkit.fault.FaultServer stall = stallingServer()) {
      CliRun cli = cli();
      int code =
          cli.run(
              "gopher",
              "gopher://127.0.0.1:" + stall.port() + "/1/",
              "--timeout",
              "200ms",
              "--retry",
              "3",
              "--retry-delay",
              "30s",
              "--max-time",
              "5s");
      assertThat(code).as(cli.err()).isEqualTo(79);
      assertThat(stall.connections()).isEqualTo(1);
      assertThat(cli.err()).doesNotContain("retry 1 of 3");
    }
  }

  @Test
  void aServerThatClosesBeforeSendingAnythingIs75AndSavesNoFile() throws Exception {
    try (io.inetkit.testkit.fault.FaultServer silent =
        io.inetkit.testkit.fault.FaultServer.start(
            io.inetkit.testkit.fault.FaultScript.create().expectLine().close())) {
      String base = "gopher://127.0.0.1:" + silent.port();
      CliRun cli = cli();
      assertThat(cli.run("gopher", base + "/1/")).isEqualTo(75);
      assertThat(cli.out()).isEmpty();
      assertThat(cli.err()).contains("truncated reply").contains("before sending anything");
      for (String url : new String[] {base + "/1/", base + "/0/t.txt"}) {
        Path target = dir.resolve("saved.txt");
        assertThat(cli.run("gopher", url, "-o", target.toString())).isEqualTo(75);
        assertThat(target).doesNotExist();
      }
    }
  }

  @Test
  void progressBarIsDrawnOnATerminal() throws Exception {
    CliRun cli = cli().terminal(io.inetkit.cli.CliEnvironment.PasswordPrompt.NONE);
    Path out = dir.resolve("blob.bin");
    assertThat(cli.run("gopher", server.url("9/docs/blob.bin"), "-o", out.toString())).isZero();
    assertThat(cli.err()).contains("\r").contains("KiB");
    assertThat(Files.readAllBytes(out)).isEqualTo(binary);
  }

  @Test
  void badInputAndFailures() throws Exception {
    CliRun cli = cli();
    assertThat(cli.run("gopher", "gopher://127.0.0.1/0/a%0Db")).isEqualTo(2);
    assertThat(cli.run("gopher", server.url("0/docs/none.txt"))).isEqualTo(66);
    assertThat(cli.err()).startsWith("inetkit: ").contains("127.0.0.1:" + server.port());
    assertThat(cli.run("gopher", "gopher://127.0.0.1:" + TestPorts.closed() + "/")).isEqualTo(69);
    // an option the Gopher client cannot honour is neither listed nor accepted
    assertThat(cli.run("gopher", "--help")).isZero();
    assertThat(cli.out()).contains("--max-filesize").doesNotContain("--limit-rate");
    assertThat(cli.run("gopher", server.url("1/docs"), "--limit-rate", "1k")).isEqualTo(2);
    assertThat(cli.err()).contains("Unknown options: '--limit-rate'");
  }
}
