package io.inetkit.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inetkit.core.AuthenticationException;
import io.inetkit.core.Credentials;
import io.inetkit.core.EventListener;
import io.inetkit.core.InetkitException;
import io.inetkit.core.TlsMode;
import io.inetkit.it.LibraryMailJourney.Target;
import io.inetkit.it.realserver.RealMailCondition;
import io.inetkit.mail.AfterDownload;
import io.inetkit.mail.Maildir;
import io.inetkit.mail.OutgoingMessage;
import io.inetkit.mail.PreparedMessage;
import io.inetkit.mail.SyncResult;
import io.inetkit.mail.imap.ImapClient;
import io.inetkit.mail.imap.ImapSession;
import io.inetkit.mail.imap.SearchCriteria;
import io.inetkit.mail.pop3.Pop3Client;
import io.inetkit.mail.pop3.Pop3Session;
import io.inetkit.mail.smtp.AllRecipientsRejectedException;
import io.inetkit.mail.smtp.SendOutcome;
import io.inetkit.mail.smtp.SmtpClient;
import io.inetkit.mail.smtp.SmtpSession;
import io.inetkit.testkit.mail.Dovecot;
import io.inetkit.testkit.mail.MailUser;
import io.inetkit.testkit.mail.Postfix;
import io.inetkit.testkit.mail.RealMail;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The mail library against Debian's Postfix and Dovecot ({@link RealMail}): a message sent through
 * each Postfix service comes back as the same bytes over each Dovecot listener, with TLS 1.3 (the
 * JDK's choice, in this JVM) and TLS 1.2 (in a child JVM that disables 1.3); Maildir sync over IMAP
 * and POP3, again (nothing new), and with delete; submission refuses mail without AUTH and a wrong
 * password. Runs in the {@code real-servers} profile, as root; skipped with the reason otherwise.
 */
@Tag("real-server")
@ExtendWith(RealMailCondition.class)
class RealMailLibraryIT {
  private static final String TLS12_SUFFIX = "12";
  private static RealMail mail;
  private static Target target;
  @TempDir Path tmp;

  @BeforeAll
  static void start() throws Exception {
    List<String> logins = new ArrayList<>(List.of("alice", "isync", "psync", "batch"));
    for (PostfixRoute route : PostfixRoute.values()) {
      logins.add(route.recipient);
      logins.add(route.recipient + TLS12_SUFFIX);
    }
    mail = RealMail.start(logins);
    target = Target.of(mail, logins);
  }

  @AfterAll
  static void stop() throws Exception {
    if (mail != null) {
      mail.close();
    }
  }

  @ParameterizedTest
  @EnumSource(PostfixRoute.class)
  void aMessageSentThroughPostfixReadsBackAsTheSameBytesOverEveryDovecotListener(PostfixRoute route)
      throws Exception {
    List<String> tls = LibraryMailJourney.sendAndReadBack(target, route, route.recipient, tmp);
    assertThat(tls)
        .as("negotiated TLS versions (SMTP and four reads)")
        .hasSize(5)
        .containsOnly("TLSv1.3");
  }

  @Test
  void theSameJourneysWithTls12() throws Exception {
    Path targetFile = tmp.resolve("target.properties");
    target.write(targetFile);
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p =
        new ProcessBuilder(
                java.toString(),
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                LibraryMailJourney.class.getName(),
                "TLSv1.2",
                targetFile.toString(),
                tmp.toString(),
                TLS12_SUFFIX)
            .redirectErrorStream(true)
            .start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(p.exitValue()).as(output).isZero();
    assertThat(output).as(output).contains("OK [TLSv1.2").doesNotContain("TLSv1.3");
  }

  /** One sync run over a fresh session. */
  @FunctionalInterface
  interface SyncRun {
    SyncResult sync(Maildir maildir, AfterDownload after) throws Exception;
  }

  private Path send(PostfixRoute route, String to, String token) throws Exception {
    Path eml =
        RealMailMessages.write(tmp, "alice@" + MailUser.DOMAIN, to + "@" + MailUser.DOMAIN, token);
    LibraryMailJourney.send(target, route, eml, to, EventListener.NONE);
    return eml;
  }

  @Test
  void imapSyncCopiesThenFindsNothingNewThenDeletesOnTheServer() throws Exception {
    Path first = send(PostfixRoute.SUBMISSION_STARTTLS_AUTH, "isync", "isync-1");
    Path second = send(PostfixRoute.SMTPS, "isync", "isync-2");
    ImapClient client = target.imap("isync", Dovecot.Listener.IMAPS, EventListener.NONE);
    assertSyncJourney(
        mail.user("isync"),
        (maildir, after) -> {
          try (ImapSession session = client.open()) {
            return session.syncTo("INBOX", maildir, after);
          }
        },
        first,
        second);
    try (ImapSession session = client.open()) {
      assertThat(session.search("INBOX", SearchCriteria.all())).isEmpty();
    }
  }

  @Test
  void pop3SyncCopiesThenFindsNothingNewThenDeletesOnTheServer() throws Exception {
    Path first = send(PostfixRoute.SMTPS, "psync", "psync-1");
    Path second = send(PostfixRoute.SMTP_STARTTLS, "psync", "psync-2");
    Pop3Client client = target.pop3("psync", Dovecot.Listener.POP3, EventListener.NONE);
    assertSyncJourney(
        mail.user("psync"),
        (maildir, after) -> {
          try (Pop3Session session = client.open()) {
            return session.syncTo(maildir, after);
          }
        },
        first,
        second);
    try (Pop3Session session = client.open()) {
      assertThat(session.list()).isEmpty();
    }
  }

  /**
   * Sync (both messages copied, same bytes), sync again (nothing new, both counted as already
   * synced), sync with delete (nothing downloaded, both deleted, Dovecot's Maildir empty).
   */
  private void assertSyncJourney(MailUser to, SyncRun run, Path... sent) throws Exception {
    mail.awaitDelivered(to, sent.length);
    Maildir maildir = Maildir.open(tmp.resolve("maildir-" + to.login()));
    SyncResult first = run.sync(maildir, AfterDownload.KEEP_ON_SERVER);
    assertThat(first).isEqualTo(new SyncResult(sent.length, 0, 0, 0, sizes(maildir)));
    assertMaildirHolds(maildir, sent);
    assertThat(run.sync(maildir, AfterDownload.KEEP_ON_SERVER))
        .isEqualTo(new SyncResult(0, sent.length, 0, 0, 0));
    SyncResult deleting = run.sync(maildir, AfterDownload.DELETE_FROM_SERVER);
    assertThat(deleting.downloaded()).isZero();
    assertThat(deleting.deletedOnServer()).isEqualTo(sent.length);
    assertMaildirHolds(maildir, sent);
    assertThat(mail.messages(to)).as("left in Dovecot's Maildir").isEmpty();
  }

  @Test
  void aPipelinedBatchAndAPoolDeliverEveryAcceptedMessageOnceAndReportTheRefusedOne()
      throws Exception {
    String batch = "batch@" + MailUser.DOMAIN;
    List<OutgoingMessage> five = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      String to = i == 2 ? "nosuchuser@" + MailUser.DOMAIN : batch; // refused at RCPT TO
      five.add(
          PreparedMessage.of(RealMailMessages.write(tmp, "alice@" + MailUser.DOMAIN, to, "b" + i)));
    }
    SmtpClient mx =
        SmtpClient.builder()
            .endpoint("127.0.0.1", mail.port(Postfix.Listener.SMTP))
            .tlsMode(TlsMode.STARTTLS_REQUIRED)
            .trust(mail.trust())
            .build();
    List<SendOutcome> outcomes;
    try (SmtpSession session = mx.open()) {
      assertThat(session.capabilities().supports("PIPELINING")).isTrue();
      outcomes = session.sendAll(five);
    }
    assertThat(outcomes)
        .extracting(o -> o instanceof SendOutcome.Sent)
        .containsExactly(true, true, false, true, true);
    assertThat(((SendOutcome.Failed) outcomes.get(2)).error())
        .isInstanceOf(AllRecipientsRejectedException.class)
        .hasMessageContaining("550");

    List<OutgoingMessage> six = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      six.add(
          PreparedMessage.of(
              RealMailMessages.write(tmp, "alice@" + MailUser.DOMAIN, batch, "p" + i)));
    }
    assertThat(mx.sendAll(six, 3)).allMatch(o -> o instanceof SendOutcome.Sent);
    assertThat(mail.awaitDelivered(mail.user("batch"), 10)).hasSize(10);
  }

  @Test
  void submissionRefusesMailWithoutAuthentication() throws Exception {
    Path eml =
        RealMailMessages.write(
            tmp, "alice@" + MailUser.DOMAIN, "sub@" + MailUser.DOMAIN, "lib-noauth");
    SmtpClient anonymous =
        SmtpClient.builder()
            .endpoint("127.0.0.1", mail.port(Postfix.Listener.SUBMISSION))
            .tlsMode(TlsMode.STARTTLS_REQUIRED)
            .trust(mail.trust())
            .build();
    assertThatThrownBy(() -> anonymous.send(PreparedMessage.of(eml)))
        .isInstanceOf(InetkitException.class)
        .hasMessageContaining("554")
        .hasMessageContaining("Access denied")
        .hasMessageContaining("127.0.0.1:" + mail.port(Postfix.Listener.SUBMISSION));
  }

  @Test
  void submissionRefusesAWrongPasswordAsAnAuthenticationFailure() throws Exception {
    Path eml =
        RealMailMessages.write(
            tmp, "alice@" + MailUser.DOMAIN, "sub@" + MailUser.DOMAIN, "lib-badpw");
    SmtpClient wrong =
        SmtpClient.builder()
            .endpoint("127.0.0.1", mail.port(Postfix.Listener.SUBMISSION))
            .tlsMode(TlsMode.STARTTLS_REQUIRED)
            .trust(mail.trust())
            .credentials(Credentials.password("alice", "not-the-password".toCharArray()))
            .build();
    assertThatThrownBy(() -> wrong.send(PreparedMessage.of(eml)))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("535")
        .hasMessageNotContaining("not-the-password");
  }

  private static long sizes(Maildir maildir) throws Exception {
    long total = 0;
    for (Path p : maildir.messages()) {
      total += Files.size(p);
    }
    return total;
  }

  private static void assertMaildirHolds(Maildir maildir, Path... sent) throws Exception {
    List<Path> files = maildir.messages();
    assertThat(files).hasSize(sent.length);
    for (Path eml : sent) {
      RealMailMessages.assertSameBytes(
          RealMailMessages.copyOf(files, eml), eml, "Maildir copy of " + eml);
    }
  }
}
