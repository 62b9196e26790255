package io.inetkit.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.inetkit.it.realserver.RealMailCondition;
import io.inetkit.testkit.mail.Dovecot;
import io.inetkit.testkit.mail.MailUser;
import io.inetkit.testkit.mail.Postfix;
import io.inetkit.testkit.mail.RealMail;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Security;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code inetkit mail send|list|read|sync} from the packaged jar against Debian's Postfix and
 * Dovecot ({@link RealMail}), the way users run it: send through each Postfix service with TLS 1.2
 * and with TLS 1.3 and read the same bytes back over IMAP (STARTTLS), IMAPS, POP3 (STLS) and POP3S
 * (each listener with each TLS version); sync to a Maildir over IMAP and POP3, sync again (nothing
 * new), sync with delete; submission without AUTH or with a wrong password. The TLS version is
 * pinned per child JVM with {@code JAVA_TOOL_OPTIONS=-Djava.security.properties=FILE} that disables
 * the other version. Runs in the {@code real-servers} profile, as root; skipped with the reason
 * otherwise.
 */
@Tag("real-server")
@ExtendWith(RealMailCondition.class)
class RealMailCliIT {
  private static final List<String> TLS_VERSIONS = List.of("TLSv1.2", "TLSv1.3");
  private static RealMail mail;
  @TempDir Path home;

  @BeforeAll
  static void start() throws Exception {
    List<String> logins = new ArrayList<>(List.of("alice", "isync", "psync", "submit"));
    for (PostfixRoute route : PostfixRoute.values()) {
      for (String version : TLS_VERSIONS) {
        logins.add(recipient(route, version));
      }
    }
    mail = RealMail.start(logins);
  }

  @AfterAll
  static void stop() throws Exception {
    if (mail != null) {
      mail.close();
    }
  }

  private static String server(PostfixRoute route) {
    return route.server(mail.port(route.listener));
  }

  private static String recipient(PostfixRoute route, String tlsVersion) {
    return route.recipient + tlsVersion.replace("TLSv1.", "v");
  }

  static Stream<Arguments> routesAndVersions() {
    return Stream.of(PostfixRoute.values())
        .flatMap(r -> TLS_VERSIONS.stream().map(v -> Arguments.of(r, v)));
  }

  /**
   * A CLI child whose JDK can only negotiate {@code tlsVersion}, logged in with {@code user}'s
   * password.
   */
  private CliJar cli(MailUser user, String tlsVersion) throws Exception {
    String other = tlsVersion.equals("TLSv1.2") ? "TLSv1.3" : "TLSv1.2";
    Path security = home.resolve("only-" + tlsVersion + ".security");
    Files.writeString(
        security,
        "jdk.tls.disabledAlgorithms="
            + other
            + ", "
            + Security.getProperty("jdk.tls.disabledAlgorithms").replace("\\", "\\\\")
            + "\n");
    return new CliJar(home)
        .env("INETKIT_PASSWORD", user.password())
        .env("JAVA_TOOL_OPTIONS", "-Djava.security.properties=" + security);
  }

  private String ca() {
    return mail.caPem().toString();
  }

  private static String url(String scheme, Dovecot.Listener listener, MailUser user, String path) {
    return scheme + "://" + user.login() + "@127.0.0.1:" + mail.port(listener) + path;
  }

