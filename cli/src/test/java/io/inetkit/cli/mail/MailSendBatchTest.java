package io.inetkit.cli.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.inetkit.cli.CliRun;
import io.inetkit.testkit.mail.SmtpSink;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code inetkit mail send --eml DIR}: every message of a folder over one session (or a pool), one
 * result line per message in order, and the exit code of the first failure.
 */
class MailSendBatchTest {
  @TempDir Path dir;

  private Path outbox(String... recipients) throws Exception {
    Path outbox = Files.createDirectories(dir.resolve("outbox"));
    for (int i = 0; i < recipients.length; i++) {
      Files.writeString(
          outbox.resolve("m" + i + ".eml"),
          "From: alice@example.org\r\nTo: "
              + recipients[i]
              + "\r\nSubject: batch "
              + i
              + "\r\nMessage-ID: <m"
              + i
              + "@example.org>\r\n\r\nbody "
              + i
              + "\r\n");
    }
    Files.writeString(outbox.resolve("notes.txt"), "not a message"); // skipped: not *.eml
    return outbox;
  }

  private static String url(SmtpSink sink) {
    return "smtp://" + sink.host() + ":" + sink.endpoint().port();
  }

  @Test
  void sendsAFolderOverOneSessionAndReportsEachMessage() throws Exception {
    try (SmtpSink sink = SmtpSink.start()) {
      Path outbox = outbox("bob@example.org", "carol@example.org", "dave@example.org");
      CliRun cli = new CliRun(dir);
      int code =
          cli.run(
              "mail", "send", "--server", url(sink), "--tls", "none", "--eml", outbox.toString());
      assertThat(code).as(cli.err()).isZero();
      assertThat(cli.out().lines())
          .containsExactly(
              outbox.resolve("m0.eml")
                  + ": accepted for bob@example.org: 250 2.0.0 Ok: queued as 1",
              outbox.resolve("m1.eml")
                  + ": accepted for carol@example.org: 250 2.0.0 Ok: queued as 2",
              outbox.resolve("m2.eml")
                  + ": accepted for dave@example.org: 250 2.0.0 Ok: queued as 3");
      assertThat(sink.connections()).isEqualTo(1);
    }
  }

  @Test
  void aRefusedMessageIsReportedInTheJsonLinesAndSetsTheExitCode() throws Exception {
    try (SmtpSink sink =
        SmtpSink.builder()
            .rejectRecipient("nobody@example.org", "550 5.1.1 no such user")
            .start()) {
      Path outbox =
          outbox("bob@example.org", "nobody@example.org", "carol@example.org", "dave@example.org");
      CliRun cli = new CliRun(dir);
      int code =
          cli.run(
              "mail",
              "send",
              "--server",
              url(sink),
              "--tls",
              "none",
              "--eml",
              outbox.toString(),
              "--parallel",
              "2",
              "--json");
      assertThat(code).isEqualTo(76); // a permanent refusal
      assertThat(cli.out().lines())
          .hasSize(4)
          .satisfiesExactly(
              l -> assertThat(l).contains("\"file\":").contains("\"sent\":true"),
              l ->
                  assertThat(l)
                      .contains("m1.eml")
                      .contains("\"sent\":false")
                      .contains("550 5.1.1 no such user")
                      .contains("\"exitCode\":76"),
              l -> assertThat(l).contains("m2.eml").contains("\"sent\":true"),
              l -> assertThat(l).contains("m3.eml").contains("\"messageId\":\"<m3@example.org>\""));
      assertThat(cli.err()).contains("1 of 4 messages not sent");
      assertThat(sink.messages()).hasSize(3);
      assertThat(sink.connections()).isEqualTo(2);
    }
  }
}
