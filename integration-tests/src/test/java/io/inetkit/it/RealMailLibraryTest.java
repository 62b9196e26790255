package io.inetkit.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.inetkit.core.AuthenticationException;
import io.inetkit.core.Credentials;
import io.inetkit.core.Endpoint;
import io.inetkit.core.EventListener;
import io.inetkit.core.InetkitException;
import io.inetkit.core.TlsMode;
import io.inetkit.it.realserver.Dovecot;
import io.inetkit.it.realserver.MailUser;
import io.inetkit.it.realserver.Postfix;
import io.inetkit.it.realserver.RealMail;
import io.inetkit.mail.AfterDownload;
import io.inetkit.mail.ImapClient;
import io.inetkit.mail.ImapSession;
import io.inetkit.mail.Maildir;
import io.inetkit.mail.MessageRef;
import io.inetkit.mail.Pop3Client;
import io.inetkit.mail.Pop3Message;
import io.inetkit.mail.Pop3Session;
import io.inetkit.mail.PreparedMessage;
import io.inetkit.mail.SearchCriteria;
import io.inetkit.mail.SendReceipt;
import io.inetkit.mail.SmtpClient;
import io.inetkit.mail.SyncResult;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The mail library against Debian's Postfix and Dovecot ({@link RealMail}): a message sent
 * through each Postfix service comes back as the same bytes over each Dovecot listener; Maildir
 * sync over IMAP and POP3, again (nothing new), and with delete; submission refuses mail without
 * AUTH. The JDK negotiates TLS 1.3 here; {@link RealMailCliTest} also runs TLS 1.2. Runs in the
 * {@code real-servers} profile, as root; skipped with the reason otherwise.
 */
