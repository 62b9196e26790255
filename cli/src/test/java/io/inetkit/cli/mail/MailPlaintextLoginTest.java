package io.inetkit.cli.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.inetkit.cli.CliRun;
import io.inetkit.testkit.fault.FaultScript;
import io.inetkit.testkit.fault.FaultServer;
import io.inetkit.testkit.mail.MailProtocol;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --tls none} is the explicit opt-in to a password in clear text: it works, with a warning
 * on standard error, for SMTP, IMAP and POP3; a submission port that wants STARTTLS before AUTH is
 * a TLS failure (78) that says so, not an authentication failure (77).
 */
class MailPlaintextLoginTest {
  @RegisterExtension static final MailCliServer mail = new MailCliServer();
  @TempDir Path dir;

  private static final String WARNING = "--tls none: the password is sent in clear text";

  @Test
  void tlsNoneWithALoginWarnsOnStandardErrorEvenWhenQuiet() {
    CliRun cli = mail.cli(dir);
    assertThat(
            cli.run(
                "mail",
                "send",
                "--server",
                mail.url(MailProtocol.SMTP),
                "--tls",
                "none",
                "-q",
                "--from",
                "alice@example.org",
                "--to",
                "bob@example.org",
                "--text",
                "x"))
        .as(cli.err())
        .isZero();
    assertThat(cli.err()).contains(WARNING).doesNotContain(MailCliServer.PASSWORD);
    assertThat(cli.run("mail", "list", mail.url(MailProtocol.IMAP) + "/INBOX", "--tls", "none"))
        .isZero();
    assertThat(cli.err()).contains(WARNING);
    assertThat(cli.run("mail", "list", mail.url(MailProtocol.POP3), "--tls", "none")).isZero();
    assertThat(cli.err()).contains(WARNING);
  }

  @Test
  void tlsNoneWithoutALoginSendsWithoutAWarning() {
    CliRun cli = new CliRun(dir);
    String anonymous =
        "smtp://" + mail.server().host() + ":" + mail.server().port(MailProtocol.SMTP);
    assertThat(
            cli.run(
                "mail",
                "send",
                "--server",
                anonymous,
                "--tls",
                "none",
                "--from",
                "alice@example.org",
                "--to",
                "bob@example.org",
                "--text",
                "x"))
        .as(cli.err())
        .isZero();
    assertThat(cli.err()).doesNotContain(WARNING);
  }

  @Test
  void submissionPortThatWantsStartTlsBeforeAuthIs78WithTheHint() throws Exception {
    try (FaultServer server =
        FaultServer.start(
            FaultScript.create()
                .send("220 submission ESMTP\r\n")
                .respond(
                    l ->
                        l.startsWith("EHLO")
                            ? "250-submission\r\n250-PIPELINING\r\n250 STARTTLS\r\n"
                            : l.equals("QUIT") ? "221 bye\r\n" : "250 ok\r\n"))) {
      CliRun cli = mail.cli(dir);
      assertThat(
              cli.run(
                  "mail",
                  "send",
                  "--server",
                  "smtp://alice@" + server.host() + ":" + server.port(),
                  "--tls",
                  "none",
                  "--from",
                  "alice@example.org",
                  "--to",
                  "bob@example.org",
                  "--text",
                  "x"))
          .isEqualTo(78);
      assertThat(cli.err()).contains("takes logins only over TLS").contains("--tls none");
      assertThat(server.received()).doesNotContain("AUTH").doesNotContain("MAIL FROM");
    }
  }

  @Test
  void pop3ServerThatTakesLoginsOnlyOverTlsIs78WithTheHint() throws Exception {
    try (FaultServer server =
        FaultServer.start(
            FaultScript.create()
                .send("+OK Dovecot ready.\r\n")
                .respond(
                    l ->
                        l.startsWith("CAPA")
                            ? "+OK\r\nUIDL\r\nSTLS\r\nUSER\r\n.\r\n"
                            : l.startsWith("QUIT")
                                ? "+OK bye\r\n"
                                : "-ERR [AUTH] Plaintext authentication disallowed on non-secure (SSL/TLS) connections.\r\n"))) {
      CliRun cli = mail.cli(dir);
      assertThat(
              cli.run(
                  "mail",
                  "list",
                  "pop3://alice@" + server.host() + ":" + server.port(),
                  "--tls",
                  "none"))
          .isEqualTo(78);
      assertThat(cli.err()).contains("takes logins only over TLS").contains("--tls none");
      assertThat(server.received()).doesNotContain(MailCliServer.PASSWORD);
    }
  }
}
