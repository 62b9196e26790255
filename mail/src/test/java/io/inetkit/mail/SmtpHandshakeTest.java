package io.inetkit.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inetkit.core.AuthenticationException;
import io.inetkit.core.Credentials;
import io.inetkit.core.Endpoint;
import io.inetkit.core.InvalidInputException;
import io.inetkit.core.Timeouts;
import io.inetkit.core.TlsMode;
import io.inetkit.mail.smtp.SmtpClient;
import io.inetkit.testkit.fault.FaultScript;
import io.inetkit.testkit.fault.FaultServer;
import io.inetkit.testkit.tls.TestPki;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What the client says before the mail: the EHLO name it was given, and which AUTH mechanism when.
 */
class SmtpHandshakeTest {
  private static final Timeouts QUICK =
      new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofMinutes(1));
  private static final Credentials PASSWORD =
      Credentials.password("alice", "alice-secret".toCharArray());
  private static final Credentials TOKEN = Credentials.oauth2("alice@example.org", () -> "tok");

  private static SmtpClient.Builder client(FaultServer server) {
    return SmtpClient.builder()
        .endpoint(Endpoint.of(server.host(), server.port()))
        .tlsMode(TlsMode.NONE)
        .plaintextLogin(io.inetkit.core.PlaintextLogin.ALLOWED)
        .timeouts(QUICK);
  }

  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  private static MailMessage message() {
    return MailMessage.builder().from("alice@example.org").to("bob@example.org").text("hi").build();
  }

  @Test
  void customEhloNameIsWhatTheServerSees() throws Exception {
    try (FaultServer server = ScriptedSmtp.start(ScriptedSmtp.normalExcept(l -> null))) {
      client(server).ehloName("relay-7.example.net").build().send(message());
      assertThat(server.received())
          .startsWith("EHLO relay-7.example.net\r\nMAIL FROM:<alice@example.org>\r\n");
    }
  }

  @Test
  void customEhloNameIsUsedForTheHeloFallback() throws Exception {
    try (FaultServer server =
        ScriptedSmtp.start(
            ScriptedSmtp.normalExcept(
                l -> l.startsWith("EHLO") ? "502 5.5.2 EHLO not implemented\r\n" : null))) {
      client(server).ehloName("relay-7.example.net").build().send(message());
      assertThat(server.received())
          .startsWith("EHLO relay-7.example.net\r\nHELO relay-7.example.net\r\nMAIL FROM:");
    }
  }

  @Test
  void customEhloNameIsSaidAgainAfterStartTls() throws Exception {
    TestPki pki = TestPki.create();
    FaultScript script =
        FaultScript.create()
            .send("220 fault.test ESMTP\r\n")
            .expectLine()
            .send("250-fault.test\r\n250 STARTTLS\r\n")
            .expectLine()
            .send("220 go ahead\r\n")
            .startTls(pki.serverSslContext())
            .expectLine()
            .send("250 fault.test\r\n")
            .expectLine()
            .send("221 bye\r\n");
    try (FaultServer server = FaultServer.start(script)) {
      client(server)
          .tlsMode(TlsMode.STARTTLS_REQUIRED)
          .trust(pki.clientTrust())
          .ehloName("relay-7.example.net")
          .build()
          .open()
          .close();
      assertThat(server.received())
          .isEqualTo(
              "EHLO relay-7.example.net\r\nSTARTTLS\r\nEHLO relay-7.example.net\r\nQUIT\r\n");
    }
  }

  @Test
  void ehloNameMustBeOneToken() {
    assertThatThrownBy(() -> SmtpClient.builder().ehloName("evil\r\nMAIL FROM:<x@y>"))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.parameter()).isEqualTo("ehloName"));
    assertThat(SmtpClient.builder().endpoint("mail.example.org").build().ehloName())
        .isEqualTo("localhost");
  }

  /**
   * A password uses PLAIN whenever it is offered (whatever the order), LOGIN only without PLAIN,
   * never XOAUTH2; an OAuth2 token uses XOAUTH2 only.
   */
  @ParameterizedTest(name = "{0} with {1} -> {2}")
  @CsvSource({
    "PLAIN LOGIN, password, PLAIN",
    "LOGIN PLAIN, password, PLAIN",
    "XOAUTH2 LOGIN PLAIN, password, PLAIN",
    "LOGIN, password, LOGIN",
    "CRAM-MD5 LOGIN XOAUTH2, password, LOGIN",
    "PLAIN LOGIN XOAUTH2, token, XOAUTH2",
  })
  void chosenMechanism(String offered, String kind, String expected) throws Exception {
    try (FaultServer server =
        ScriptedSmtp.start(
            ScriptedSmtp.normalExcept(
                l -> {
                  if (l.startsWith("EHLO")) {
                    return "250-fault.test\r\n250 AUTH " + offered + "\r\n";
                  }
                  if (l.equals("AUTH LOGIN") || l.equals(b64("alice"))) {
                    return "334 "
                        + b64(l.equals("AUTH LOGIN") ? "Username:" : "Password:")
                        + "\r\n";
                  }
                  return l.startsWith("AUTH ") || l.equals(b64("alice-secret"))
                      ? "235 2.7.0 ok\r\n"
                      : null;
                }))) {
      client(server).credentials(kind.equals("token") ? TOKEN : PASSWORD).build().send(message());

      String sent = server.received();
      String auth =
          switch (expected) {
            case "PLAIN" -> "AUTH PLAIN " + b64("\0alice\0alice-secret") + "\r\nMAIL FROM:";
            case "LOGIN" ->
                "AUTH LOGIN\r\n" + b64("alice") + "\r\n" + b64("alice-secret") + "\r\nMAIL FROM:";
            default ->
                "AUTH XOAUTH2 "
                    + b64("user=alice@example.org\u0001auth=Bearer tok\u0001\u0001")
                    + "\r\nMAIL FROM:";
          };
      assertThat(sent).contains(auth);
      assertThat(sent.split("AUTH ", -1)).hasSize(2); // exactly one AUTH command
    }
  }

  @ParameterizedTest(name = "{0} with {1}")
  @CsvSource({"XOAUTH2, password", "CRAM-MD5, password", "PLAIN LOGIN, token", "'', password"})
  void noUsableMechanismFailsWithoutSendingAnyAuth(String offered, String kind) throws Exception {
    try (FaultServer server =
        ScriptedSmtp.start(
            ScriptedSmtp.normalExcept(
                l ->
                    l.startsWith("EHLO")
                        ? (offered.isEmpty()
                            ? "250 fault.test\r\n"
                            : "250-fault.test\r\n250 AUTH " + offered + "\r\n")
                        : null))) {
      Credentials c = kind.equals("token") ? TOKEN : PASSWORD;
      assertThatThrownBy(() -> client(server).credentials(c).build().open())
          .isInstanceOf(AuthenticationException.class)
          .hasMessageContaining("the server offers no usable mechanism")
          .hasMessageContaining(server.host() + ":" + server.port());
      assertThat(server.received()).doesNotContain("AUTH").doesNotContain("MAIL");
    }
  }
}