@Tag("real-server")
class RealMailLibraryTest {
  private static RealMail mail;
  @TempDir Path tmp;

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(RealMail.unavailable().isEmpty(), () -> RealMail.unavailable().orElseThrow());
    mail = RealMail.start(List.of("alice", "mx", "smtps", "sub", "isync", "psync"));
  }

  @AfterAll
  static void stop() throws Exception {
    if (mail != null) {
      mail.close();
    }
  }

  /** Records the TLS versions negotiated. */
  static final class TlsVersions extends EventListener {
    final List<String> protocols = new CopyOnWriteArrayList<>();

    @Override
    public void tlsEnd(Endpoint endpoint, String protocol, String cipherSuite) {
      protocols.add(protocol);
    }
  }

  private static SmtpClient smtp(PostfixRoute route, EventListener events) {
    SmtpClient.Builder b = SmtpClient.builder().endpoint("127.0.0.1", mail.port(route.listener))
        .tlsMode(route.tls).trust(mail.trust()).events(events);
    if (route.login) {
      b.credentials(login(mail.user("alice")));
    }
    return b.build();
  }

  private static Credentials login(MailUser user) {
    return Credentials.password(user.login(), user.password().toCharArray());
  }

  private static ImapClient imap(MailUser user, Dovecot.Listener listener, EventListener events) {
    return ImapClient.builder().endpoint("127.0.0.1", mail.port(listener))
        .tlsMode(listener == Dovecot.Listener.IMAPS ? TlsMode.IMPLICIT : TlsMode.STARTTLS_REQUIRED)
        .trust(mail.trust()).credentials(login(user)).events(events).build();
  }

  private static Pop3Client pop3(MailUser user, Dovecot.Listener listener, EventListener events) {
    return Pop3Client.builder().endpoint("127.0.0.1", mail.port(listener))
        .tlsMode(listener == Dovecot.Listener.POP3S ? TlsMode.IMPLICIT : TlsMode.STARTTLS_REQUIRED)
        .trust(mail.trust()).credentials(login(user)).events(events).build();
  }

  private Path send(PostfixRoute route, MailUser to, String token, TlsVersions tls) throws Exception {
    Path eml = RealMailMessages.write(tmp, mail.user("alice"), to, token);
    SendReceipt receipt = smtp(route, tls).send(PreparedMessage.of(eml));
    assertThat(receipt.accepted()).extracting(r -> r.recipient().address()).containsExactly(to.address());
    assertThat(receipt.finalReply().code()).isEqualTo(250);
    return eml;
  }

  @ParameterizedTest
  @EnumSource(PostfixRoute.class)
  void aMessageSentThroughPostfixReadsBackAsTheSameBytesOverEveryDovecotListener(PostfixRoute route) throws Exception {
    MailUser to = mail.user(route.recipient);
    TlsVersions tls = new TlsVersions();
    Path eml = send(route, to, "lib-" + route.name().toLowerCase(java.util.Locale.ROOT), tls);
    mail.awaitDelivered(to, 1);

    for (Dovecot.Listener listener : List.of(Dovecot.Listener.IMAP, Dovecot.Listener.IMAPS)) {
      try (ImapSession session = imap(to, listener, tls).open()) {
        List<MessageRef> refs = session.search("INBOX", SearchCriteria.all());
        assertThat(refs).as(listener.name()).hasSize(1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        session.download(refs.get(0), out);
        RealMailMessages.assertSameBytes(out.toByteArray(), eml, route + " -> " + listener);
      }
    }
    for (Dovecot.Listener listener : List.of(Dovecot.Listener.POP3, Dovecot.Listener.POP3S)) {
      try (Pop3Session session = pop3(to, listener, tls).open()) {
        List<Pop3Message> messages = session.list();
        assertThat(messages).as(listener.name()).hasSize(1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        session.download(messages.get(0).uidl(), out);
        RealMailMessages.assertSameBytes(out.toByteArray(), eml, route + " -> " + listener);
      }
    }
    // one SMTP handshake (none for plain SMTP without STARTTLS is allowed: every route uses TLS)
    assertThat(tls.protocols).as("negotiated TLS versions").hasSize(5).containsOnly("TLSv1.3");
  }

  /** One sync run over a fresh session. */
  @FunctionalInterface
  interface SyncRun {
    SyncResult sync(Maildir maildir, AfterDownload after) throws Exception;
  }

  @Test
  void imapSyncCopiesThenFindsNothingNewThenDeletesOnTheServer() throws Exception {
    MailUser to = mail.user("isync");
    Path first = send(PostfixRoute.SUBMISSION_STARTTLS_AUTH, to, "isync-1", new TlsVersions());
    Path second = send(PostfixRoute.SUBMISSION_STARTTLS_AUTH, to, "isync-2", new TlsVersions());
    ImapClient client = imap(to, Dovecot.Listener.IMAPS, EventListener.NONE);
    // IMAP asks only for UIDs above the last one synced: the second run skips nothing it counts
    assertSyncJourney(to, 0, (maildir, after) -> {
      try (ImapSession session = client.open()) {
        return session.syncTo("INBOX", maildir, after);
      }
    }, first, second);
    try (ImapSession session = client.open()) {
      assertThat(session.search("INBOX", SearchCriteria.all())).isEmpty();
    }
  }

  @Test
  void pop3SyncCopiesThenFindsNothingNewThenDeletesOnTheServer() throws Exception {
    MailUser to = mail.user("psync");
    Path first = send(PostfixRoute.SMTPS, to, "psync-1", new TlsVersions());
    Path second = send(PostfixRoute.SMTP_STARTTLS, to, "psync-2", new TlsVersions());
    Pop3Client client = pop3(to, Dovecot.Listener.POP3, EventListener.NONE);
    assertSyncJourney(to, 2, (maildir, after) -> {
      try (Pop3Session session = client.open()) {
        return session.syncTo(maildir, after);
      }
    }, first, second);
    try (Pop3Session session = client.open()) {
      assertThat(session.list()).isEmpty();
    }
  }

  /**
   * Sync (both messages copied, same bytes), sync again (nothing new; {@code skipped} counted as
   * already synced), sync with delete (nothing downloaded, both deleted, Dovecot's Maildir empty).
   */
  private void assertSyncJourney(MailUser to, int skipped, SyncRun run, Path... sent) throws Exception {
    mail.awaitDelivered(to, sent.length);
    Maildir maildir = Maildir.open(tmp.resolve("maildir-" + to.login()));
    SyncResult first = run.sync(maildir, AfterDownload.KEEP_ON_SERVER);
    assertThat(first).isEqualTo(new SyncResult(sent.length, 0, 0, 0, sizes(maildir)));
    assertMaildirHolds(maildir, sent);
    assertThat(run.sync(maildir, AfterDownload.KEEP_ON_SERVER)).isEqualTo(new SyncResult(0, skipped, 0, 0, 0));
    SyncResult deleting = run.sync(maildir, AfterDownload.DELETE_FROM_SERVER);
    assertThat(deleting.downloaded()).isZero();
    assertThat(deleting.deletedOnServer()).isEqualTo(sent.length);
    assertMaildirHolds(maildir, sent);
    assertThat(mail.messages(to)).as("left in Dovecot's Maildir").isEmpty();
  }

  @Test
  void submissionRefusesMailWithoutAuthentication() throws Exception {
    MailUser to = mail.user("sub");
    Path eml = RealMailMessages.write(tmp, mail.user("alice"), to, "lib-noauth");
    SmtpClient anonymous = SmtpClient.builder().endpoint("127.0.0.1", mail.port(Postfix.Listener.SUBMISSION))
        .tlsMode(TlsMode.STARTTLS_REQUIRED).trust(mail.trust()).build();
    assertThatThrownBy(() -> anonymous.send(PreparedMessage.of(eml)))
        .isInstanceOf(InetkitException.class)
        .hasMessageContaining("554")
        .hasMessageContaining("127.0.0.1:" + mail.port(Postfix.Listener.SUBMISSION));
  }

  @Test
  void submissionRefusesAWrongPasswordAsAnAuthenticationFailure() throws Exception {
    MailUser to = mail.user("sub");
    Path eml = RealMailMessages.write(tmp, mail.user("alice"), to, "lib-badpw");
    SmtpClient wrong = SmtpClient.builder().endpoint("127.0.0.1", mail.port(Postfix.Listener.SUBMISSION))
        .tlsMode(TlsMode.STARTTLS_REQUIRED).trust(mail.trust())
        .credentials(Credentials.password("alice", "not-the-password".toCharArray())).build();
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
      String token = eml.getFileName().toString().replace(".eml", "");
      Path copy = files.stream().filter(f -> contains(f, token)).findFirst().orElseThrow(
          () -> new AssertionError("no Maildir file holds " + token + ": " + files));
      RealMailMessages.assertSameBytes(Files.readAllBytes(copy), eml, "Maildir copy of " + token);
    }
  }

  private static boolean contains(Path file, String token) {
    try {
      return Files.readString(file, java.nio.charset.StandardCharsets.UTF_8).contains("<" + token + "@");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
