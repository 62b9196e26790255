package io.inetkit.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.inetkit.mail.Attachment;
import io.inetkit.mail.MailMessage;
import jakarta.activation.DataHandler;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** inetkit's writer must produce exactly what Jakarta Mail's own {@code writeTo} does. */
class MimeWriterTest {

  static Stream<MailMessage> messages() {
    byte[] png = new byte[3000];
    for (int i = 0; i < png.length; i++) {
      png[i] = (byte) (i * 31);
    }
    return Stream.of(
        base().text("plain ascii\n.dot line\n").build(),
        base().text("Grüße, " + "x".repeat(1200) + "\n").build(),
        base().html("<p>only html</p>").build(),
        base().text("text part").html("<p>html part</p>").build(),
        base()
            .text("with files")
            .html("<img src=\"cid:logo\">")
            .attach(
                Attachment.inline(
                    "logo.png", "image/png", () -> new ByteArrayInputStream(png), "logo"))
            .attach(
                Attachment.of(
                    "report.bin", "application/octet-stream", () -> new ByteArrayInputStream(png)))
            .build(),
        MailMessage.builder()
            .from("jörg@bücher.example")
            .to("bob@example.org")
            .subject("utf8")
            .text("Hallo")
            .build());
  }

  private static MailMessage.Builder base() {
    return MailMessage.builder()
        .from("Alice Ärger <alice@example.org>")
        .to("bob@example.org")
        .cc("carol@example.org")
        .subject("Grüße ✓")
        .header("X-Campaign", "q3");
  }

  @ParameterizedTest
  @MethodSource("messages")
  void writesWhatJakartaMailWrites(MailMessage message) throws Exception {
    MimeMessage composed = MimeComposer.compose(message);
    ByteArrayOutputStream jakarta = new ByteArrayOutputStream();
    composed.writeTo(jakarta);
    ByteArrayOutputStream ours = new ByteArrayOutputStream();
    boolean utf8 = MimeComposer.needsUtf8(message);
    new MimeWriter(composed.getSession().getStreamProvider(), utf8).write(composed, ours);

    assertThat(ours.toString(StandardCharsets.UTF_8))
        .isEqualTo(jakarta.toString(StandardCharsets.UTF_8));
    assertThat(ours.toByteArray()).isEqualTo(jakarta.toByteArray());
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {"", "ascii\tonly\r\nlines", "ü", "bell\u0007", "del\u007f", "line\rcr", "x\n."})
  void sevenBitIsWhatJakartaMailWouldChoose(String text) throws Exception {
    for (String t : List.of(text, text + "y".repeat(998), "y".repeat(997) + "\n" + text)) {
      String jakarta = MimeUtility.getEncoding(new DataHandler(t, "text/plain; charset=UTF-8"));
      assertThat(MimeComposer.isSevenBit(t)).as(jakarta).isEqualTo("7bit".equals(jakarta));
    }
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {"", "ascii\r\n", "Grüße ✓ 用户", "lone surrogate \ud800 here", "<p>html</p>"})
  void utf8TextHandlerWritesWhatJakartasTextHandlerWrites(String text) throws Exception {
    for (String type : List.of("text/plain; charset=UTF-8", "text/html; charset=UTF-8")) {
      ByteArrayOutputStream jakarta = new ByteArrayOutputStream();
      new DataHandler(text, type).writeTo(jakarta);
      ByteArrayOutputStream ours = new ByteArrayOutputStream();
      new Utf8TextHandler(text, type).writeTo(ours);
      assertThat(ours.toByteArray()).as(type).isEqualTo(jakarta.toByteArray());
      assertThat(new Utf8TextHandler(text, type).getContent()).isEqualTo(text);
    }
  }
}
