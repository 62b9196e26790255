package io.inetkit.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inetkit.core.Credentials;
import io.inetkit.core.Endpoint;
import io.inetkit.core.GopherUrl;
import io.inetkit.core.InetkitUrl;
import io.inetkit.core.Timeouts;
import io.inetkit.core.TlsException;
import io.inetkit.core.TlsMode;
import io.inetkit.core.Trust;
import io.inetkit.mail.MailMessage;
import io.inetkit.mail.imap.ImapClient;
import io.inetkit.mail.pop3.Pop3Client;
import io.inetkit.mail.smtp.SmtpClient;
import io.inetkit.testkit.fault.FaultScript;
import io.inetkit.testkit.fault.FaultServer;
import io.inetkit.testkit.tls.TestPki;
import io.inetkit.transfer.ftp.FtpClient;
import io.inetkit.transfer.gopher.GopherClient;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One promise checked across every TLS-capable client in one place: an implicit-TLS server whose
 * certificate names another host, or comes from a CA the client does not trust, is a {@link
 * TlsException} naming host and port — and the client has sent nothing, so no credentials left the
 * machine. The servers are fault servers that would greet and then hang up.
 */
class TlsAcrossProtocolsIT {
  private static final TestPki PKI = TestPki.create();
  private static final javax.net.ssl.SSLContext WRONG_NAME =
      PKI.issue("wrong.example").sslContext();
  private static final Timeouts SHORT =
      new Timeouts(Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofSeconds(10));
  private static final Credentials LOGIN = Credentials.password("alice", "secret-pw".toCharArray());

  /** Connects one protocol's client to {@code endpoint} with implicit TLS and {@code trust}. */
  @FunctionalInterface
  interface Attempt {
    void run(Endpoint endpoint, Trust trust) throws Exception;
  }

  static Stream<Arguments> clients() {
    Attempt smtp =
        (ep, trust) ->
            SmtpClient.builder()
                .endpoint(ep)
                .tlsMode(TlsMode.IMPLICIT)
                .trust(trust)
                .credentials(LOGIN)
                .timeouts(SHORT)
                .build()
                .send(
                    MailMessage.builder()
                        .from("alice@example.org")
                        .to("bob@example.org")
                        .subject("s")
                        .text("t")
                        .build());
    Attempt imap =
        (ep, trust) ->
            ImapClient.builder()
                .endpoint(ep)
                .tlsMode(TlsMode.IMPLICIT)
                .trust(trust)
                .credentials(LOGIN)
                .timeouts(SHORT)
                .build()
                .open()
                .close();
    Attempt pop3 =
        (ep, trust) ->
            Pop3Client.builder()
                .endpoint(ep)
                .tlsMode(TlsMode.IMPLICIT)
                .trust(trust)
                .credentials(LOGIN)
                .timeouts(SHORT)
                .build()
                .open()
                .close();
    Attempt ftps =
        (ep, trust) ->
            FtpClient.builder()
                .endpoint(ep)
                .tlsMode(TlsMode.IMPLICIT)
                .trust(trust)
                .credentials(LOGIN)
                .timeouts(SHORT)
                .build()
                .open()
                .close();
    Attempt gophers =
        (ep, trust) ->
            GopherClient.builder()
                .trust(trust)
                .timeouts(SHORT)
                .build()
                .menu(GopherUrl.from(InetkitUrl.parse("gophers://" + ep + "/1/")));
    return Stream.of(
        Arguments.of("SMTPS", "220 mx ESMTP\r\n", smtp),
        Arguments.of("IMAPS", "* OK IMAP4rev1 ready\r\n", imap),
        Arguments.of("POP3S", "+OK POP3 ready\r\n", pop3),
        Arguments.of("FTPS", "220 FTP ready\r\n", ftps),
        Arguments.of("gophers", "", gophers));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clients")
  void aCertificateForAnotherHostNameIsRefusedBeforeAnythingIsSent(
      String protocol, String greeting, Attempt attempt) throws Exception {
    try (FaultServer server =
        FaultServer.startTls(
            FaultScript.create().send(greeting).expectLine().close(), WRONG_NAME)) {
      Endpoint ep = Endpoint.of(server.host(), server.port());
      assertThatThrownBy(() -> attempt.run(ep, PKI.clientTrust()))
          .isInstanceOf(TlsException.class)
          .hasMessageContaining(ep.toString());
      assertThat(server.received()).as(protocol).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clients")
  void aCertificateFromAnUnknownCaIsRefusedBeforeAnythingIsSent(
      String protocol, String greeting, Attempt attempt) throws Exception {
    try (FaultServer server =
        FaultServer.startTls(
            FaultScript.create().send(greeting).expectLine().close(), PKI.serverSslContext())) {
      Endpoint ep = Endpoint.of(server.host(), server.port());
      // The JDK's CAs do not know the testkit CA.
      assertThatThrownBy(() -> attempt.run(ep, Trust.system()))
          .isInstanceOf(TlsException.class)
          .hasMessageContaining(ep.toString());
      assertThat(server.received()).as(protocol).isEmpty();
    }
  }
}
