package io.inetkit.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inetkit.core.InvalidInputException;
import io.inetkit.mail.smtp.SmtpClient;
import io.inetkit.testkit.fault.FaultServer;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The message model validates everything before anything could be sent. */
class MailMessageTest {
  @TempDir Path dir;

  private static MailMessage.Builder valid() {
    return MailMessage.builder().from("alice@example.org").to("bob@example.org");
  }

  private static void rejects(ThrowingCallable call, String parameter, String shown) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.parameter()).isEqualTo(parameter))
        .hasMessageContaining(shown);
  }

  @Test
  void controlCharactersAreRejectedEverywhereWithTheValueNamed() {
    rejects(() -> valid().subject("hi\r\nBcc: victim@example.org"), "subject", "\\r\\n");
    rejects(() -> valid().header("X-Ok", "v\nInjected: yes"), "header value", "\\n");
    rejects(() -> valid().header("X-Bad\r\n", "v"), "header name", "\\r\\n");
    rejects(() -> valid().to("bob@example.org\r\nRCPT TO:<x@y>"), "address", "\\r\\n");
    rejects(() -> MailAddress.of("bob@example.org", "Bob\0"), "displayName", "\\0");
    rejects(
        () -> Attachment.of("evil\r\n.pdf", "application/pdf", () -> null), "fileName", "\\r\\n");
    rejects(
        () -> Attachment.of("a.pdf", "application/pdf\r\nX: y", () -> null),
        "contentType",
        "\\r\\n");
    rejects(() -> Attachment.inline("a.png", "image/png", () -> null, "id\n"), "contentId", "\\n");
  }

  @Test
  void invalidAddressesAreRejectedWithTheValue() {
    for (String bad :
        List.of(
            "no-at-sign",
            "a@@b.org",
            "@example.org",
            "alice@",
            "a b@example.org",
            "<alice@example.org>x",
            "alice@example..org",
            "alice@exa>mple.org")) {
      rejects(() -> MailAddress.parse(bad), "address", "");
    }
    rejects(
        () -> MailAddress.parse("a@@b.org"), "address", "not a valid e-mail address: \"a@@b.org\"");
  }

  /**
   * Every bad value is rejected before a connection is made, whichever public path carries it. The
   * server would accept anything (a normal SMTP dialogue, plain text), so if a check were missing
   * the message would go out and the assertions on the exception and on what the server received
   * would fail. No value exists that builds but is refused only when sending: every record and
   * builder validates eagerly, so each case builds and sends inside the same call.
   */
  @Test
  void nothingIsSentWhenInputIsBad() throws Exception {
    Path eml =
        Files.writeString(dir.resolve("ok.eml"), "From: a@example.org\nTo: b@example.org\n\nhi\n");
    try (FaultServer server = ScriptedSmtp.start(ScriptedSmtp.normalExcept(l -> null))) {
      SmtpClient client =
          SmtpClient.builder()
              .endpoint(server.host(), server.port())
              .tlsMode(io.inetkit.core.TlsMode.NONE)
              .plaintextLogin(io.inetkit.core.PlaintextLogin.ALLOWED)
              .build();
      rejects(() -> client.send(valid().subject("x\ry").build()), "subject", "\\r");
      rejects(
          () -> client.send(valid().header("X-Ok", "v\nBcc: victim@example.org").build()),
          "header value",
          "\\n");
      rejects(
          () -> client.send(valid().cc("carol@example.org\r\nRCPT TO:<x@y>").build()),
          "address",
          "\\r\\n");
      rejects(
          () -> client.send(valid().attach(Attachment.of("a\r\n.txt", () -> null)).build()),
          "fileName",
          "\\r\\n");
      rejects(
          () ->
              client.send(
                  PreparedMessage.of(
                      eml,
                      MailAddress.of("a@example.org"),
                      List.of(MailAddress.of("b@example.org>\r\nDATA")))),
          "address",
          "\\r\\n");
      rejects(
          () -> client.newBuilder().ehloName("me\r\nRSET").build().send(valid().build()),
          "ehloName",
          "\\r\\n");
      assertThat(server.connections()).isZero();
      assertThat(server.received()).isEmpty();

      // the same server takes a good message, so the cases above were refused for their input
      client.send(valid().subject("fine").build());
      assertThat(server.received())
          .contains("MAIL FROM:<alice@example.org>")
          .contains("Subject: fine");
    }
  }

  @Test
  void managedHeadersCannotBeSetAsCustomHeaders() {
    rejects(() -> valid().header("Bcc", "x@example.org"), "header name", "set by the builder");
    rejects(() -> valid().header("content-type", "text/html"), "header name", "set by the builder");
  }

  @Test
  void parsesAddressesWithDisplayNames() {
    assertThat(MailAddress.parse("\"Smith, Jo\" <jo@example.org>"))
        .isEqualTo(MailAddress.of("jo@example.org", "Smith, Jo"));
    assertThat(MailAddress.parse(" <jo@example.org> ")).isEqualTo(MailAddress.of("jo@example.org"));
    assertThat(MailAddress.parse("jo@example.org").isInternational()).isFalse();
    assertThat(MailAddress.parse("用户@例子.广告").isInternational()).isTrue();
  }

  @Test
  void generatesMessageIdAndDateAndKeepsThemInNewBuilder() {
    MailMessage m = valid().cc("c@example.org").bcc("bob@example.org", "d@example.org").build();
    assertThat(m.messageId()).endsWith("@example.org").doesNotContain("<");
    assertThat(m.date()).isBeforeOrEqualTo(Instant.now());
    MailMessage copy = m.newBuilder().subject("changed").build();
    assertThat(copy.messageId()).isEqualTo(m.messageId());
    assertThat(copy.date()).isEqualTo(m.date());
    assertThat(m.envelopeRecipients())
        .extracting(MailAddress::address)
        .containsExactly("bob@example.org", "c@example.org", "d@example.org");
    assertThatThrownBy(() -> MailMessage.builder().from("a@example.org").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("recipient");
  }

  @Test
  void detectsContentTypesAndChecksFiles() throws Exception {
    Path pdf = Files.writeString(dir.resolve("x.PDF"), "%PDF");
    assertThat(Attachment.of(pdf).contentType()).isEqualTo("application/pdf");
    assertThat(Attachment.of(Files.writeString(dir.resolve("x.unknownext"), "?")).contentType())
        .isEqualTo("application/octet-stream");
    assertThat(
            Attachment.of("a.csv", "text/csv", () -> new ByteArrayInputStream(new byte[0]))
                .isInline())
        .isFalse();
    rejects(() -> Attachment.of(dir.resolve("missing.txt")), "file", "missing.txt");
  }

  @Test
  void streamedAttachmentTypeIsDetectedFromItsNameLikeAFile() throws Exception {
    StreamSource empty = () -> new ByteArrayInputStream(new byte[0]);
    for (String name :
        List.of("report.PDF", "photo.jpeg", "data.csv", "page.htm", "x.unknownext", "noext")) {
      Path file = Files.writeString(dir.resolve(name), "?");
      assertThat(Attachment.of(name, empty).contentType())
          .as(name)
          .isEqualTo(Attachment.of(file).contentType());
    }
    assertThat(Attachment.of("report.PDF", empty).contentType()).isEqualTo("application/pdf");
    assertThat(Attachment.of("noext", empty).contentType()).isEqualTo("application/octet-stream");
    assertThat(Attachment.of("a.csv", empty).isInline()).isFalse();
    rejects(() -> Attachment.of("evil\r\n.pdf", empty), "fileName", "\\r\\n");
    rejects(() -> Attachment.of("", empty), "fileName", "");
  }
}
