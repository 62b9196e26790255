package io.inetkit.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.inetkit.testkit.mail.MailProtocol;
import io.inetkit.testkit.mail.MailServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code inetkit mail send|list|read|sync} from the packaged jar against testkit mail servers. */
class MailCliIT {
  static MailServer mail;
  @TempDir Path home;

  @BeforeAll
  static void start() throws Exception {
    mail = MailServer.start();
    mail.user("alice@example.org", "alice", "alice-pw");
    mail.user("bob@example.org", "bob", "bob-pw");
  }

  @AfterAll
  static void stop() {
    mail.close();
  }

  private String ca() {
    return mail.pki().caPemFile().toString();
  }

  private CliJar as(String password) {
    return new CliJar(home).env("INETKIT_PASSWORD", password);
  }

  @Test
  void sendListReadAndSyncWriteWhatTheServerHas() throws Exception {
    Path report = Files.writeString(home.resolve("report.txt"), "numbers\n".repeat(500));
    CliJar.Result sent =
        as("alice-pw")
            .stdin("Hi Bob,\nthe report is attached.\n")
            .run(
                "mail",
                "send",
                "--server",
                mail.url(MailProtocol.SMTP_STARTTLS, "alice"),
                "--cacert",
                ca(),
                "--from",
                "alice@example.org",
                "--to",
                "bob@example.org",
                "--subject",
                "E2E report",
                "--attach",
                report.toString(),
                "--json",
                "--connect-timeout",
                "5s",
                "--timeout",
                "10s");
    assertThat(sent.code()).as(sent.err()).isZero();
    Map<String, Object> receipt = Json.object(sent.out());
    assertThat(receipt.get("accepted")).isEqualTo(List.of("bob@example.org"));
    assertThat(receipt.get("rejected")).isEqualTo(List.of());
    assertThat((String) receipt.get("reply")).startsWith("250");
    mail.waitForMessages(1, java.time.Duration.ofSeconds(10));

    String inbox = mail.url(MailProtocol.IMAPS, "bob") + "/INBOX";
    CliJar.Result listed = as("bob-pw").run("mail", "list", inbox, "--cacert", ca(), "--json");
    assertThat(listed.code()).as(listed.err()).isZero();
    List<Map<String, Object>> messages = Json.objects(listed.out());
    assertThat(messages).hasSize(1);
    Map<String, Object> m = messages.get(0);
    assertThat(m.get("subject")).isEqualTo("E2E report");
    assertThat(m.get("hasAttachments")).isEqualTo(true);
    assertThat((String) m.get("from")).contains("alice@example.org");

    CliJar.Result table = as("bob-pw").run("mail", "list", inbox, "--cacert", ca());
    assertThat(table.code()).as(table.err()).isZero();
    assertThat(table.out().lines().toList())
        .hasSize(2)
        .first()
        .asString()
        .matches(" +UID  DATE \\(UTC\\) +FLAG +SIZE  FROM +SUBJECT");
    assertThat(table.out())
        .containsPattern("\\s+" + m.get("uid") + "\\s.*alice@example.org.*E2E report");

    Path eml = home.resolve("msg.eml");
    Path attachments = home.resolve("att");
    CliJar.Result read =
        as("bob-pw")
            .run(
                "mail",
                "read",
                (String) m.get("url"),
                "--cacert",
                ca(),
                "-o",
                eml.toString(),
                "--attachments",
                attachments.toString());
    assertThat(read.code()).as(read.err()).isZero();
    assertThat(Files.readString(eml, StandardCharsets.UTF_8))
        .contains("Subject: E2E report")
        .contains("the report is attached");
    assertThat(Files.readString(attachments.resolve("report.txt")))
        .isEqualTo(Files.readString(report));

    Path maildir = home.resolve("Maildir");
    CliJar.Result synced =
        as("bob-pw")
            .run(
                "mail",
                "sync",
                mail.url(MailProtocol.POP3S, "bob"),
                "--cacert",
                ca(),
                "--maildir",
                maildir.toString(),
                "--json");
    assertThat(synced.code()).as(synced.err()).isZero();
    assertThat(Json.object(synced.out()))
        .containsEntry("downloaded", 1L)
        .containsEntry("alreadySynced", 0L);
    try (Stream<Path> files = Files.list(maildir.resolve("new"))) {
      List<Path> got = files.toList();
      assertThat(got).hasSize(1);
      assertThat(Files.readString(got.get(0), StandardCharsets.UTF_8))
          .contains("Subject: E2E report");
    }
    CliJar.Result again =
        as("bob-pw")
            .run(
                "mail",
                "sync",
                mail.url(MailProtocol.POP3S, "bob"),
                "--cacert",
                ca(),
                "--maildir",
                maildir.toString());
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(again.out()).startsWith("0 downloaded").contains("1 already synced");
  }

  @Test
  void wrongPasswordExits77WithTheServersReply() throws Exception {
    CliJar.Result r =
        as("not-the-password")
            .run(
                "mail",
                "list",
                mail.url(MailProtocol.IMAPS, "bob") + "/INBOX",
                "--cacert",
                ca(),
                "--timeout",
                "5s");
    assertThat(r.code()).as(r.err()).isEqualTo(77);
    assertThat(r.err().lines()).hasSize(1).allMatch(l -> l.startsWith("inetkit: "));
    assertThat(r.err())
        .contains("127.0.0.1:" + mail.port(MailProtocol.IMAPS))
        .doesNotContain("not-the-password");
  }

  @Test
  void certificateFromAnUntrustedCaExits78() throws Exception {
    // Without --cacert the system CAs are used, and they do not know the testkit CA.
    CliJar.Result r =
        as("bob-pw").run("mail", "list", mail.url(MailProtocol.POP3S, "bob"), "--timeout", "5s");
    assertThat(r.code()).as(r.err()).isEqualTo(78);
    assertThat(r.err()).startsWith("inetkit: ").doesNotContain("\tat ");
  }

  @Test
  void malformedUrlExits2BeforeConnecting() throws Exception {
    CliJar.Result r = as("bob-pw").run("mail", "list", "imaps://bob@127.0.0.1:99999/INBOX");
    assertThat(r.code()).as(r.err()).isEqualTo(2);
    CliJar.Result crlf = as("bob-pw").run("mail", "list", "imaps://bob@127.0.0.1/IN%0D%0ABOX");
    assertThat(crlf.code()).as(crlf.err()).isEqualTo(2);
  }
}
