package io.inetkit.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inetkit.core.AuthenticationException;
import io.inetkit.core.Credentials;
import io.inetkit.core.Timeouts;
import io.inetkit.core.TlsMode;
import io.inetkit.mail.smtp.SendReceipt;
import io.inetkit.mail.smtp.SmtpCapabilities;
import io.inetkit.mail.smtp.SmtpClient;
import io.inetkit.mail.smtp.SmtpSession;
import io.inetkit.testkit.mail.MailProtocol;
import io.inetkit.testkit.mail.MailServer;
import io.inetkit.testkit.mail.ReceivedMail;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Sending to testkit's GreenMail over plain, implicit TLS and STARTTLS with real verification. */
class SmtpClientTest {
  private static final Timeouts FAST =
      new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofMinutes(1));
  private static MailServer server;

  @TempDir Path dir;

  @BeforeAll
  static void start() throws Exception {
    server =
        MailServer.builder()
            .protocols(MailProtocol.SMTP, MailProtocol.SMTPS, MailProtocol.SMTP_STARTTLS)
            .start();
    server.user("alice@example.org", "alice", "alice-secret");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @AfterEach
  void purge() {
    server.purge();
  }

  private static SmtpClient client(MailProtocol p) {
    return SmtpClient.builder()
        .endpoint(server.endpoint(p))
        .tlsMode(p.tlsMode())
        .plaintextLogin(io.inetkit.core.PlaintextLogin.ALLOWED) // the plain-text listener
        .trust(server.clientTrust())
        .credentials(Credentials.password("alice", "alice-secret".toCharArray()))
        .timeouts(FAST)
        .build();
  }

  private static MailMessage simple(String subject) {
    return MailMessage.builder()
        .from("Alice Ärger <alice@example.org>")
        .to("Bob <bob@example.org>")
        .cc("carol@example.org")
        .bcc("hidden@example.org")
        .subject(subject)
        .text("Hi Bob,\n.a line starting with a dot\nbye\n")
        .build();
  }

  @ParameterizedTest
  @EnumSource(names = {"SMTP", "SMTPS", "SMTP_STARTTLS"})
  void sendsToEveryRecipientWithoutBccHeaderOverEveryListener(MailProtocol p) throws Exception {
    MailMessage message = simple("Grüße über " + p + " ✓");
    SendReceipt receipt = client(p).send(message);

    assertThat(receipt.finalReply().code()).isEqualTo(250);
    assertThat(receipt.messageId()).isEqualTo("<" + message.messageId() + ">"); // as in the header
    assertThat(receipt.accepted())
        .extracting(r -> r.recipient().address())
        .containsExactly("bob@example.org", "carol@example.org", "hidden@example.org");
    assertThat(receipt.rejected()).isEmpty();

    List<ReceivedMail> got = server.waitForMessages(3, Duration.ofSeconds(5));
    assertThat(got)
        .extracting(ReceivedMail::recipient)
        .containsExactlyInAnyOrder("bob@example.org", "carol@example.org", "hidden@example.org");
    ReceivedMail bob = server.receivedBy("bob@example.org").get(0);
    assertThat(bob.subject()).isEqualTo("Grüße über " + p + " ✓");
    assertThat(bob.from()).isEqualTo("Alice Ärger <alice@example.org>");
    assertThat(bob.rawText())
        .contains("Subject: =?UTF-8?")
        .contains("Message-ID: <" + message.messageId() + ">")
        .contains("\r\n.a line starting with a dot\r\n")
        .doesNotContainIgnoringCase("hidden@example.org")
        .doesNotContain("Bcc:");
  }

  @Test
  void composesAlternativeRelatedAndMixedWithStreamedAttachments() throws Exception {
    Path pdf = Files.write(dir.resolve("report.pdf"), bytes(300_000));
    Path png = Files.write(dir.resolve("logo.png"), bytes(2_000));
    MailMessage message =
        MailMessage.builder()
            .from("alice@example.org")
            .to("bob@example.org")
            .replyTo("replies@example.org")
            .subject("report")
            .text("plain body")
            .html("<p>html body <img src=\"cid:logo\"></p>")
            .inline(png, "logo")
            .attach(pdf)
            .attach(
                Attachment.of(
                    "notes.txt", // type detected from the name
                    () ->
                        new ByteArrayInputStream(
                            "streamed notes".getBytes(StandardCharsets.UTF_8))))
            .header("X-Campaign", "q3 – Ünïcode")
            .date(Instant.parse("2026-01-02T03:04:05Z"))
            .build();
    client(MailProtocol.SMTP_STARTTLS).send(message);

    MimeMessage got = parse(server.waitForMessages(1, Duration.ofSeconds(5)).get(0).raw());
    assertThat(got.getContentType()).startsWith("multipart/mixed");
    assertThat(got.getHeader("Reply-To")[0]).isEqualTo("replies@example.org");
    assertThat(jakarta.mail.internet.MimeUtility.decodeText(got.getHeader("X-Campaign")[0]))
        .isEqualTo("q3 – Ünïcode");
    assertThat(got.getSentDate().toInstant()).isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
    Multipart mixed = (Multipart) got.getContent();
    assertThat(mixed.getCount()).isEqualTo(3);
    Multipart related = (Multipart) mixed.getBodyPart(0).getContent();
    assertThat(related.getContentType()).startsWith("multipart/related");
    Multipart alternative = (Multipart) related.getBodyPart(0).getContent();
    assertThat(alternative.getContentType()).startsWith("multipart/alternative");
    assertThat(alternative.getBodyPart(0).getContent()).isEqualTo("plain body");
    assertThat(alternative.getBodyPart(1).getContentType()).startsWith("text/html");
    MimeBodyPart logo = (MimeBodyPart) related.getBodyPart(1);
    assertThat(logo.getContentID()).isEqualTo("<logo>");
    assertThat(logo.getDisposition()).isEqualTo("inline");
    assertThat(logo.getContentType()).startsWith("image/png");
    assertThat(logo.getInputStream().readAllBytes()).isEqualTo(Files.readAllBytes(png));
    BodyPart report = mixed.getBodyPart(1);
    assertThat(report.getFileName()).isEqualTo("report.pdf");
    assertThat(report.getContentType()).startsWith("application/pdf");
    assertThat(report.getInputStream().readAllBytes()).isEqualTo(Files.readAllBytes(pdf));
    assertThat(
            new String(
                mixed.getBodyPart(2).getInputStream().readAllBytes(), StandardCharsets.UTF_8))
        .isEqualTo("streamed notes");
    assertThat(mixed.getBodyPart(2).getContentType()).startsWith("text/plain");
    assertThat(mixed.getBodyPart(2).getFileName()).isEqualTo("notes.txt");
  }

  @Test
  void sendsAPreparedFileAsItIsButWithoutItsBccFieldsToEveryEnvelopeRecipient() throws Exception {
    String eml =
        "From: Dora <dora@example.org>\nTo: bob@example.org\nBcc: eve@example.org,\n"
            + "\tmallory@example.org\nSubject: prepared\nResent-Bcc: trent@example.org\n"
            + "X-Not-Bcc: exactly this\n\nline one\nBcc: a body line stays\n.dot line\nlast\n";
    Path file = Files.writeString(dir.resolve("saved.eml"), eml);
    SendReceipt receipt = client(MailProtocol.SMTP).send(PreparedMessage.of(file));

    assertThat(receipt.accepted())
        .extracting(r -> r.recipient().address())
        .containsExactly("bob@example.org", "eve@example.org", "mallory@example.org");
    assertThat(receipt.messageId()).isEmpty(); // the file has none
    List<ReceivedMail> got = server.waitForMessages(3, Duration.ofSeconds(5));
    assertThat(got)
        .extracting(ReceivedMail::recipient)
        .containsExactlyInAnyOrder("bob@example.org", "eve@example.org", "mallory@example.org");
    String expected =
        "From: Dora <dora@example.org>\r\nTo: bob@example.org\r\nSubject: prepared\r\n"
            + "X-Not-Bcc: exactly this\r\n\r\nline one\r\nBcc: a body line stays\r\n.dot line\r\nlast";
    for (ReceivedMail copy : got) {
      // GreenMail stores the data without the CRLF that precedes the final dot.
      assertThat(copy.rawText())
          .endsWith(expected)
          .doesNotContain("eve@")
          .doesNotContain("mallory@")
          .doesNotContain("trent@");
      assertThat(copy.rawText().split("\r\n\r\n", 2)[0].lines())
          .noneMatch(
              l ->
                  l.regionMatches(true, 0, "bcc:", 0, 4)
                      || l.regionMatches(true, 0, "resent-bcc:", 0, 11));
    }
  }

  @Test
  void receiptOfAPreparedFileCarriesTheFilesOwnMessageIdWithBrackets() throws Exception {
    String eml =
        "From: dora@example.org\r\nTo: bob@example.org\r\nMessage-ID:\r\n <prepared.42@example.org>\r\n"
            + "Subject: id\r\n\r\nbody\r\n";
    Path file = Files.writeString(dir.resolve("with-id.eml"), eml);
    SendReceipt receipt = client(MailProtocol.SMTP).send(PreparedMessage.of(file));
    assertThat(receipt.messageId()).isEqualTo("<prepared.42@example.org>");
  }

  @Test
  void reportsTheServersCapabilitiesAsData() throws Exception {
    try (SmtpSession smtp = client(MailProtocol.SMTP_STARTTLS).open()) {
      SmtpCapabilities caps = smtp.capabilities();
      assertThat(caps.authMechanisms()).contains("PLAIN", "LOGIN", "XOAUTH2");
      assertThat(caps.supports("smtputf8")).isTrue();
      assertThat(caps.supports("STARTTLS")).isFalse(); // GreenMail's EHLO after the upgrade
      assertThat(caps.extensions()).containsKey("AUTH");
      assertThat(caps.greeting()).contains("inetkit testkit");
    }
  }

  @Test
  void wrongPasswordIsAnAuthenticationErrorWithTheReply() {
    SmtpClient bad =
        client(MailProtocol.SMTP_STARTTLS)
            .newBuilder()
            .credentials(Credentials.password("alice", "wrong".toCharArray()))
            .build();
    assertThatThrownBy(bad::open)
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("AUTH PLAIN as alice")
        .hasMessageContaining("535")
        .hasMessageContaining(server.endpoint(MailProtocol.SMTP_STARTTLS).toString())
        .hasMessageNotContaining("wrong");
  }

  @Test
  void defaultsAreSafe() {
    SmtpClient c = SmtpClient.builder().endpoint("mail.example.org").build();
    assertThat(c.endpoint().port()).isEqualTo(587);
    assertThat(c.tlsMode()).isEqualTo(TlsMode.STARTTLS_REQUIRED);
    assertThat(c.trust().verifiesHostname()).isTrue();
    assertThat(c.timeouts()).isEqualTo(Timeouts.DEFAULT);
    assertThat(SmtpClient.builder().endpoint("mail.example.org", 465).build().tlsMode())
        .isEqualTo(TlsMode.IMPLICIT);
    SmtpClient withPassword =
        c.newBuilder().credentials(Credentials.password("alice", "hunter2".toCharArray())).build();
    assertThat(withPassword.toString()).doesNotContain("hunter2").contains("alice");
  }

  @Test
  void interopAdapterGivesTheSameMimeMessage() throws Exception {
    MailMessage m = simple("interop ✓");
    MimeMessage mime = JakartaMailInterop.toMimeMessage(m);
    assertThat(mime.getSubject()).isEqualTo("interop ✓");
    assertThat(mime.getMessageID()).isEqualTo("<" + m.messageId() + ">");
    assertThat(mime.getHeader("Bcc")).isNull();
  }

  static byte[] bytes(int n) {
    byte[] b = new byte[n];
    new java.util.Random(n).nextBytes(b);
    return b;
  }

  static MimeMessage parse(byte[] raw) throws Exception {
    return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
  }
}
