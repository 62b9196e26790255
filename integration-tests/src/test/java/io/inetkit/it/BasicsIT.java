package io.inetkit.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --version}, {@code --help}, {@code completion} and {@code demo} from the packaged jar. */
class BasicsIT {
  @TempDir Path home;

  @Test
  void versionNamesInetkitAndJava() throws Exception {
    CliJar.Result r = new CliJar(home).run("--version");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("inetkit 0.1.0").contains("Java ");
  }

  @Test
  void helpListsEveryCommandAndTheExitCodes() throws Exception {
    CliJar.Result r = new CliJar(home).run("--help");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("mail", "ftp", "gopher", "telnet", "serve", "demo");
    assertThat(r.out())
        .contains("Exit codes:")
        .containsPattern(" 69 +cannot connect")
        .containsPattern(" 77 +authentication failed");
    CliJar.Result unknown = new CliJar(home).run("no-such-command");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).startsWith("inetkit: ");
  }

  @Test
  void groupHelpShowsExamplesAndCompletionIsABashScript() throws Exception {
    for (String group : new String[] {"mail", "ftp"}) {
      CliJar.Result help = new CliJar(home).run(group, "--help");
      assertThat(help.code()).as(help.err()).isZero();
      // The exit codes are listed once, on the top-level help (and in the inetkit(1) man page).
      assertThat(help.out())
          .contains("Examples:")
          .contains("  inetkit " + group + " ")
          .doesNotContain("Exit codes:");
    }
    CliJar.Result completion = new CliJar(home).run("completion");
    assertThat(completion.code()).as(completion.err()).isZero();
    assertThat(completion.out()).contains("complete -F").contains("inetkit");
  }

  @Test
  void demoRunsEveryStepAndEndsWithTheSummary() throws Exception {
    CliJar.Result r = new CliJar(home).run("demo", "--size", "2MiB");
    assertThat(r.code()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).contains("\nSummary\n").contains("All 9 steps worked in");
    for (String protocol : new String[] {"SMTP", "IMAP", "POP3", "FTPS", "Gopher", "Telnet"}) {
      assertThat(r.out()).containsPattern("\\d  [A-Za-z ]+ +" + protocol + " +ok ");
    }
    assertThat(r.out()).doesNotContain("FAILED");
    // stderr is a file here, not a terminal: progress comes as plain lines, without \r redraws.
    assertThat(r.err()).contains("100% 2.0 MiB / 2.0 MiB").doesNotContain("\r");
  }
}