  private Path send(PostfixRoute route, MailUser to, String token, String tlsVersion)
      throws Exception {
    Path eml = RealMailMessages.write(home, mail.user("alice").address(), to.address(), token);
    CliJar.Result sent =
        cli(mail.user("alice"), tlsVersion)
            .run(
                "mail",
                "send",
                "--server",
                server(route),
                "--cacert",
                ca(),
                "--eml",
                eml.toString(),
                "--json",
                "-v",
                "--timeout",
                "20s");
    assertThat(sent.code()).as(sent.err()).isZero();
    assertThat(Json.object(sent.out())).containsEntry("accepted", List.of(to.address()));
    assertThat(sent.err()).as("negotiated TLS").contains(": " + tlsVersion + " TLS_");
    return eml;
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("routesAndVersions")
  void sendThroughPostfixThenReadTheSameBytesOverEveryDovecotListener(
      PostfixRoute route, String tlsVersion) throws Exception {
    MailUser to = mail.user(recipient(route, tlsVersion));
    Path eml = send(route, to, "cli-" + to.login(), tlsVersion);
    mail.awaitDelivered(to, 1);

    Map<String, String> all =
        Map.of(
            "IMAP+STARTTLS", url("imap", Dovecot.Listener.IMAP, to, "/INBOX;UID=1"),
            "IMAPS", url("imaps", Dovecot.Listener.IMAPS, to, "/INBOX;UID=1"),
            "POP3+STLS", url("pop3", Dovecot.Listener.POP3, to, "/1"),
            "POP3S", url("pop3s", Dovecot.Listener.POP3S, to, "/1"));
    // Every read listener with every TLS version, without reading each message four times (each
    // read is a child JVM): submission's message over all four, the others over two each.
    Map<String, String> reads = new java.util.TreeMap<>(all);
    if (route == PostfixRoute.SMTP_STARTTLS) {
      reads.keySet().retainAll(List.of("IMAP+STARTTLS", "POP3S"));
    } else if (route == PostfixRoute.SMTPS) {
      reads.keySet().retainAll(List.of("IMAPS", "POP3+STLS"));
    }
    for (Map.Entry<String, String> read : reads.entrySet()) {
      Path out = home.resolve(read.getKey() + ".eml");
      CliJar.Result r =
          cli(to, tlsVersion)
              .run(
                  "mail",
                  "read",
                  read.getValue(),
                  "--cacert",
                  ca(),
                  "-o",
                  out.toString(),
                  "-v",
                  "--timeout",
                  "20s");
      assertThat(r.code()).as(read.getKey() + ": " + r.err()).isZero();
      assertThat(r.err())
          .as(read.getKey() + " negotiated TLS")
          .contains(": " + tlsVersion + " TLS_");
      RealMailMessages.assertSameBytes(
          Files.readAllBytes(out), eml, route + " " + tlsVersion + " -> " + read.getKey());
    }
  }

  @Test
  void imapSyncThenSyncAgainThenSyncWithDelete() throws Exception {
    MailUser to = mail.user("isync");
    List<Path> sent =
        List.of(
            send(PostfixRoute.SUBMISSION_STARTTLS_AUTH, to, "cli-isync-1", "TLSv1.3"),
            send(PostfixRoute.SMTPS, to, "cli-isync-2", "TLSv1.3"));
    mail.awaitDelivered(to, 2);
    String inbox = url("imaps", Dovecot.Listener.IMAPS, to, "/INBOX");

    CliJar.Result listed =
        cli(to, "TLSv1.3").run("mail", "list", inbox, "--cacert", ca(), "--json");
    assertThat(listed.code()).as(listed.err()).isZero();
    assertThat(Json.objects(listed.out()))
        .extracting(m -> m.get("subject"))
        .containsExactly("real-server journey cli-isync-1", "real-server journey cli-isync-2");
    assertSyncJourney(to, inbox, sent);
  }

  @Test
  void pop3SyncThenSyncAgainThenSyncWithDelete() throws Exception {
    MailUser to = mail.user("psync");
    List<Path> sent =
        List.of(
            send(PostfixRoute.SMTP_STARTTLS, to, "cli-psync-1", "TLSv1.2"),
            send(PostfixRoute.SUBMISSION_STARTTLS_AUTH, to, "cli-psync-2", "TLSv1.2"));
    mail.awaitDelivered(to, 2);
    assertSyncJourney(to, url("pop3", Dovecot.Listener.POP3, to, ""), sent);
  }

  /** sync (2 new), sync again (nothing new), sync with delete (server left empty), same bytes. */
  private void assertSyncJourney(MailUser user, String url, List<Path> sent) throws Exception {
    Path maildir = home.resolve("Maildir-" + user.login());
    CliJar cli = cli(user, "TLSv1.3");
    CliJar.Result first =
        cli.run("mail", "sync", url, "--cacert", ca(), "--maildir", maildir.toString(), "--json");
    assertThat(first.code()).as(first.err()).isZero();
    assertThat(Json.object(first.out())).containsEntry("downloaded", 2L);

    CliJar.Result again =
        cli.run("mail", "sync", url, "--cacert", ca(), "--maildir", maildir.toString(), "--json");
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(Json.object(again.out()))
        .containsEntry("downloaded", 0L)
        .containsEntry("alreadySynced", 2L)
        .containsEntry("bytes", 0L);

    CliJar.Result deleting =
        cli.run(
            "mail",
            "sync",
            url,
            "--cacert",
            ca(),
            "--maildir",
            maildir.toString(),
            "--delete-after-download",
            "--json");
    assertThat(deleting.code()).as(deleting.err()).isZero();
    assertThat(Json.object(deleting.out()))
        .containsEntry("downloaded", 0L)
        .containsEntry("deletedOnServer", 2L);
    assertThat(mail.messages(user)).as("left on the server").isEmpty();

    List<Path> files;
    try (Stream<Path> s = Files.list(maildir.resolve("new"))) {
      files = s.toList();
    }
    assertThat(files).hasSize(2);
    for (Path eml : sent) {
      RealMailMessages.assertSameBytes(
          RealMailMessages.copyOf(files, eml), eml, "Maildir copy of " + eml);
    }
  }

  @Test
  void capabilitiesShowWhatEachServerOffersWithItsArguments() throws Exception {
    MailUser user = mail.user("submit");
    CliJar.Result pop3 =
        cli(user, "TLSv1.3")
            .run(
                "mail",
                "capabilities",
                url("pop3s", Dovecot.Listener.POP3S, user, ""),
                "--cacert",
                ca());
    assertThat(pop3.code()).as(pop3.err()).isZero();
    assertThat(pop3.out())
        .containsPattern("(?m)^SASL +PLAIN LOGIN$")
        .containsPattern("(?m)^UIDL\\b");
    CliJar.Result smtp =
        cli(user, "TLSv1.3")
            .run(
                "mail",
                "capabilities",
                "smtp://127.0.0.1:" + mail.port(Postfix.Listener.SUBMISSION),
                "--cacert",
                ca());
    assertThat(smtp.code()).as(smtp.err()).isZero();
    assertThat(smtp.out()).containsPattern("(?m)^AUTH +PLAIN LOGIN$");
  }

  @Test
  void submissionWithoutLoginIsRefusedAndAWrongPasswordExits77() throws Exception {
    MailUser to = mail.user("submit");
    Path eml =
        RealMailMessages.write(home, mail.user("alice").address(), to.address(), "cli-submit");
    String noUser = "smtp://127.0.0.1:" + mail.port(Postfix.Listener.SUBMISSION);
    CliJar.Result anonymous =
        new CliJar(home)
            .run(
                "mail",
                "send",
                "--server",
                noUser,
                "--cacert",
                ca(),
                "--eml",
                eml.toString(),
                "--timeout",
                "20s");
    assertThat(anonymous.code()).as(anonymous.err()).isEqualTo(76);
    assertThat(anonymous.err())
        .startsWith("inetkit: ")
        .contains("RCPT TO")
        .contains("554")
        .contains("Access denied");

    CliJar.Result wrong =
        new CliJar(home)
            .env("INETKIT_PASSWORD", "not-the-password")
            .run(
                "mail",
                "send",
                "--server",
                server(PostfixRoute.SUBMISSION_STARTTLS_AUTH),
                "--cacert",
                ca(),
                "--eml",
                eml.toString(),
                "--timeout",
                "20s");
    assertThat(wrong.code()).as(wrong.err()).isEqualTo(77);
    assertThat(wrong.err()).contains("535").doesNotContain("not-the-password");
    assertThat(mail.messages(to)).isEmpty();
  }
}
