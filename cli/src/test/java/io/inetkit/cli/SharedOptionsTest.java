package io.inetkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SharedOptionsTest {
  @TempDir Path home;

  private CliRun cli() {
    return new CliRun(home).command("probe", ProbeCommand::new);
  }

  @Test
  void noUserMeansAnonymous() {
    CliRun cli = cli();
    assertThat(cli.run("probe", "ftp://127.0.0.1/")).isZero();
    assertThat(cli.out()).contains("user=-").contains("password=-").contains("tls=NONE");
  }

  @Test
  void inetkitPasswordWithoutAUserStaysAnonymousButAnExplicitSourceNeedsAUser() {
    CliRun cli = cli().variable("INETKIT_PASSWORD", "pw").variable("MYPW", "pw");
    assertThat(cli.run("probe", "ftp://127.0.0.1/")).isZero();
    assertThat(cli.out()).contains("user=-");
    assertThat(cli.run("probe", "--password-env", "MYPW", "ftp://127.0.0.1/")).isEqualTo(2);
    assertThat(cli.err()).contains("no user");
  }

  @Test
  void userWithoutAnyPasswordSourceIsAUsageErrorNamingTheSources() {
    CliRun cli = cli();
    assertThat(cli.run("probe", "ftp://alice@127.0.0.1/")).isEqualTo(2);
    assertThat(cli.err())
        .contains("no password for alice@127.0.0.1")
        .contains("INETKIT_PASSWORD")
        .contains("--password-stdin");
  }

  @Test
  void passwordFromInetkitPasswordVariable() {
    CliRun cli = cli().variable("INETKIT_PASSWORD", "s3cret");
    assertThat(cli.run("probe", "--user", "alice", "ftp://127.0.0.1/")).isZero();
    assertThat(cli.out()).contains("user=alice").contains("password=s3cret");
  }

  @Test
  void explicitSourcesWinOverTheVariable() throws Exception {
    Path file = Files.writeString(home.resolve("pw"), "fromfile\nignored\n");
    CliRun cli = cli().variable("INETKIT_PASSWORD", "fromvar").variable("MYPW", "fromenv");
    assertThat(cli.run("probe", "--password-file", file.toString(), "ftp://alice@127.0.0.1/"))
        .isZero();
    assertThat(cli.out()).contains("password=fromfile");
    assertThat(cli.run("probe", "--password-env", "MYPW", "ftp://alice@127.0.0.1/")).isZero();
    assertThat(cli.out()).contains("password=fromenv");
    cli.stdin("fromstdin\n");
    assertThat(cli.run("probe", "--password-stdin", "ftp://alice@127.0.0.1/")).isZero();
    assertThat(cli.out()).contains("password=fromstdin");
  }

  @Test
  void twoExplicitSourcesOrAnUnsetVariableAreUsageErrors() {
    CliRun cli = cli();
    assertThat(cli.run("probe", "--password-env", "X", "--password-stdin", "ftp://a@127.0.0.1/"))
        .isEqualTo(2);
    assertThat(cli.err()).contains("only one of");
    assertThat(cli.run("probe", "--password-env", "NOPE", "ftp://a@127.0.0.1/")).isEqualTo(2);
    assertThat(cli.err()).contains("NOPE is not set");
  }

  @Test
  void netrcSuppliesLoginAndPasswordFromHomeOrNetrcFile() throws Exception {
    Files.writeString(home.resolve(".netrc"), "machine 127.0.0.1 login bob password \"b pw\"\n");
    CliRun cli = cli();
    assertThat(cli.run("probe", "ftp://127.0.0.1/")).isZero();
    assertThat(cli.out()).contains("user=bob").contains("password=b pw");
    Path other = Files.writeString(home.resolve("other"), "default login carol password c\n");
    assertThat(cli.run("probe", "--netrc-file", other.toString(), "ftp://127.0.0.1/")).isZero();
    assertThat(cli.out()).contains("user=carol").contains("password=c");
    assertThat(cli.run("probe", "--netrc-file", home.resolve("missing").toString(), "ftp://h/"))
        .isEqualTo(2);
  }

  @Test
  void netrcEntryForAnotherLoginIsNotUsed() throws Exception {
    Files.writeString(home.resolve(".netrc"), "machine 127.0.0.1 login bob password b\n");
    CliRun cli = cli();
    assertThat(cli.run("probe", "ftp://alice@127.0.0.1/")).isEqualTo(2);
    assertThat(cli.err()).contains("no password for alice@");
  }

  @Test
  void maskedPromptOnlyWhenAPersonIsAtTheTerminal() {
    StringBuilder asked = new StringBuilder();
    CliRun cli =
        cli()
            .terminal(
                text -> {
                  asked.append(text);
                  return "typed".toCharArray();
                });
    assertThat(cli.run("probe", "ftp://alice@127.0.0.1/")).isZero();
    assertThat(asked.toString()).isEqualTo("Password for alice@127.0.0.1: ");
    assertThat(cli.out()).contains("password=typed");
  }

  @Test
  void passwordInUrlWorksWithAWarning() {
    CliRun cli = cli().variable("INETKIT_PASSWORD", "ambient");
    assertThat(cli.run("probe", "ftp://alice:inurl@127.0.0.1/")).isZero();
    assertThat(cli.out()).contains("password=inurl");
    assertThat(cli.err()).contains("warning: a password in the URL").doesNotContain("inurl");
  }

  @Test
  void thereIsNoPasswordOptionAndUserRejectsAColon() {
    CliRun cli = cli();
    assertThat(cli.run("probe", "--password", "x", "ftp://127.0.0.1/")).isEqualTo(2);
    assertThat(cli.err()).contains("Unknown option");
    assertThat(cli.run("probe", "--user", "alice:pw", "ftp://127.0.0.1/")).isEqualTo(2);
    assertThat(cli.err()).contains("user name only").doesNotContain("alice:pw");
  }

  @Test
  void tlsModeFollowsSchemeUnlessGiven() {
    CliRun cli = cli();
    assertThat(cli.run("probe", "imaps://127.0.0.1/")).isZero();
    assertThat(cli.out()).contains("tls=IMPLICIT").contains("trust=Trust[system");
    assertThat(cli.run("probe", "--tls", "STARTTLS", "ftp://127.0.0.1/")).isZero();
    assertThat(cli.out()).contains("tls=STARTTLS_REQUIRED");
    assertThat(cli.run("probe", "--tls", "sometimes", "ftp://127.0.0.1/")).isEqualTo(2);
    assertThat(cli.err()).contains("none, starttls, implicit");
  }

  @Test
  void insecurePrintsALoudWarningEvenWhenQuiet() {
    CliRun cli = cli();
    assertThat(cli.run("probe", "-q", "--insecure", "ftps://127.0.0.1/")).isZero();
    assertThat(cli.err()).contains("WARNING: --insecure").contains("NOT verified");
    assertThat(cli.run("probe", "-k", "--cacert", "x.pem", "ftps://127.0.0.1/")).isEqualTo(2);
    assertThat(cli.err()).contains("exclude each other");
  }

  @Test
  void unreadableCaFileIsAUsageError() {
    CliRun cli = cli();
    assertThat(cli.run("probe", "--cacert", home.resolve("none.pem").toString(), "ftps://h/"))
        .isEqualTo(2);
    assertThat(cli.err()).contains("cannot read CA certificates").doesNotContain("\tat ");
  }

  @Test
  void timeoutsAndGuardsParseHumanUnits() {
    CliRun cli = cli();
    assertThat(
            cli.run(
                "probe",
                "--connect-timeout",
                "500ms",
                "--timeout",
                "2m",
                "--max-time",
                "1h",
                "--max-filesize",
                "10M",
                "--limit-rate",
                "500k",
                "ftp://h/"))
        .isZero();
    assertThat(cli.out())
        .contains("connect=PT0.5S, read=PT2M, overall=PT1H")
        .contains("max=10485760 rate=512000");
    assertThat(cli.run("probe", "--timeout", "soon", "ftp://h/")).isEqualTo(2);
    assertThat(cli.err()).contains("not a duration (examples: 500ms, 10s, 2m, 1h)");
  }

  @Test
  void durationAndSizeFormats() {
    assertThat(Durations.parse("30")).isEqualTo(Duration.ofSeconds(30));
    assertThat(Durations.parse("2.5s")).isEqualTo(Duration.ofMillis(2500));
    assertThat(ByteSizes.parse("1.5G")).isEqualTo(1536L * 1024 * 1024);
    assertThat(ByteSizes.parse("7")).isEqualTo(7);
    assertThat(ByteSizes.format(1536)).isEqualTo("1.5 KiB");
    assertThat(ByteSizes.format(12)).isEqualTo("12 B");
  }

  @Test
  void progressBarOnlyWhenStandardErrorIsATerminalAndNeverWithNoProgressOrQuiet() {
    CliRun plain = cli();
    assertThat(plain.run("probe", "ftp://h/")).isZero();
    assertThat(plain.err()).doesNotContain("50%");
    CliRun tty = cli().terminal(CliEnvironment.PasswordPrompt.NONE);
    assertThat(tty.run("probe", "ftp://h/")).isZero();
    assertThat(tty.err()).contains("\rf").contains(" 50% 50 B / 100 B 50 B/s ETA 0:01");
    assertThat(tty.run("probe", "--no-progress", "ftp://h/")).isZero();
    assertThat(tty.err()).doesNotContain("50%");
    assertThat(tty.run("probe", "-q", "ftp://h/")).isZero();
    assertThat(tty.err()).doesNotContain("50%");
    // A person at the console, but 2>log: the log gets no bar.
    CliRun redirected = cli().terminal(CliEnvironment.PasswordPrompt.NONE).stderrTerminal(false);
    assertThat(redirected.run("probe", "ftp://h/")).isZero();
    assertThat(redirected.err()).doesNotContain("50%").doesNotContain("\r");
    // --progress asks for the bar wherever standard error goes.
    assertThat(plain.run("probe", "--progress", "ftp://h/")).isZero();
    assertThat(plain.err()).contains("\rf").contains(" 50% ");
  }

  @Test
  void standardErrorOfThisTestJvmIsNotATerminalAndTerminalDevicesAreRecognised() {
    // Surefire's forked JVM writes standard error into a pipe, never a terminal.
    assertThat(Terminals.stderrIsTerminal()).isFalse();
    assertThat(CliEnvironment.system().stderrTerminal()).isFalse();
    assertThat(Terminals.isTerminalDevice("/dev/pts/3")).isTrue();
    assertThat(Terminals.isTerminalDevice("/dev/tty1")).isTrue();
    assertThat(Terminals.isTerminalDevice("pipe:[12345]")).isFalse();
    assertThat(Terminals.isTerminalDevice("/tmp/build.log")).isFalse();
    assertThat(Terminals.isTerminalDevice("/dev/null")).isFalse();
  }

  @Test
  void verboseTraceGoesToStandardErrorWithSecretsRedacted() {
    CliRun cli = cli();
    assertThat(cli.run("probe", "-v", "ftp://h:2121/")).isZero();
    assertThat(cli.err()).contains("* h:2121 > PASS ***").doesNotContain("hunter2");
    assertThat(cli.run("probe", "ftp://h:2121/")).isZero();
    assertThat(cli.err()).doesNotContain("PASS");
  }

  @Test
  void completionPrintsABashScript() {
    CliRun cli = cli();
    assertThat(cli.run("completion")).isZero();
    assertThat(cli.out()).contains("complete -F").contains("inetkit");
  }
}
