package io.inetkit.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.inetkit.it.realserver.RealMailCondition;
import io.inetkit.testkit.mail.Dovecot;
import io.inetkit.testkit.mail.MailUser;
import io.inetkit.testkit.mail.Postfix;
import io.inetkit.testkit.mail.RealMail;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mail defects issue 15 found against Debian's Dovecot and Postfix, each as the user met it,
 * through the packaged jar: IMAP sync against a server that allows one session per user+IP ({@code
 * mail_max_userip_connections = 1}) and a private Maildir without stale partial files (defects 7
 * and 3), {@code -v} showing the IMAP and POP3 conversation without the password (4), a
 * password-protected PKCS#12 trust store (6), folders and {@code move --create} (8), and the small
 * ones (11): the {@code --json} Message-ID of a prepared file, {@code --tls none} to a submission
 * port, attachments over POP3. Runs in the {@code real-servers} profile, as root.
 */
@Tag("real-server")
@ExtendWith(RealMailCondition.class)
class RealMailDefectsCliIT {
  private static RealMail mail;
  @TempDir Path home;

  @BeforeAll
  static void start() throws Exception {
    mail =
        RealMail.start(
            List.of("alice", "single", "trace", "p12", "folders", "json", "attach"),
            List.of("mail_max_userip_connections = 1"));
  }

  @AfterAll
  static void stop() throws Exception {
    if (mail != null) {
      mail.close();
    }
  }

  private CliJar as(MailUser user) {
    return new CliJar(home).env("INETKIT_PASSWORD", user.password());
  }

  private String ca() {
    return mail.caPem().toString();
  }

  private static String imaps(MailUser user, String path) {
    return "imaps://" + user.login() + "@127.0.0.1:" + mail.port(Dovecot.Listener.IMAPS) + path;
  }

  private static String pop3s(MailUser user, String path) {
    return "pop3s://" + user.login() + "@127.0.0.1:" + mail.port(Dovecot.Listener.POP3S) + path;
  }

  /**
   * Sends the journey message for {@code token} to {@code to} through submission and waits for it.
   */
  private Path send(MailUser to, String token, int expectedInMailbox) throws Exception {
    Path eml = RealMailMessages.write(home, mail.user("alice").address(), to.address(), token);
    CliJar.Result sent =
        as(mail.user("alice"))
            .run(
                "mail",
                "send",
                "--server",
                "smtp://alice@127.0.0.1:" + mail.port(Postfix.Listener.SUBMISSION),
                "--cacert",
                ca(),
                "--eml",
                eml.toString());
    assertThat(sent.code()).as(sent.err()).isZero();
    mail.awaitDelivered(to, expectedInMailbox);
    return eml;
  }

