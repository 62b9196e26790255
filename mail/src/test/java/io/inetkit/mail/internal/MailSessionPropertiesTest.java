package io.inetkit.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import io.inetkit.core.Credentials;
import io.inetkit.core.Endpoint;
import io.inetkit.core.Timeouts;
import io.inetkit.core.TlsException;
import io.inetkit.core.TlsMode;
import io.inetkit.core.Trust;
import io.inetkit.testkit.fault.FaultScript;
import io.inetkit.testkit.fault.FaultServer;
import io.inetkit.testkit.mail.MailProtocol;
import io.inetkit.testkit.mail.MailServer;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The Angus session properties work against real TLS listeners and never loosen security. */
class MailSessionPropertiesTest {
  private static final Timeouts FAST =
      new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofMinutes(1));
  private static MailServer server;

  @BeforeAll
  static void start() throws Exception {
    server = MailServer.start();
    server.user("bob@example.org", "bob", "bob-secret");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static AngusProtocol angus(MailProtocol p) {
    return AngusProtocol.valueOf(p.plain().name());
  }

  @Test
  void insecureTrustIsLoggedAsAWarningOnceTlsIsInPlay() {
    PrintStream old = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      MailSessionProperties.of(
          AngusProtocol.IMAP,
          Endpoint.of("127.0.0.1", 993),
          TlsMode.IMPLICIT,
          Trust.insecure(),
          Timeouts.DEFAULT,
          null);
      MailSessionProperties.of(
          AngusProtocol.POP3,
          Endpoint.of("127.0.0.1", 110),
          TlsMode.NONE,
          Trust.insecure(),
          Timeouts.DEFAULT,
          null);
    } finally {
      System.setErr(old);
    }
    assertThat(err.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains("WARN")))
        .singleElement(STRING)
        .contains("insecure trust", "127.0.0.1:993");
  }

  @Test
  void setsTimeoutsTrustAndStartTlsRequiredWithoutTrustingEveryone() {
    Properties p =
        MailSessionProperties.of(
            AngusProtocol.SMTP,
            Endpoint.of("mail.example.org", 587),
            TlsMode.STARTTLS_REQUIRED,
            Trust.system(),
            Timeouts.DEFAULT,
            Credentials.password("bob", "x".toCharArray()));
    assertThat(p)
        .containsEntry("mail.smtp.host", "mail.example.org")
        .containsEntry("mail.smtp.port", "587")
        .containsEntry("mail.smtp.connectiontimeout", "30000")
        .containsEntry("mail.smtp.timeout", "60000")
        .containsEntry("mail.smtp.writetimeout", "60000")
        .containsEntry("mail.smtp.ssl.checkserveridentity", "true")
        .containsEntry("mail.smtp.starttls.enable", "true")
        .containsEntry("mail.smtp.starttls.required", "true")
        .containsEntry("mail.smtp.auth.mechanisms", "PLAIN LOGIN")
        .containsKey("mail.smtp.ssl.socketFactory");
    assertThat(p.keySet().toString()).doesNotContain("ssl.trust");
    assertThat(p.values().toString()).doesNotContain("x]").doesNotContain("=x,");

    Properties imaps =
        MailSessionProperties.of(
            AngusProtocol.IMAP,
            Endpoint.of("mail.example.org", 993),
            TlsMode.IMPLICIT,
            Trust.system(),
            Timeouts.DEFAULT,
            Credentials.oauth2("bob", () -> "tok"));
    assertThat(imaps)
        .containsEntry("mail.imaps.ssl.enable", "true")
        .containsEntry("mail.imaps.starttls.enable", "false")
        .containsEntry("mail.imaps.auth.mechanisms", "XOAUTH2")
        .containsEntry("mail.imaps.auth.xoauth2.disable", "false");
  }

  @ParameterizedTest
  @EnumSource(names = {"IMAPS", "IMAP_STARTTLS", "POP3S", "POP3_STARTTLS", "IMAP", "POP3"})
  void readersConnectWithVerifiedTls(MailProtocol p) throws Exception {
    server.deliver(
        "bob@example.org",
        "From: a@example.org\r\nSubject: hi\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII));
    Properties props =
        MailSessionProperties.of(
            angus(p),
            server.endpoint(p),
            p.tlsMode(),
            server.clientTrust(),
            FAST,
            Credentials.password("bob", "bob-secret".toCharArray()));
    try (Store store = Session.getInstance(props).getStore(angus(p).provider(p.tlsMode()))) {
      store.connect("bob", "bob-secret");
      Folder inbox = store.getFolder("INBOX");
      inbox.open(Folder.READ_ONLY);
      assertThat(inbox.getMessageCount()).isGreaterThanOrEqualTo(1);
      inbox.close(false);
    }
  }

  @ParameterizedTest
  @EnumSource(names = {"SMTPS", "SMTP_STARTTLS"})
  void smtpSendsWithVerifiedTls(MailProtocol p) throws Exception {
    server.purge();
    Properties props =
        MailSessionProperties.of(
            AngusProtocol.SMTP,
            server.endpoint(p),
            p.tlsMode(),
            server.clientTrust(),
            FAST,
            Credentials.password("bob", "bob-secret".toCharArray()));
    Session session = Session.getInstance(props);
    MimeMessage m = new MimeMessage(session);
    m.setFrom(new InternetAddress("alice@example.org"));
    m.setRecipient(Message.RecipientType.TO, new InternetAddress("bob@example.org"));
    m.setSubject("props " + p);
    m.setText("x");
    try (Transport t = session.getTransport(AngusProtocol.SMTP.provider(p.tlsMode()))) {
      t.connect("bob", "bob-secret");
      t.sendMessage(m, m.getAllRecipients());
    }
    assertThat(server.waitForMessages(1, Duration.ofSeconds(5)).get(0).subject())
        .isEqualTo("props " + p);
  }

  @Test
  void hostNameMismatchIsATlsError() throws Exception {
    try (FaultServer wrongName =
        FaultServer.startTls(
            FaultScript.create().send("* OK hi\r\n").stall(),
            server.pki().issue("wrong.example").sslContext())) {
      Endpoint ep = Endpoint.of(wrongName.host(), wrongName.port());
      Properties props =
          MailSessionProperties.of(
              AngusProtocol.IMAP, ep, TlsMode.IMPLICIT, server.clientTrust(), FAST, null);
      Store store = Session.getInstance(props).getStore("imaps");
      assertThatThrownBy(() -> connect(store, ep))
          .isInstanceOf(TlsException.class)
          .hasMessageContaining(ep.toString())
          .hasCauseInstanceOf(javax.net.ssl.SSLHandshakeException.class);
    }
    // Control: the same CA with the right name passes the handshake (then times out reading).
    try (FaultServer rightName =
        FaultServer.startTls(
            FaultScript.create().stall(), server.pki().issue("127.0.0.1").sslContext())) {
      Endpoint ep = Endpoint.of(rightName.host(), rightName.port());
      Timeouts quick = FAST.withRead(Duration.ofMillis(300));
      Properties props =
          MailSessionProperties.of(
              AngusProtocol.IMAP, ep, TlsMode.IMPLICIT, server.clientTrust(), quick, null);
      Store store = Session.getInstance(props).getStore("imaps");
      assertThatThrownBy(() -> connect(store, ep))
          .isNotInstanceOf(TlsException.class)
          .isInstanceOf(io.inetkit.core.InetkitException.class);
    }
  }

  @Test
  void startTlsRequiredButNotOfferedIsATlsErrorBeforeAnyLogin() throws Exception {
    try (FaultServer noTls =
        FaultServer.start(
            FaultScript.create()
                .send("220 fault ESMTP\r\n")
                .respond(
                    line ->
                        line.startsWith("EHLO")
                            ? "250-fault\r\n250 AUTH PLAIN\r\n"
                            : line.startsWith("QUIT") ? "221 bye\r\n" : "250 ok\r\n"))) {
      Endpoint ep = Endpoint.of(noTls.host(), noTls.port());
      Properties props =
          MailSessionProperties.of(
              AngusProtocol.SMTP,
              ep,
              TlsMode.STARTTLS_REQUIRED,
              server.clientTrust(),
              FAST,
              Credentials.password("bob", "bob-secret".toCharArray()));
      Transport t = Session.getInstance(props).getTransport("smtp");
      assertThatThrownBy(
              () -> {
                try {
                  t.connect("bob", "bob-secret");
                } catch (MessagingException e) {
                  throw MailExceptions.translate(e, "SMTP connect", AngusProtocol.SMTP, ep, FAST);
                }
              })
          .isInstanceOf(TlsException.class)
          .hasMessageContaining("does not offer STARTTLS")
          .hasMessageContaining(ep.toString());
      assertThat(noTls.received()).contains("EHLO").doesNotContain("AUTH").doesNotContain("MAIL");
    }
  }

  private static void connect(Store store, Endpoint ep) throws Exception {
    try {
      store.connect("bob", "bob-secret");
    } catch (MessagingException e) {
      throw MailExceptions.translate(e, "IMAP connect", AngusProtocol.IMAP, ep, FAST);
    }
  }
}
