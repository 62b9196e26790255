package io.inetkit.testkit.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inetkit.testkit.tls.TestPki;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Proves every listener with a plain Jakarta Mail client and real TLS verification. */
class MailServerTest {
  private static MailServer server;

  @BeforeAll
  static void startServer() throws Exception {
    server = MailServer.start();
    server.user("bob@example.org", "bob", "bob-secret");
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @AfterEach
  void purge() {
    server.purge();
  }

  /** Jakarta Mail properties for one listener, verifying against {@code trust}. */
  private static Session session(MailProtocol p, SSLContext trust) {
    String name = p.scheme();
    Properties props = new Properties();
    props.put("mail." + name + ".host", server.host());
    props.put("mail." + name + ".port", Integer.toString(server.port(p)));
    props.put("mail." + name + ".connectiontimeout", "5000");
    props.put("mail." + name + ".timeout", "5000");
    props.put("mail." + name + ".ssl.checkserveridentity", "true");
    props.put("mail." + name + ".ssl.socketFactory", trust.getSocketFactory());
    if (p.tlsMode().isImplicit()) {
      props.put("mail." + name + ".ssl.enable", "true");
    }
    if (p.tlsMode().isStartTls()) {
      props.put("mail." + name + ".starttls.enable", "true");
      props.put("mail." + name + ".starttls.required", "true");
    }
    if (p.plain() == MailProtocol.SMTP) {
      props.put("mail." + name + ".auth", "true");
    }
    return Session.getInstance(props);
  }

  private static MimeMessage message(Session session, String subject) throws MessagingException {
    MimeMessage m = new MimeMessage(session);
    m.setFrom(new InternetAddress("alice@example.org"));
    m.setRecipient(Message.RecipientType.TO, new InternetAddress("bob@example.org"));
    m.setSubject(subject, "UTF-8");
    m.setText("Hello over " + subject + "\r\n", "UTF-8");
    return m;
  }

  @ParameterizedTest
  @EnumSource(names = {"SMTP", "SMTPS", "SMTP_STARTTLS"})
  void sendsOverEverySmtpListenerWithVerifiedTls(MailProtocol p) throws Exception {
    Session session = session(p, server.pki().clientSslContext());
    try (Transport t = session.getTransport(p.scheme())) {
      t.connect("bob", "bob-secret");
      MimeMessage m = message(session, "via " + p + " ✓");
      t.sendMessage(m, m.getAllRecipients());
    }

    List<ReceivedMail> got = server.waitForMessages(1, Duration.ofSeconds(5));
    assertThat(got).hasSize(1);
    assertThat(got.get(0).recipient()).isEqualTo("bob@example.org");
    assertThat(got.get(0).from()).isEqualTo("alice@example.org");
    assertThat(got.get(0).subject()).isEqualTo("via " + p + " ✓");
    assertThat(got.get(0).text()).contains("Hello over via " + p);
  }

  @ParameterizedTest
  @EnumSource(names = {"IMAP", "IMAPS", "IMAP_STARTTLS", "POP3", "POP3S", "POP3_STARTTLS"})
  void readsOverEveryImapAndPop3ListenerWithVerifiedTls(MailProtocol p) throws Exception {
    server.deliver(
        "bob@example.org",
        ("From: carol@example.org\r\nTo: bob@example.org\r\nSubject: delivered "
                + p
                + "\r\n\r\nbody of "
                + p
                + "\r\n")
            .getBytes(StandardCharsets.US_ASCII));

    Session session = session(p, server.pki().clientSslContext());
    try (Store store = session.getStore(p.scheme())) {
      store.connect("bob", "bob-secret");
      Folder inbox = store.getFolder("INBOX");
      inbox.open(Folder.READ_ONLY);
      Message[] messages = inbox.getMessages();
      assertThat(messages).hasSize(1);
      assertThat(messages[0].getSubject()).isEqualTo("delivered " + p);
      assertThat(new String(messages[0].getInputStream().readAllBytes(), StandardCharsets.US_ASCII))
          .contains("body of " + p);
      inbox.close(false);
    }
  }

  @ParameterizedTest
  @EnumSource(
      names = {"SMTPS", "SMTP_STARTTLS", "IMAPS", "IMAP_STARTTLS", "POP3S", "POP3_STARTTLS"})
  void tlsListenersFailVerificationAgainstAnotherCa(MailProtocol p) {
    Session session = session(p, TestPki.create().clientSslContext());
    assertThatThrownBy(
            () -> {
              if (p.plain() == MailProtocol.SMTP) {
                try (Transport t = session.getTransport(p.scheme())) {
                  t.connect("bob", "bob-secret");
                }
              } else {
                try (Store s = session.getStore(p.scheme())) {
                  s.connect("bob", "bob-secret");
                }
              }
            })
        .isInstanceOf(MessagingException.class)
        .hasRootCauseMessage("unable to find valid certification path to requested target")
        .satisfies(
            e -> assertThat(causes(e)).hasAtLeastOneElementOfType(SSLHandshakeException.class));
  }

  private static List<Throwable> causes(Throwable e) {
    List<Throwable> chain = new java.util.ArrayList<>();
    for (Throwable t = e; t != null; t = t.getCause()) {
      chain.add(t);
    }
    return chain;
  }

  @Test
  void smtpStartTlsFrontRefusesCommandsBeforeTls() throws Exception {
    List<String> replies =
        converse(
            MailProtocol.SMTP_STARTTLS,
            "EHLO client.test",
            "AUTH PLAIN AGJvYgBib2Itc2VjcmV0",
            "MAIL FROM:<alice@example.org>",
            "NOOP",
            "QUIT");
    assertThat(replies.get(0)).startsWith("220 ");
    assertThat(replies.get(1)).isEqualTo("250-127.0.0.1");
    assertThat(replies).contains("250 STARTTLS");
    int afterEhlo = replies.indexOf("250 STARTTLS") + 1;
    assertThat(replies.subList(afterEhlo, replies.size()))
        .containsExactly(
            "530 5.7.0 Must issue a STARTTLS command first",
            "530 5.7.0 Must issue a STARTTLS command first",
            "250 2.0.0 OK",
            "221 2.0.0 Bye");
    assertThat(server.received()).isEmpty();
  }

  @Test
  void imapStartTlsFrontRefusesLoginBeforeTls() throws Exception {
    List<String> replies =
        converse(
            MailProtocol.IMAP_STARTTLS,
            "a1 CAPABILITY",
            "a2 LOGIN bob bob-secret",
            "a3 SELECT INBOX",
            "a4 LOGOUT");
    assertThat(replies)
        .containsExactly(
            "* OK [CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED] inetkit testkit IMAP (STARTTLS front)",
            "* CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED",
            "a1 OK CAPABILITY completed",
            "a2 NO [PRIVACYREQUIRED] STARTTLS first",
            "a3 BAD STARTTLS first",
            "* BYE logging out",
            "a4 OK LOGOUT completed");
  }

  @Test
  void pop3StlsFrontRefusesUserBeforeTls() throws Exception {
    List<String> replies =
        converse(MailProtocol.POP3_STARTTLS, "CAPA", "USER bob", "PASS x", "QUIT");
    assertThat(replies)
        .containsExactly(
            "+OK inetkit testkit POP3 (STLS front)",
            "+OK Capability list follows",
            "STLS",
            ".",
            "-ERR STLS first",
            "-ERR STLS first",
            "+OK bye");
  }

  /** Sends each command in turn on a raw socket and returns every line the server sent. */
  private static List<String> converse(MailProtocol p, String... commands) throws Exception {
    try (Socket s = new Socket(server.host(), server.port(p))) {
      s.setSoTimeout(5000);
      OutputStream out = s.getOutputStream();
      for (String c : commands) {
        out.write((c + "\r\n").getBytes(StandardCharsets.US_ASCII));
      }
      out.flush();
      BufferedReader in =
          new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
      return in.lines().toList(); // the last command closes the connection
    }
  }

  @Test
  void waitForMessagesFailsWhenTooFewArrive() {
    assertThatThrownBy(() -> server.waitForMessages(1, Duration.ofMillis(100)))
        .isInstanceOf(AssertionError.class)
        .hasMessage("expected 1 message(s) within PT0.1S but got 0");
  }

  @Test
  void receivedKeepsOneCopyPerRecipientAndPurgeEmptiesIt() throws Exception {
    Session session = session(MailProtocol.SMTP, server.pki().clientSslContext());
    MimeMessage m = message(session, "two");
    m.addRecipient(Message.RecipientType.BCC, new InternetAddress("dave@example.org"));
    try (Transport t = session.getTransport("smtp")) {
      t.connect("bob", "bob-secret");
      t.sendMessage(m, m.getAllRecipients());
    }
    assertThat(server.waitForMessages(2, Duration.ofSeconds(5)))
        .extracting(ReceivedMail::recipient)
        .containsExactlyInAnyOrder("bob@example.org", "dave@example.org");
    assertThat(server.receivedBy("dave@example.org")).hasSize(1);
    server.purge();
    assertThat(server.received()).isEmpty();
  }

  @Test
  void reportsPortsEndpointsAndUrls() throws Exception {
    try (MailServer only = MailServer.builder().protocols(MailProtocol.SMTPS).start()) {
      assertThat(only.url(MailProtocol.SMTPS)).isEqualTo("smtps://127.0.0.1:" + only.smtpsPort());
      assertThat(only.endpoint(MailProtocol.SMTPS).port()).isEqualTo(only.smtpsPort());
      assertThat(only.url(MailProtocol.SMTPS, "a b@x")).startsWith("smtps://a+b%40x@127.0.0.1:");
      assertThatThrownBy(() -> only.port(MailProtocol.IMAP))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("IMAP listener was not started");
    }
  }
}
