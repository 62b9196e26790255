package io.inetkit.cli.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.inetkit.cli.CliRun;
import io.inetkit.testkit.mail.MailProtocol;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code -v} prints the IMAP and POP3 conversation, as for SMTP and FTP, never the password. */
class MailVerboseTraceTest {
  @RegisterExtension static final MailCliServer mail = new MailCliServer();
  @TempDir Path dir;

  @Test
  void imapAndPop3ConversationsAreTracedWithThePasswordRedacted() {
    mail.server().deliver("alice@example.org", MailReadCommandsTest.message("traced", "body"));
    CliRun cli = mail.cli(dir);
    assertThat(cli.run(mail.withCa("mail", "list", mail.url(MailProtocol.IMAPS) + "/INBOX", "-v")))
        .isZero();
    assertThat(cli.err())
        .containsPattern("> \\w+ LOGIN alice \\*\\*\\*")
        .containsPattern("> \\w+ SELECT INBOX")
        .containsPattern("< \\w+ OK")
        .doesNotContain(MailCliServer.PASSWORD);

    assertThat(cli.run(mail.withCa("mail", "read", mail.url(MailProtocol.POP3S) + "/1", "-v")))
        .isZero();
    assertThat(cli.err())
        .contains("> RETR 1")
        .containsPattern("< \\(message data: \\d+ lines\\)")
        .containsPattern("> (PASS|AUTH PLAIN) ")
        .doesNotContain(MailCliServer.PASSWORD);
  }
}