  @Test
  void imapSyncNeedsOneSessionAndKeepsTheMaildirPrivateAndClean() throws Exception {
    MailUser user = mail.user("single");
    send(user, "single-1", 1);
    send(user, "single-2", 2);
    Path maildir = home.resolve("Mail");
    CliJar.Result first =
        as(user)
            .run(
                "mail",
                "sync",
                imaps(user, "/INBOX"),
                "--cacert",
                ca(),
                "--maildir",
                maildir.toString(),
                "--json");
    assertThat(first.code()).as(first.err()).isZero();
    assertThat(Json.object(first.out())).containsEntry("downloaded", 2L);
    for (String folder : List.of("", "new", "cur", "tmp")) {
      assertThat(
              PosixFilePermissions.toString(Files.getPosixFilePermissions(maildir.resolve(folder))))
          .as("mode of Maildir/" + folder)
          .isEqualTo("rwx------");
    }
    try (Stream<Path> files = Files.list(maildir.resolve("new"))) {
      for (Path f : files.toList()) {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f)))
            .as("mode of " + f)
            .isEqualTo("rw-------");
      }
    }

    Path stale =
        Files.writeString(maildir.resolve("tmp").resolve("1700000000.P1.oldhost"), "partial");
    Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(Duration.ofDays(3))));
    send(user, "single-3", 3);
    CliJar.Result again =
        as(user)
            .run(
                "mail",
                "sync",
                imaps(user, "/INBOX"),
                "--cacert",
                ca(),
                "--maildir",
                maildir.toString(),
                "--json");
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(Json.object(again.out())).containsEntry("downloaded", 1L);
    assertThat(stale).as("a partial file a killed sync left days ago").doesNotExist();
  }

  @Test
  void verboseShowsTheImapAndPop3ConversationButNeverThePassword() throws Exception {
    MailUser user = mail.user("trace");
    send(user, "trace-1", 1);
    String saslPlain =
        Base64.getEncoder()
            .encodeToString(
                ("\0" + user.login() + "\0" + user.password()).getBytes(StandardCharsets.UTF_8));
    CliJar.Result imap =
        as(user)
            .run(
                "mail",
                "read",
                imaps(user, "/INBOX;UID=1"),
                "--cacert",
                ca(),
                "-o",
                home.resolve("imap.eml").toString(),
                "-v");
    assertThat(imap.code()).as(imap.err()).isZero();
    assertThat(imap.err())
        .contains("FETCH")
        .doesNotContain(user.password())
        .doesNotContain(saslPlain);
    CliJar.Result pop3 =
        as(user)
            .run(
                "mail",
                "read",
                pop3s(user, "/1"),
                "--cacert",
                ca(),
                "-o",
                home.resolve("pop3.eml").toString(),
                "-v");
    assertThat(pop3.code()).as(pop3.err()).isZero();
    assertThat(pop3.err())
        .contains("RETR")
        .doesNotContain(user.password())
        .doesNotContain(saslPlain);
  }

  @Test
  void aPasswordProtectedPkcs12TrustStoreIsReadWithItsPasswordFromTheEnvironment()
      throws Exception {
    MailUser user = mail.user("p12");
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    try (var in = Files.newInputStream(mail.caPem())) {
      store.setCertificateEntry(
          "run-ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    Path p12 = home.resolve("truststore.p12");
    try (OutputStream out = Files.newOutputStream(p12)) {
      store.store(out, "changeit".toCharArray());
    }
    CliJar.Result listed =
        as(user)
            .env("TRUSTSTORE_PASSWORD", "changeit")
            .run(
                "mail",
                "list",
                imaps(user, "/INBOX"),
                "--cacert",
                p12.toString(),
                "--cacert-password-env",
                "TRUSTSTORE_PASSWORD");
    assertThat(listed.code()).as(listed.err()).isZero();
  }

  @Test
  void foldersAreManagedAndMoveCreatesAMissingTargetWhenAsked() throws Exception {
    MailUser user = mail.user("folders");
    send(user, "folders-1", 1);
    send(user, "folders-2", 2);
    CliJar.Result created =
        as(user).run("mail", "folders", "create", imaps(user, "/Archive"), "--cacert", ca());
    assertThat(created.code()).as(created.err()).isZero();
    CliJar.Result moved =
        as(user)
            .run("mail", "move", imaps(user, "/INBOX;UID=1"), "--to", "Archive", "--cacert", ca());
    assertThat(moved.code()).as(moved.err()).isZero();
    CliJar.Result missing =
        as(user)
            .run("mail", "move", imaps(user, "/INBOX;UID=2"), "--to", "Later", "--cacert", ca());
    assertThat(missing.code()).as(missing.err()).isEqualTo(76);
    assertThat(missing.err()).contains("TRYCREATE").contains("--create");
    CliJar.Result create =
        as(user)
            .run(
                "mail",
                "move",
                imaps(user, "/INBOX;UID=2"),
                "--to",
                "Later",
                "--create",
                "--cacert",
                ca());
    assertThat(create.code()).as(create.err()).isZero();
    CliJar.Result list = as(user).run("mail", "folders", "list", imaps(user, ""), "--cacert", ca());
    assertThat(list.code()).as(list.err()).isZero();
    assertThat(list.out()).contains("Archive").contains("Later");
  }

  @Test
  void sendJsonReportsThePreparedFilesMessageIdAndSubmissionWithoutTlsSaysTlsIsNeeded()
      throws Exception {
    MailUser to = mail.user("json");
    Path eml = RealMailMessages.write(home, mail.user("alice").address(), to.address(), "json-1");
    CliJar.Result sent =
        as(mail.user("alice"))
            .run(
                "mail",
                "send",
                "--server",
                "smtps://alice@127.0.0.1:" + mail.port(Postfix.Listener.SMTPS),
                "--cacert",
                ca(),
                "--eml",
                eml.toString(),
                "--json");
    assertThat(sent.code()).as(sent.err()).isZero();
    assertThat(Json.object(sent.out())).containsEntry("messageId", "<json-1@inetkit.test>");

    CliJar.Result plain =
        as(mail.user("alice"))
            .run(
                "mail",
                "send",
                "--server",
                "smtp://alice@127.0.0.1:" + mail.port(Postfix.Listener.SUBMISSION),
                "--tls",
                "none",
                "--eml",
                eml.toString());
    assertThat(plain.code()).as(plain.err()).isEqualTo(78);
    assertThat(plain.err()).contains("STARTTLS").doesNotContain(mail.user("alice").password());
  }

  @Test
  void pop3ReadSavesTheAttachments() throws Exception {
    MailUser user = mail.user("attach");
    send(user, "attach-1", 1);
    Path dir = home.resolve("att");
    CliJar.Result read =
        as(user)
            .run(
                "mail",
                "read",
                pop3s(user, "/1"),
                "--cacert",
                ca(),
                "-o",
                home.resolve("m.eml").toString(),
                "--attachments",
                dir.toString());
    assertThat(read.code()).as(read.err()).isZero();
    assertThat(Files.readAllBytes(dir.resolve("data.bin")))
        .isEqualTo(RealMailMessages.attachment("attach-1"));
  }
}
