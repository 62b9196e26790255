package io.inetkit.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inetkit.core.ConnectionClosedException;
import io.inetkit.core.Credentials;
import io.inetkit.core.Endpoint;
import io.inetkit.core.InetkitTimeoutException;
import io.inetkit.core.LimitExceededException;
import io.inetkit.core.ProtocolReplyException;
import io.inetkit.core.ProtocolViolationException;
import io.inetkit.core.Timeouts;
import io.inetkit.core.TlsException;
import io.inetkit.core.TlsMode;
import io.inetkit.mail.smtp.SendReceipt;
import io.inetkit.mail.smtp.SmtpClient;
import io.inetkit.testkit.fault.FaultScript;
import io.inetkit.testkit.fault.FaultServer;
import io.inetkit.testkit.tls.TestPki;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile and failing servers: each failure is typed, names host:port and the reply, and is timely.
 */
class SmtpHostileServerTest {
  private static final Timeouts QUICK =
      new Timeouts(Duration.ofSeconds(2), Duration.ofMillis(700), Duration.ofMinutes(1));
  private static final TestPki PKI = TestPki.create();
  private static final String EHLO_PLAIN = ScriptedSmtp.EHLO_PLAIN;

  @TempDir Path dir;

  private static SmtpClient client(FaultServer server, TlsMode mode) {
    return SmtpClient.builder()
        .endpoint(server.host(), server.port())
        .tlsMode(mode)
        .plaintextLogin(io.inetkit.core.PlaintextLogin.ALLOWED)
        .trust(PKI.clientTrust())
        .credentials(Credentials.password("alice", "alice-secret".toCharArray()))
        .timeouts(QUICK)
        .build();
  }

  private static MailMessage message() {
    return MailMessage.builder()
        .from("alice@example.org")
        .to("bob@example.org")
        .subject("s")
        .text("hello")
        .build();
  }

  private static FaultServer smtp(Function<String, String> responder) throws Exception {
    return ScriptedSmtp.start(responder);
  }

  private static Function<String, String> normalExcept(Function<String, String> special) {
    return ScriptedSmtp.normalExcept(special);
  }

  private static Endpoint ep(FaultServer s) {
    return Endpoint.of(s.host(), s.port());
  }

  @Test
  void startTlsRequiredButNotOfferedFailsBeforeAnyCredentialsOrMail() throws Exception {
    try (FaultServer server = smtp(normalExcept(l -> null))) {
      assertThatThrownBy(() -> client(server, TlsMode.STARTTLS_REQUIRED).send(message()))
          .isInstanceOf(TlsException.class)
          .hasMessageContaining("STARTTLS is required but the server does not offer it")
          .hasMessageContaining(ep(server).toString());
      assertThat(server.received())
          .startsWith("EHLO localhost\r\n")
          .doesNotContain("AUTH")
          .doesNotContain("MAIL")
          .doesNotContain("alice");
    }
  }

  @Test
  void startTlsRefusedFailsWithTheReplyAndSendsNothingElse() throws Exception {
    try (FaultServer server =
        smtp(
            normalExcept(
                l ->
                    l.startsWith("EHLO")
                        ? "250-fault.test\r\n250-STARTTLS\r\n250 AUTH PLAIN\r\n"
                        : l.equals("STARTTLS") ? "454 4.7.0 TLS not available\r\n" : null))) {
      assertThatThrownBy(() -> client(server, TlsMode.STARTTLS_REQUIRED).open())
          .isInstanceOf(TlsException.class)
          .hasMessageContaining("STARTTLS refused: 454 4.7.0 TLS not available");
      assertThat(server.received()).doesNotContain("AUTH").doesNotContain("MAIL");
    }
  }

  @Test
  void certificateForAnotherHostFailsTheStartTlsHandshakeBeforeAuth() throws Exception {
    FaultScript script =
        FaultScript.create()
            .send("220 fault.test ESMTP\r\n")
            .expectLine()
            .send("250-fault.test\r\n250-STARTTLS\r\n250 AUTH PLAIN\r\n")
            .expectLine()
            .send("220 go ahead\r\n")
            .startTls(PKI.issue("wrong.example").sslContext())
            .stall();
    try (FaultServer server = FaultServer.start(script)) {
      assertThatThrownBy(() -> client(server, TlsMode.STARTTLS_REQUIRED).send(message()))
          .isInstanceOf(TlsException.class)
          .hasMessageContaining("TLS handshake")
          .hasMessageContaining("issued for wrong.example, not 127.0.0.1")
          .hasMessageContaining(ep(server).toString());
      assertThat(server.received()).isEqualTo("EHLO localhost\r\nSTARTTLS\r\n");
    }
  }

