package io.inetkit.testkit.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.inetkit.testkit.InetkitServers.Service;
import io.inetkit.testkit.junit.InetkitTest;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Sends hand-encoded MIME over real SMTP and checks what {@link ReceivedMail} decodes. */
@InetkitTest(services = Service.SMTP)
class ReceivedMailTest {
  private static final String GREETING = "Grüße aus Köln";
  private final MailServer server;

  ReceivedMailTest(MailServer server) {
    this.server = server;
  }

  private ReceivedMail send(String message) throws Exception {
    try (Socket s = new Socket(server.host(), server.smtpPort())) {
      s.setSoTimeout(5_000);
      BufferedReader in =
          new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
      OutputStream out = s.getOutputStream();
      assertThat(in.readLine()).startsWith("220");
      for (String command :
          new String[] {
            "HELO test", "MAIL FROM:<alice@example.org>", "RCPT TO:<bob@inetkit.test>", "DATA"
          }) {
        out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        assertThat(in.readLine()).matches("[23]\\d\\d.*");
      }
      out.write((message + "\r\n.\r\nQUIT\r\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
      assertThat(in.readLine()).startsWith("250");
    }
    return server.waitForMessages(1, Duration.ofSeconds(5)).get(0);
  }

  @Test
  void quotedPrintableTextIsDecodedWhileRawTextKeepsTheWireForm() throws Exception {
    ReceivedMail mail =
        send(
            String.join(
                "\r\n",
                "From: =?UTF-8?Q?J=C3=B6rg?= <joerg@example.org>",
                "To: bob@example.org",
                "Subject: =?UTF-8?Q?Gr=C3=BC=C3=9Fe?=",
                "X-Trace: one",
                "X-Trace: two",
                "MIME-Version: 1.0",
                "Content-Type: text/plain; charset=UTF-8",
                "Content-Transfer-Encoding: quoted-printable",
                "",
                "Gr=C3=BC=C3=9Fe aus K=C3=B6ln, mit einer sehr langen Zeile, die umbrochen wi=",
                "rd."));

    assertThat(mail.text())
        .isEqualTo(GREETING + ", mit einer sehr langen Zeile, die umbrochen wird.");
    assertThat(mail.rawText()).contains("Gr=C3=BC=C3=9Fe aus K=C3=B6ln").doesNotContain(GREETING);
    assertThat(mail.html()).isEmpty();
    assertThat(mail.attachments()).isEmpty();
    assertThat(mail.subject()).isEqualTo("Grüße");
    assertThat(mail.from()).isEqualTo("Jörg <joerg@example.org>");
    assertThat(mail.header("subject")).isEqualTo("Grüße");
    assertThat(mail.headers("X-Trace")).containsExactly("one", "two");
    assertThat(mail.header("X-Missing")).isEmpty();
    assertThat(mail.mimeMessage().getSubject()).isEqualTo("Grüße");
  }

  @Test
  void multipartGivesTextHtmlAndAttachmentsDecoded() throws Exception {
    byte[] pdf = {'%', 'P', 'D', 'F', 0, (byte) 0xFF, 1, 2};
    String html = "<p><b>" + GREETING + "</b></p>";
    ReceivedMail mail =
        send(
            String.join(
                "\r\n",
                "From: alice@example.org",
                "To: bob@example.org",
                "Subject: invoice",
                "MIME-Version: 1.0",
                "Content-Type: multipart/mixed; boundary=\"outer\"",
                "",
                "--outer",
                "Content-Type: multipart/alternative; boundary=\"inner\"",
                "",
                "--inner",
                "Content-Type: text/plain; charset=ISO-8859-1",
                "Content-Transfer-Encoding: quoted-printable",
                "",
                "Gr=FC=DFe aus K=F6ln",
                "--inner",
                "Content-Type: text/html; charset=UTF-8",
                "Content-Transfer-Encoding: base64",
                "",
                Base64.getEncoder().encodeToString(html.getBytes(StandardCharsets.UTF_8)),
                "--inner--",
                "--outer",
                "Content-Type: application/pdf; name=\"x.pdf\"",
                "Content-Disposition: attachment; filename*=UTF-8''Rechnung%20K%C3%B6ln.pdf",
                "Content-Transfer-Encoding: base64",
                "",
                Base64.getEncoder().encodeToString(pdf),
                "--outer",
                "Content-Type: text/csv; charset=UTF-8",
                "Content-Disposition: attachment; filename=\"=?UTF-8?Q?z=C3=A4hler.csv?=\"",
                "",
                "a;b",
                "--outer--"));

    assertThat(mail.text()).isEqualTo(GREETING);
    assertThat(mail.html()).isEqualTo(html);
    assertThat(mail.attachments())
        .containsExactly(
            new ReceivedMail.Attachment("Rechnung Köln.pdf", "application/pdf", pdf),
            new ReceivedMail.Attachment(
                "zähler.csv", "text/csv", "a;b".getBytes(StandardCharsets.UTF_8)));
    assertThat(mail.attachments().get(1).contentAsText()).isEqualTo("a;b");
  }

  @Test
  void attachmentBytesAreCopiesAndToStringHidesThem() {
    byte[] bytes = {1, 2, 3};
    ReceivedMail.Attachment a =
        new ReceivedMail.Attachment("a.bin", "application/octet-stream", bytes);
    bytes[0] = 9;
    a.content()[1] = 9;
    assertThat(a.content()).containsExactly(1, 2, 3);
    assertThat(a).hasToString("Attachment[a.bin, application/octet-stream, 3 bytes]");
  }
}
