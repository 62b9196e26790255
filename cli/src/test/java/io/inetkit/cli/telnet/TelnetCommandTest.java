package io.inetkit.cli.telnet;

import static org.assertj.core.api.Assertions.assertThat;

import io.inetkit.cli.CliRun;
import io.inetkit.cli.TestPorts;
import io.inetkit.testkit.telnet.TelnetServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TelnetCommandTest {
  static TelnetServer server;
  @TempDir Path dir;

  @BeforeAll
  static void start() throws Exception {
    server = TelnetServer.builder().user("alice", "alice-pw").start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private CliRun cli() {
    return new CliRun(dir).variable("INETKIT_PASSWORD", "alice-pw");
  }

  @Test
  void logsInAndRunsCommandsPrintingTheirOutput() {
    CliRun cli = cli();
    assertThat(
            cli.run(
                "telnet",
                "127.0.0.1",
                String.valueOf(server.port()),
                "--user",
                "alice",
                "--run",
                "whoami",
                "--run",
                "echo hello there"))
        .isZero();
    assertThat(cli.out()).isEqualTo("alice\nhello there\n");
    assertThat(server.lastConnection().commands()).contains("whoami", "echo hello there");
  }

  @Test
  void sendAndExpectRunInTheOrderGivenWithAUrl() {
    CliRun cli = cli();
    assertThat(
            cli.run(
                "telnet",
                "telnet://127.0.0.1:" + server.port(),
                "--expect",
                "login: ",
                "--send",
                "alice",
                "--expect",
                "Password: ",
                "--send",
                "alice-pw",
                "--expect",
                "\\$ ",
                "--send",
                "echo x1y",
                "--expect",
                "x1y\\r?\\n"))
        .isZero();
    assertThat(cli.out()).contains("login: ").contains("Password: ").endsWith("x1y\r\n");
  }

  @Test
  void scriptFileStepsWithLogin() throws Exception {
    Path script =
        Files.writeString(dir.resolve("steps.txt"), "# a comment\nlogin\n\nrun echo from-script\n");
    CliRun cli = cli();
    assertThat(
            cli.run(
                "telnet",
                "127.0.0.1",
                String.valueOf(server.port()),
                "--user",
                "alice",
                "--script",
                script.toString()))
        .isZero();
    assertThat(cli.out()).isEqualTo("from-script\n");
  }

  @Test
  void withoutStepsStandardInputIsBridgedToTheSession() {
    CliRun cli = cli().stdin("echo bridged-line\nexit\n");
    assertThat(cli.run("telnet", "127.0.0.1", String.valueOf(server.port()), "--user", "alice"))
        .isZero();
    assertThat(new String(cli.stdoutBytes(), java.nio.charset.StandardCharsets.UTF_8))
        .contains("bridged-line");
    assertThat(server.lastConnection().commands()).contains("echo bridged-line", "exit");
    assertThat(cli.err()).contains("closed");
  }

  @Test
  void standardOutputCarriesOnlyWhatTheServerSentEvenWhenItCloses() {
    for (boolean quiet : new boolean[] {false, true}) {
      CliRun cli = cli().stdin("echo last-line\nexit\n");
      String port = String.valueOf(server.port());
      int code =
          quiet
              ? cli.run("telnet", "-q", "127.0.0.1", port, "--user", "alice")
              : cli.run("telnet", "127.0.0.1", port, "--user", "alice");
      assertThat(code).isZero();
      String out = new String(cli.stdoutBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertThat(out).contains("last-line").doesNotContain("foreign host").endsWith("logout\r\n");
      if (quiet) {
        assertThat(cli.err()).isEmpty();
      } else {
        assertThat(cli.err()).contains("Connection closed by foreign host.");
      }
    }
  }

  @Test
  void wrongPasswordIs77AndNeverPrinted() {
    CliRun cli = new CliRun(dir).variable("INETKIT_PASSWORD", "bad-secret");
    assertThat(
            cli.run(
                "telnet",
                "127.0.0.1",
                String.valueOf(server.port()),
                "--user",
                "alice",
                "--run",
                "whoami"))
        .isEqualTo(77);
    assertThat(cli.err()).startsWith("inetkit: ").doesNotContain("bad-secret");
  }

  @Test
  void badInputIsAUsageError() throws Exception {
    CliRun cli = cli();
    String port = String.valueOf(server.port());
    assertThat(cli.run("telnet", "127.0.0.1", port, "--expect", "(")).isEqualTo(2);
    assertThat(cli.err()).contains("not a regular expression");
    Path bad = Files.writeString(dir.resolve("bad.txt"), "dance now\n");
    assertThat(cli.run("telnet", "127.0.0.1", port, "--script", bad.toString())).isEqualTo(2);
    assertThat(cli.err()).contains("line 1: unknown step 'dance'");
    assertThat(cli.run("telnet", "ftp://127.0.0.1/", "--run", "x")).isEqualTo(2);
    assertThat(cli.run("telnet", "127.0.0.1", port, "--user", "alice", "--run", "echo a\rb"))
        .isEqualTo(2);
  }

  @Test
  void refusedPortIs69AndASilentPromptTimesOutWith79() throws Exception {
    CliRun cli = cli();
    assertThat(cli.run("telnet", "127.0.0.1", String.valueOf(TestPorts.closed()), "--run", "x"))
        .isEqualTo(69);
    assertThat(
            cli.run(
                "telnet",
                "127.0.0.1",
                String.valueOf(server.port()),
                "--expect",
                "never-said",
                "--timeout",
                "300ms"))
        .isEqualTo(79);
  }
}