  @Test
  void untrustedCertificateOnImplicitTlsFails() throws Exception {
    try (FaultServer server =
        FaultServer.startTls(
            FaultScript.create().send("220 x\r\n").stall(), TestPki.create().serverSslContext())) {
      assertThatThrownBy(() -> client(server, TlsMode.IMPLICIT).open())
          .isInstanceOf(TlsException.class)
          .hasMessageContaining("is not signed by a CA this client trusts")
          .hasMessageContaining(ep(server).toString());
    }
  }

  @Test
  void rejectedSenderIsAProtocolReplyWithCommandAndReply() throws Exception {
    try (FaultServer server =
        smtp(
            normalExcept(
                l ->
                    l.startsWith("MAIL")
                        ? "553 5.7.1 <alice@example.org>: Sender address rejected\r\n"
                        : null))) {
      assertThatThrownBy(() -> client(server, TlsMode.NONE).send(message()))
          .isInstanceOfSatisfying(
              ProtocolReplyException.class,
              e -> {
                assertThat(e.command()).isEqualTo("MAIL FROM:<alice@example.org>");
                assertThat(e.reply().code()).isEqualTo(553);
                assertThat(e.reply().isPermanent()).isTrue();
              })
          .hasMessage(
              "MAIL FROM:<alice@example.org> refused: 553 5.7.1 <alice@example.org>: "
                  + "Sender address rejected ["
                  + ep(server)
                  + "]");
      assertThat(server.received()).doesNotContain("RCPT").doesNotContain("DATA");
    }
  }

  @Test
  void temporaryFailureIsTransient() throws Exception {
    try (FaultServer server =
        smtp(normalExcept(l -> l.startsWith("MAIL") ? "451 4.3.0 try again later\r\n" : null))) {
      assertThatThrownBy(() -> client(server, TlsMode.NONE).send(message()))
          .isInstanceOfSatisfying(
              ProtocolReplyException.class, e -> assertThat(e.reply().isTransient()).isTrue())
          .hasMessageContaining("451 4.3.0 try again later");
    }
  }

  @Test
  void dataRefusedAfterTheMessageIsAProtocolReply() throws Exception {
    AtomicBoolean inData = new AtomicBoolean();
    try (FaultServer server =
        smtp(
            normalExcept(
                l -> {
                  if (l.equals("DATA")) {
                    inData.set(true);
                    return "354 go\r\n";
                  }
                  if (inData.get()) {
                    return l.equals(".") ? "554 5.7.1 spam detected\r\n" : "";
                  }
                  return null;
                }))) {
      assertThatThrownBy(() -> client(server, TlsMode.NONE).send(message()))
          .isInstanceOfSatisfying(
              ProtocolReplyException.class, e -> assertThat(e.reply().code()).isEqualTo(554))
          .hasMessageContaining("end of message data");
    }
  }

  @Test
  void serverThatStallsAfterDataTimesOutWithinTheReadTimeout() throws Exception {
    FaultScript script =
        FaultScript.create()
            .send("220 fault.test ESMTP\r\n")
            .expectLine()
            .send(EHLO_PLAIN)
            .expectLine()
            .send("235 ok\r\n")
            .expectLine()
            .send("250 ok\r\n")
            .expectLine()
            .send("250 ok\r\n")
            .expectLine()
            .send("354 go\r\n")
            .stall();
    try (FaultServer server = FaultServer.start(script)) {
      long start = System.nanoTime();
      assertThatThrownBy(() -> client(server, TlsMode.NONE).send(message()))
          .isInstanceOf(InetkitTimeoutException.class)
          .hasMessageContaining("waiting for the reply to the end of the message data")
          .hasMessageContaining("(timed out after 700 ms, the read timeout)")
          .hasMessageContaining(ep(server).toString());
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
      assertThat(server.received()).contains("\r\nhello\r\n.\r\n");
    }
  }

  @Test
  void serverThatStopsReadingMidMessageTimesOutInsteadOfBlockingTheWrite() throws Exception {
    Path big = Files.write(dir.resolve("big.bin"), new byte[32 << 20]);
    AtomicBoolean inData = new AtomicBoolean();
    try (FaultServer server =
        smtp(
            normalExcept(
                l -> {
                  if (l.equals("DATA")) {
                    inData.set(true);
                    return "354 go\r\n";
                  }
                  if (inData.get()) {
                    sleepQuietly(Duration.ofSeconds(30)); // stop reading: the client's writes block
                  }
                  return null;
                }))) {
      long start = System.nanoTime();
      assertThatThrownBy(
              () -> client(server, TlsMode.NONE).send(message().newBuilder().attach(big).build()))
          .isInstanceOf(InetkitTimeoutException.class)
          .hasMessageContaining("the server stopped reading")
          .hasMessageContaining("700 ms")
          .hasMessageContaining(ep(server).toString());
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }
  }

