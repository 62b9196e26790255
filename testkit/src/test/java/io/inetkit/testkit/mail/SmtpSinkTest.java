package io.inetkit.testkit.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The SMTP sink, driven by a plain Jakarta Mail client. */
class SmtpSinkTest {

  private static void send(SmtpSink sink, String subject, String... to) throws MessagingException {
    Properties p = new Properties();
    p.put("mail.smtp.host", sink.host());
    p.put("mail.smtp.port", Integer.toString(sink.port()));
    p.put("mail.smtp.timeout", "5000");
    p.put("mail.smtp.sendpartial", "true");
    Session session = Session.getInstance(p);
    MimeMessage m = new MimeMessage(session);
    m.setFrom(new InternetAddress("alice@example.org"));
    for (String r : to) {
      m.addRecipient(Message.RecipientType.TO, new InternetAddress(r));
    }
    m.setSubject(subject);
    m.setText("line\r\n.leading dot\r\n");
    Transport.send(m);
  }

  @Test
  void countsDataAndRecordsCommandsAndExtensions() throws Exception {
    try (SmtpSink sink = SmtpSink.builder().extensions("SIZE 5000", "8BITMIME").start()) {
      send(sink, "one", "bob@example.org");
      SmtpSink.Message m = sink.waitForMessages(1, Duration.ofSeconds(5)).get(0);
      assertThat(m.mailFrom()).startsWith("MAIL FROM:<alice@example.org>");
      assertThat(m.rcptTo()).containsExactly("RCPT TO:<bob@example.org>");
      assertThat(m.text())
          .contains("Subject: one")
          .contains("\r\n..leading dot\r\n")
          .endsWith("\r\n");
      assertThat(m.size()).isEqualTo(m.head().length);
      assertThat(sink.commands()).first().asString().startsWith("EHLO ");
    }
  }

  @Test
  void refusesChosenRecipients() throws Exception {
    try (SmtpSink sink =
        SmtpSink.builder()
            .rejectRecipient("nobody@example.org", "550 5.1.1 no such user")
            .start()) {
      assertThatThrownBy(() -> send(sink, "partial", "bob@example.org", "nobody@example.org"))
          .isInstanceOf(SendFailedException.class);
      assertThat(sink.waitForMessages(1, Duration.ofSeconds(5)).get(0).rcptTo())
          .containsExactly("RCPT TO:<bob@example.org>");
    }
  }

  @Test
  void interruptsTheFirstConnectionAfterSomeMessages() throws Exception {
    try (SmtpSink sink = SmtpSink.builder().interruptAfter(0, "421 4.3.2 shutting down").start()) {
      assertThatThrownBy(() -> send(sink, "first", "bob@example.org"))
          .isInstanceOf(MessagingException.class);
      assertThat(sink.messages()).isEmpty();
      send(sink, "second", "bob@example.org"); // the second connection works
      assertThat(sink.connections()).isEqualTo(2);
      assertThat(sink.messages())
          .extracting(SmtpSink.Message::text)
          .singleElement()
          .asString()
          .contains("Subject: second");
    }
  }

  @Test
  void refusalsThatWouldBreakTheReplyFramingAreRejected() {
    assertThatThrownBy(() -> SmtpSink.builder().rejectSender("a@example.org", "550 no\r\n250 ok"))
        .isInstanceOf(io.inetkit.core.InvalidInputException.class)
        .hasMessageContaining("reply");
    assertThatThrownBy(() -> SmtpSink.builder().rejectRecipient("b@example.org\n", "550 no"))
        .isInstanceOf(io.inetkit.core.InvalidInputException.class)
        .hasMessageContaining("address");
    assertThatThrownBy(() -> SmtpSink.builder().rejectRecipient("b@example.org", null))
        .isInstanceOf(io.inetkit.core.InvalidInputException.class);
  }
}
