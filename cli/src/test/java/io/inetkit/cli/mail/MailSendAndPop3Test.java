package io.inetkit.cli.mail;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.inetkit.cli.CliRun;
import io.inetkit.testkit.mail.MailProtocol;
import io.inetkit.testkit.mail.MailServer;
import io.inetkit.testkit.mail.ReceivedMail;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MailSendAndPop3Test {
  static MailServer server;
  @TempDir Path dir;

  @BeforeAll
  static void start() throws Exception {
    server = MailServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void users() {
    server.purge();
    server.user("alice@example.org", "alice", "alice-pw");
    server.user("bob@example.org", "bob", "bob-pw");
  }

  private CliRun cli() {
    return new CliRun(dir).variable("INETKIT_PASSWORD", "alice-pw");
  }

  private String[] tls(String... args) {
    return Stream.concat(
            Stream.of(args), Stream.of("--cacert", server.pki().caPemFile().toString()))
        .toArray(String[]::new);
  }

  private String submission() {
    return server.url(MailProtocol.SMTP_STARTTLS, "alice");
  }

  @Test
  void sendsWithStartTlsLoginAttachmentAndBodyFromStandardInput() throws Exception {
    Path attachment = Files.writeString(dir.resolve("report.txt"), "attached bytes");
    CliRun cli = cli().stdin("Hello Bob,\nthe report is attached.\n");
    int code =
        cli.run(
            tls(
                "mail",
                "send",
                "--server",
                submission(),
                "--from",
                "Alice <alice@example.org>",
                "--to",
                "bob@example.org",
                "--subject",
                "Report ✓",
                "--attach",
                attachment.toString(),
                "--header",
                "X-Trace: cli-test"));
    assertThat(code).as(cli.err()).isZero();
    assertThat(cli.out()).startsWith("accepted for bob@example.org: 250");
    List<ReceivedMail> got = server.waitForMessages(1, Duration.ofSeconds(10));
    assertThat(got).hasSize(1);
    assertThat(got.get(0).subject()).isEqualTo("Report ✓");
    String raw = new String(got.get(0).raw(), UTF_8);
    assertThat(raw)
        .contains("X-Trace: cli-test")
        .contains("report.txt")
        .contains("the report is attached");
  }

  @Test
  void sendJsonReceiptAndPreparedEml() throws Exception {
    Path eml =
        Files.writeString(
            dir.resolve("m.eml"),
            "From: alice@example.org\r\nTo: bob@example.org\r\nSubject: prepared\r\n\r\nas is\r\n");
    CliRun cli = cli();
    assertThat(
            cli.run(
                tls("mail", "send", "--server", submission(), "--eml", eml.toString(), "--json")))
        .isZero();
    assertThat(cli.out())
        .startsWith("{\"messageId\":")
        .contains("\"accepted\":[\"bob@example.org\"],\"rejected\":[],\"reply\":\"250");
    assertThat(server.waitForMessages(1, Duration.ofSeconds(10)).get(0).subject())
        .isEqualTo("prepared");
  }

  @Test
  void sendJsonMessageIdHasBracketsAsMailListHasAndComesFromAPreparedFile() throws Exception {
    Path eml =
        Files.writeString(
            dir.resolve("with-id.eml"),
            "From: alice@example.org\r\nTo: bob@example.org\r\nMessage-ID: <eml-7@example.org>\r\n"
                + "Subject: prepared\r\n\r\nas is\r\n");
    CliRun cli = cli();
    assertThat(
            cli.run(
                tls("mail", "send", "--server", submission(), "--eml", eml.toString(), "--json")))
        .isZero();
    assertThat(cli.out()).startsWith("{\"messageId\":\"<eml-7@example.org>\",");

    assertThat(
            cli.run(
                tls(
                    "mail",
                    "send",
                    "--server",
                    submission(),
                    "--from",
                    "alice@example.org",
                    "--to",
                    "bob@example.org",
                    "--subject",
                    "composed",
                    "--text",
                    "x",
                    "--json")))
        .isZero();
    String sent = cli.out().replaceFirst("(?s)^\\{\"messageId\":\"([^\"]*)\".*", "$1");
    assertThat(sent).matches("<[^<>]+@example.org>");
    server.waitForMessages(2, Duration.ofSeconds(10));
    CliRun bob = new CliRun(dir).variable("INETKIT_PASSWORD", "bob-pw");
    assertThat(
            bob.run(
                tls("mail", "list", server.url(MailProtocol.IMAPS, "bob") + "/INBOX", "--json")))
        .isZero();
    assertThat(bob.out())
        .contains("\"messageId\":\"" + sent + "\"")
        .contains("\"messageId\":\"<eml-7@example.org>\"");
  }

  @Test
  void sendRejectsBadInputBeforeConnecting() {
    CliRun cli = cli();
    assertThat(
            cli.run(
                tls(
                    "mail",
                    "send",
                    "--server",
                    submission(),
                    "--from",
                    "alice@example.org",
                    "--to",
                    "bob@example.org",
                    "--subject",
                    "a\r\nBcc: evil@example.org",
                    "--text",
                    "x")))
        .isEqualTo(2);
    assertThat(
            cli.run(tls("mail", "send", "--server", submission(), "--from", "alice@example.org")))
        .isEqualTo(2);
    assertThat(cli.err()).contains("at least one --to");
    assertThat(
            cli.run(
                tls(
                    "mail",
                    "send",
                    "--server",
                    "imaps://127.0.0.1/",
                    "--from",
                    "a@b.c",
                    "--to",
                    "d@e.f")))
        .isEqualTo(2);
    assertThat(server.received()).isEmpty();
  }

  @Test
  void startTlsRequiredButNotOfferedIs78AndNothingIsSent() {
    CliRun cli = cli();
    String plain = server.url(MailProtocol.SMTP, "alice");
    assertThat(
            cli.run(
                "mail",
                "send",
                "--server",
                plain,
                "--from",
                "alice@example.org",
                "--to",
                "bob@example.org",
                "--text",
                "x"))
        .isEqualTo(78);
    assertThat(cli.err()).startsWith("inetkit: ").contains("STARTTLS");
    assertThat(server.received()).isEmpty();
  }

  @Test
  void wrongSmtpPasswordIs77() {
    CliRun cli = new CliRun(dir).variable("INETKIT_PASSWORD", "wrong-pw");
    assertThat(
            cli.run(
                tls(
                    "mail",
                    "send",
                    "--server",
                    submission(),
                    "--from",
                    "alice@example.org",
                    "--to",
                    "bob@example.org",
                    "--text",
                    "x")))
        .isEqualTo(77);
    assertThat(cli.err()).doesNotContain("wrong-pw");
  }

  @Test
  void capabilitiesForSmtpImapAndPop3() {
    CliRun cli = cli();
    assertThat(cli.run(tls("mail", "capabilities", submission()))).isZero();
    assertThat(cli.out())
        .contains("AUTH PLAIN")
        .doesNotContain("STARTTLS"); // EHLO after the upgrade
    assertThat(
            cli.run(tls("mail", "capabilities", server.url(MailProtocol.IMAPS, "alice"), "--json")))
        .isZero();
    assertThat(cli.out())
        .startsWith("{\"server\":")
        .contains("\"protocol\":\"imap\"")
        .contains("{\"name\":\"IMAP4REV1\"");
    assertThat(cli.run(tls("mail", "capabilities", server.url(MailProtocol.POP3S, "alice"))))
        .isZero();
    assertThat(cli.out()).contains("UIDL").contains("SASL PLAIN XOAUTH2"); // CAPA arguments kept
  }

  @Test
  void pop3ListReadAndSyncWithDeleteAfterDownload() throws Exception {
    server.deliver("alice@example.org", "Subject: one\r\n\r\nbody one\r\n".getBytes(UTF_8));
    server.deliver("alice@example.org", "Subject: two\r\n\r\nbody two\r\n".getBytes(UTF_8));
    String box = server.url(MailProtocol.POP3S, "alice");
    CliRun cli = cli();
    assertThat(cli.run(tls("mail", "list", box, "--json"))).isZero();
    assertThat(cli.out()).startsWith("[\n{\"number\":1,\"size\":").contains("\"uidl\":");
    assertThat(cli.run(tls("mail", "list", box))).isZero();
    assertThat(cli.out().lines().toList()).hasSize(3).first().isEqualTo("NUMBER       SIZE  UIDL");
    assertThat(cli.run(tls("mail", "list", box, "--unseen"))).isEqualTo(2);
    assertThat(cli.err()).contains("POP3 cannot search");

    assertThat(cli.run(tls("mail", "read", box + "/2"))).isZero();
    assertThat(new String(cli.stdoutBytes(), UTF_8)).contains("body two");
    Path eml = dir.resolve("one.eml");
    assertThat(cli.run(tls("mail", "read", box + "/1", "-o", eml.toString()))).isZero();
    assertThat(Files.readString(eml)).contains("body one");
    assertThat(cli.run(tls("mail", "read", box + "/9"))).isEqualTo(66);

    Path maildir = dir.resolve("box");
    assertThat(
            cli.run(
                tls(
                    "mail",
                    "sync",
                    box,
                    "--maildir",
                    maildir.toString(),
                    "--delete-after-download")))
        .isZero();
    assertThat(cli.out()).startsWith("2 downloaded").contains("2 deleted on the server");
    assertThat(cli.run(tls("mail", "list", box))).isZero();
    assertThat(cli.out().lines().toList()).containsExactly("NUMBER       SIZE  UIDL");
  }

  @Test
  void pop3ReadSavesAttachmentsLikeImap() throws Exception {
    String eml =
        "Subject: att\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=B\r\n\r\n"
            + "--B\r\nContent-Type: text/plain\r\n\r\nsee attached\r\n--B\r\n"
            + "Content-Type: application/octet-stream; name=\"../report.bin\"\r\n"
            + "Content-Disposition: attachment; filename=\"../report.bin\"\r\n"
            + "Content-Transfer-Encoding: base64\r\n\r\nAAECAwQ=\r\n--B--\r\n";
    server.deliver("alice@example.org", eml.getBytes(UTF_8));
    Path att = dir.resolve("att");
    CliRun cli = cli();
    assertThat(
            cli.run(
                tls(
                    "mail",
                    "read",
                    server.url(MailProtocol.POP3S, "alice") + "/1",
                    "--attachments",
                    att.toString())))
        .as(cli.err())
        .isZero();
    assertThat(cli.err()).contains("saved attachment " + att.resolve("report.bin"));
    assertThat(Files.readAllBytes(att.resolve("report.bin"))).containsExactly(0, 1, 2, 3, 4);
    assertThat(cli.stdoutBytes()).isEmpty();
    try (Stream<Path> files = Files.list(att)) {
      assertThat(files).containsExactly(att.resolve("report.bin"));
    }
  }
}