  @Test
  void slowReaderIsCutOffByTheOverallTimeout() throws Exception {
    Path big = Files.write(dir.resolve("big.bin"), new byte[16 << 20]);
    AtomicBoolean inData = new AtomicBoolean();
    AtomicInteger lines = new AtomicInteger();
    try (FaultServer server =
        smtp(
            normalExcept(
                l -> {
                  if (l.equals("DATA")) {
                    inData.set(true);
                    return "354 go\r\n";
                  }
                  if (inData.get() && lines.incrementAndGet() % 10 == 0) {
                    sleepQuietly(Duration.ofMillis(1)); // reads on, slowly: about 0.5 MB/s
                  }
                  return null;
                }))) {
      Timeouts overall =
          new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(1));
      SmtpClient slow = client(server, TlsMode.NONE).newBuilder().timeouts(overall).build();
      long start = System.nanoTime();
      assertThatThrownBy(() -> slow.send(message().newBuilder().attach(big).build()))
          .isInstanceOf(InetkitTimeoutException.class)
          .hasMessageContaining("sending message data")
          .hasMessageContaining("(timed out after 1 s, the overall time limit)");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }
  }

  @Test
  void aGreetingDrippingInByteByByteEndsAtTheOverallTimeLimit() throws Exception {
    // every byte comes within the read timeout: only the overall limit can end the wait
    Timeouts t =
        new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofMillis(1500));
    try (FaultServer server =
        FaultServer.start(
            FaultScript.create()
                .drip(
                    "220 fault.test ESMTP a greeting that takes its time\r\n",
                    Duration.ofMillis(300)))) {
      SmtpClient patient = client(server, TlsMode.NONE).newBuilder().timeouts(t).build();
      assertThatThrownBy(() -> patient.send(message()))
          .isInstanceOf(InetkitTimeoutException.class)
          .hasMessageStartingWith("greeting with " + ep(server))
          .hasMessageContaining("(timed out after 1.5 s, the overall time limit)");
      assertThat(server.received()).doesNotContain("EHLO");
    }
  }

  @Test
  void aFinalReplyDelayedPastTheOverallTimeLimitEndsThere() throws Exception {
    Timeouts t =
        new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(30), Duration.ofMillis(1500));
    FaultScript script =
        FaultScript.create()
            .send("220 fault.test ESMTP\r\n")
            .expectLine()
            .send(EHLO_PLAIN)
            .expectLine()
            .send("235 ok\r\n")
            .expectLine()
            .send("250 ok\r\n")
            .expectLine()
            .send("250 ok\r\n")
            .expectLine()
            .send("354 go\r\n")
            .sendAfter(Duration.ofSeconds(20), "250 queued, too late\r\n");
    try (FaultServer server = FaultServer.start(script)) {
      SmtpClient patient = client(server, TlsMode.NONE).newBuilder().timeouts(t).build();
      assertThatThrownBy(() -> patient.send(message()))
          .isInstanceOfSatisfying(
              InetkitTimeoutException.class,
              e -> assertThat(e.limit()).contains(InetkitTimeoutException.Limit.OVERALL))
          .hasMessageContaining(
              "waiting for the reply to the end of the message data with " + ep(server))
          .hasMessageContaining("(timed out after 1.5 s, the overall time limit)");
      assertThat(server.received()).contains("\r\nhello\r\n.\r\n");
    }
  }

  private static void sleepQuietly(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void connectionDroppedMidMessageIsConnectionClosed() throws Exception {
    Path big = Files.write(dir.resolve("big.bin"), new byte[8 << 20]);
    FaultScript script =
        FaultScript.create()
            .send("220 fault.test ESMTP\r\n")
            .expectLine()
            .send(EHLO_PLAIN)
            .expectLine()
            .send("235 ok\r\n")
            .expectLine()
            .send("250 ok\r\n")
            .expectLine()
            .send("250 ok\r\n")
            .expectLine()
            .send("354 go\r\n")
            .expectLines(3)
            .sendThenDrop("", 0);
    try (FaultServer server = FaultServer.start(script)) {
      MailMessage withAttachment = message().newBuilder().attach(big).build();
      assertThatThrownBy(() -> client(server, TlsMode.NONE).send(withAttachment))
          .isInstanceOf(ConnectionClosedException.class)
          .hasMessageContaining(ep(server).toString());
    }
  }

  @Test
  void garbageReplyIsAProtocolViolation() throws Exception {
    try (FaultServer server =
        FaultServer.start(FaultScript.create().send("HTTP/1.1 400 Bad\r\n"))) {
      assertThatThrownBy(() -> client(server, TlsMode.NONE).open())
          .isInstanceOf(ProtocolViolationException.class)
          .hasMessageContaining("malformed reply line")
          .hasMessageContaining("\"HTTP/1.1 400 Bad\"");
    }
  }

  @Test
  void endlessLineIsRefusedWithBoundedMemory() throws Exception {
    try (FaultServer server = FaultServer.start(FaultScript.create().endlessLine('2'))) {
      assertThatThrownBy(() -> client(server, TlsMode.NONE).open())
          .isInstanceOf(LimitExceededException.class)
          .hasMessageContaining("line too long");
    }
  }

  @Test
  void greetingRefusalIsAProtocolReply() throws Exception {
    try (FaultServer server =
        FaultServer.start(FaultScript.create().send("554 5.3.2 go away\r\n"))) {
      assertThatThrownBy(() -> client(server, TlsMode.NONE).open())
          .isInstanceOfSatisfying(
              ProtocolReplyException.class, e -> assertThat(e.reply().code()).isEqualTo(554))
          .hasMessageContaining("554 5.3.2 go away");
    }
  }

  @Test
  void xoauth2AsksForAFreshTokenWhenTheServerSaysTheFirstExpired() throws Exception {
    AtomicInteger asked = new AtomicInteger();
    AtomicBoolean challenged = new AtomicBoolean();
    try (FaultServer server =
        smtp(
            normalExcept(
                l -> {
                  if (l.startsWith("EHLO")) {
                    return "250-fault.test\r\n250 AUTH XOAUTH2\r\n";
                  }
                  if (l.startsWith("AUTH XOAUTH2 ")) {
                    String decoded =
                        new String(
                            Base64.getDecoder().decode(l.substring(13)), StandardCharsets.UTF_8);
                    if (decoded.equals(
                        "user=alice@example.org\u0001auth=Bearer token-2\u0001\u0001")) {
                      return "235 2.7.0 Accepted\r\n";
                    }
                    challenged.set(true);
                    return "334 eyJzdGF0dXMiOiI0MDEifQ==\r\n";
                  }
                  if (l.isEmpty() && challenged.getAndSet(false)) {
                    return "535 5.7.8 Username and Password not accepted (token expired)\r\n";
                  }
                  return null;
                }))) {
      SmtpClient client =
          SmtpClient.builder()
              .endpoint(ep(server))
              .tlsMode(TlsMode.NONE)
              .plaintextLogin(io.inetkit.core.PlaintextLogin.ALLOWED)
              .timeouts(QUICK)
              .credentials(
                  Credentials.oauth2("alice@example.org", () -> "token-" + asked.incrementAndGet()))
              .build();
      SendReceipt r = client.send(message());
      assertThat(r.finalReply().toString()).isEqualTo("250 2.0.0 queued as X1");
      assertThat(asked).hasValue(2);
      assertThat(server.received())
          .contains("AUTH XOAUTH2 ")
          .contains("MAIL FROM:<alice@example.org>");
    }
  }

  @Test
  void eventsShowTheConversationWithSecretsRedacted() throws Exception {
    java.util.List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    io.inetkit.core.EventListener recorder =
        new io.inetkit.core.EventListener() {
          @Override
          public void commandSent(Endpoint endpoint, String command) {
            seen.add("> " + command);
          }

          @Override
          public void replyReceived(Endpoint endpoint, String reply) {
            seen.add("< " + reply);
          }
        };
    try (FaultServer server = smtp(normalExcept(l -> null))) {
      client(server, TlsMode.NONE).newBuilder().events(recorder).build().send(message());
      String plain =
          Base64.getEncoder()
              .encodeToString("\0alice\0alice-secret".getBytes(StandardCharsets.UTF_8));
      assertThat(server.received()).contains(plain);
      assertThat(seen)
          .contains(
              "> EHLO localhost",
              "> AUTH PLAIN ***",
              "< 235 2.7.0 ok",
              "> MAIL FROM:<alice@example.org>",
              "> DATA",
              "< 250 2.0.0 queued as X1",
              "> QUIT");
      assertThat(String.join("\n", seen)).doesNotContain(plain).doesNotContain("alice-secret");
    }
  }

  @Test
  void refusedAuthIsAnAuthenticationErrorWithoutTheSecret() throws Exception {
    try (FaultServer server =
        smtp(
            normalExcept(
                l ->
                    l.startsWith("AUTH")
                        ? "535 5.7.8 Authentication credentials invalid\r\n"
                        : null))) {
      assertThatThrownBy(() -> client(server, TlsMode.NONE).open())
          .isInstanceOf(io.inetkit.core.AuthenticationException.class)
          .hasMessage(
              "AUTH PLAIN as alice: 535 5.7.8 Authentication credentials invalid ["
                  + ep(server)
                  + "]");
      assertThat(server.received()).doesNotContain("MAIL");
    }
  }
}
