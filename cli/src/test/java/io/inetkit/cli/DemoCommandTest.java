package io.inetkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.inetkit.core.EventListener;
import io.inetkit.core.ProgressListener;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
  @TempDir Path dir;

  private static final List<String> STEPS =
      List.of(
          "send a mail with an attachment",
          "list the inbox",
          "read the mail",
          "sync into a Maildir",
          "upload a file",
          "download the file",
          "browse a menu",
          "fetch a text item",
          "log in and run a command");

  @Test
  void everyStepWorksAndTheSummaryListsThemAll() {
    CliRun cli = new CliRun(dir);
    int code = cli.run("demo", "--size", "1MiB");
    assertThat(code).as(cli.out() + cli.err()).isZero();
    String summary = cli.out().substring(cli.out().indexOf("\nSummary"));
    assertThat(summary.lines().filter(l -> l.matches("\\s+\\d+  .*"))).hasSize(STEPS.size());
    for (String step : STEPS) {
      assertThat(summary).containsPattern("\\d  " + step + " +\\S+ +ok +\\d+\\.\\d\\d s");
    }
    assertThat(summary).contains("All 9 steps worked in");
    assertThat(cli.out())
        .contains("accepted for bob@inetkit.test: 250")
        .contains("attachment report.txt saved, identical to what Alice sent")
        .contains("1 downloaded")
        .contains("every byte identical to the original")
        .contains("'whoami' printed 'alice'");
    // No terminal: the FTPS progress comes as plain lines on standard error, ending at 100 %.
    assertThat(cli.err()).contains("100% 1.0 MiB / 1.0 MiB").doesNotContain("\r");
  }

  @Test
  void aFailedStepShowsInTheSummaryAndTheExitCode() throws Exception {
    StringWriter text = new StringWriter();
    PrintWriter out = new PrintWriter(text, true);
    DemoRun run = new DemoRun(out, DemoTour.STEPS);
    try (DemoServers servers = DemoServers.start()) {
      servers.stop(io.inetkit.testkit.InetkitServers.Service.SMTP);
      Path work = Files.createDirectories(dir.resolve("work"));
      new DemoTour(servers, work, ProgressListener.NONE, EventListener.NONE, 64 * 1024).runAll(run);
    }
    run.printSummary(java.time.Duration.ofSeconds(1));
    String summary = text.toString().substring(text.toString().indexOf("\nSummary"));
    assertThat(summary)
        .containsPattern("1  send a mail with an attachment +SMTP +FAILED")
        .containsPattern("2  list the inbox +IMAP +skipped")
        .containsPattern("4  sync into a Maildir +POP3 +skipped")
        .containsPattern("5  upload a file +FTPS +ok")
        .containsPattern("9  log in and run a command +Telnet +ok")
        .contains("4 of 9 steps did not work");
    assertThat(text.toString()).contains("FAILED: ").contains("127.0.0.1:");
    assertThat(run.exitCode()).isEqualTo(ExitCode.UNAVAILABLE.code());
  }
}
