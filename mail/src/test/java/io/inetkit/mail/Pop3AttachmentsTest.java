package io.inetkit.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.inetkit.mail.pop3.Pop3Message;
import io.inetkit.mail.pop3.Pop3Session;
import io.inetkit.testkit.mail.MailProtocol;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** POP3 saves attachments as IMAP does: decoded, sanitised names, nothing left behind. */
class Pop3AttachmentsTest {
  @RegisterExtension static final ReadServer mail = new ReadServer();
  @TempDir Path dir;

  @Test
  void attachmentsOfAPop3MessageAreSavedDecodedUnderSafeNames() throws Exception {
    byte[] content = new byte[100_000];
    new java.util.Random(7).nextBytes(content);
    mail.server()
        .deliver(
            ReadFixture.USER, ReadFixture.withAttachment("with file", "../../etc/passwd", content));
    mail.server().deliver(ReadFixture.USER, ReadFixture.message("plain", "no attachment"));
    Path target = dir.resolve("att");
    try (Pop3Session pop3 = ReadFixture.pop3(mail.server(), MailProtocol.POP3S).open()) {
      List<Pop3Message> messages = pop3.list();
      List<Path> saved = pop3.saveAttachments(messages.get(0).uidl(), target);
      assertThat(saved).containsExactly(target.resolve("passwd"));
      assertThat(Files.readAllBytes(saved.get(0))).isEqualTo(content);
      assertThat(pop3.saveAttachments(messages.get(0).uidl(), target))
          .containsExactly(target.resolve("passwd (2)"));
      assertThat(pop3.saveAttachments(messages.get(1).uidl(), target)).isEmpty();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      assertThat(files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("passwd", "passwd (2)"); // the downloaded message was removed
    }
  }

  @Test
  void aTextPartWithoutNameIsNoAttachment() throws Exception {
    mail.server()
        .deliver(
            ReadFixture.USER,
            ("Subject: t\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=B\r\n\r\n--B\r\n"
                    + "Content-Type: text/plain\r\n\r\nhello\r\n--B\r\nContent-Type: text/plain; name=\"notes.txt\"\r\n"
                    + "Content-Disposition: attachment\r\n\r\nnotes\r\n--B--\r\n")
                .getBytes(StandardCharsets.UTF_8));
    try (Pop3Session pop3 = ReadFixture.pop3(mail.server(), MailProtocol.POP3S).open()) {
      List<Path> saved = pop3.saveAttachments(pop3.list().get(0).uidl(), dir);
      assertThat(saved).containsExactly(dir.resolve("notes.txt"));
      assertThat(Files.readString(saved.get(0))).isEqualTo("notes");
    }
  }
}
