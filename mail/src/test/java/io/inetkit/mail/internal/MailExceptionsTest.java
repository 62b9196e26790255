package io.inetkit.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inetkit.core.AuthenticationException;
import io.inetkit.core.ConnectionClosedException;
import io.inetkit.core.ConnectionException;
import io.inetkit.core.Credentials;
import io.inetkit.core.Endpoint;
import io.inetkit.core.InetkitTimeoutException;
import io.inetkit.core.NotFoundException;
import io.inetkit.core.Timeouts;
import io.inetkit.core.TlsMode;
import io.inetkit.core.Trust;
import io.inetkit.testkit.fault.FaultScript;
import io.inetkit.testkit.fault.FaultServer;
import io.inetkit.testkit.mail.MailProtocol;
import io.inetkit.testkit.mail.MailServer;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.StoreClosedException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The one Jakarta Mail exception boundary, driven by real Angus failures. */
class MailExceptionsTest {
  private static final Timeouts FAST =
      new Timeouts(Duration.ofSeconds(2), Duration.ofMillis(500), Duration.ofMinutes(1));
  private static MailServer server;

  @BeforeAll
  static void start() throws Exception {
    server = MailServer.builder().protocols(MailProtocol.IMAPS).start();
    server.user("bob@example.org", "bob", "bob-secret");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** Runs {@code action}, translating what Angus throws. */
  private static void at(Endpoint ep, AngusProtocol p, MailAction action) throws Exception {
    try {
      action.run();
    } catch (MessagingException e) {
      throw MailExceptions.translate(e, p + " test", p, ep, FAST);
    }
  }

  private interface MailAction {
    void run() throws MessagingException;
  }

  private static Store imaps(Endpoint ep) throws MessagingException {
    return Session.getInstance(
            MailSessionProperties.of(
                AngusProtocol.IMAP, ep, TlsMode.IMPLICIT, server.clientTrust(), FAST, null))
        .getStore("imaps");
  }

  @Test
  void wrongPasswordIsAuthenticationExceptionWithTheServersReply() throws Exception {
    Endpoint ep = server.endpoint(MailProtocol.IMAPS);
    Store store = imaps(ep);
    assertThatThrownBy(() -> at(ep, AngusProtocol.IMAP, () -> store.connect("bob", "wrong")))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining(ep.toString())
        .hasMessageNotContaining("wrong")
        .satisfies(e -> assertThat(((AuthenticationException) e).reply().status()).isEqualTo("NO"));
  }

  @Test
  void missingFolderIsNotFound() throws Exception {
    Endpoint ep = server.endpoint(MailProtocol.IMAPS);
    try (Store store = imaps(ep)) {
      store.connect("bob", "bob-secret");
      Folder missing = store.getFolder("NoSuchFolder");
      assertThatThrownBy(() -> at(ep, AngusProtocol.IMAP, () -> missing.open(Folder.READ_ONLY)))
          .isInstanceOf(NotFoundException.class)
          .hasMessageContaining(ep.toString());
    }
  }

  @Test
  void refusedConnectionIsConnectionException() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    Endpoint ep = Endpoint.of("127.0.0.1", closedPort);
    Store store = imaps(ep);
    assertThatThrownBy(() -> at(ep, AngusProtocol.IMAP, () -> store.connect("bob", "x")))
        .isInstanceOf(ConnectionException.class)
        .hasMessageContaining("127.0.0.1:" + closedPort);
  }

  @Test
  void silentServerIsTimeoutWithinTheReadTimeout() throws Exception {
    try (FaultServer silent = FaultServer.start(FaultScript.create().stall())) {
      Endpoint ep = Endpoint.of(silent.host(), silent.port());
      Store store =
          Session.getInstance(
                  MailSessionProperties.of(
                      AngusProtocol.POP3, ep, TlsMode.NONE, Trust.system(), FAST, null))
              .getStore("pop3");
      long start = System.nanoTime();
      assertThatThrownBy(() -> at(ep, AngusProtocol.POP3, () -> store.connect("bob", "x")))
          .isInstanceOf(InetkitTimeoutException.class)
          .hasMessageContaining(ep.toString())
          .hasMessageContaining("500 ms");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }
  }

  @Test
  void closedStoreIsConnectionClosed() {
    Endpoint ep = Endpoint.of("127.0.0.1", 993);
    assertThat(
            MailExceptions.translate(
                new StoreClosedException(null, "* BYE server shutting down"),
                "IMAP fetch",
                AngusProtocol.IMAP,
                ep,
                FAST))
        .isInstanceOf(ConnectionClosedException.class)
        .hasMessage("IMAP fetch: connection closed: * BYE server shutting down [127.0.0.1:993]");
  }

  @Test
  void smtpRepliesAreParsedPerProtocol() {
    assertThat(AngusProtocol.SMTP.negativeReply("535 5.7.8 bad credentials\n").toString())
        .isEqualTo("535 5.7.8 bad credentials");
    assertThat(AngusProtocol.SMTP.negativeReply("454 later").isTransient()).isTrue();
    assertThat(AngusProtocol.POP3.negativeReply("-ERR no such user").toString())
        .isEqualTo("-ERR no such user");
    assertThat(AngusProtocol.IMAP.negativeReply("BAD parse error").toString())
        .isEqualTo("BAD parse error");
  }

  @Test
  void passwordNeverAppearsInTranslatedMessage() {
    Credentials c = Credentials.password("bob", "hunter2".toCharArray());
    assertThat(c.toString()).doesNotContain("hunter2");
  }
}
