package io.inetkit.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inetkit.core.Endpoint;
import io.inetkit.core.LimitExceededException;
import io.inetkit.core.Timeouts;
import io.inetkit.core.TlsMode;
import io.inetkit.mail.smtp.AllRecipientsRejectedException;
import io.inetkit.mail.smtp.DsnOptions;
import io.inetkit.mail.smtp.SendOutcome;
import io.inetkit.mail.smtp.SendReceipt;
import io.inetkit.mail.smtp.SmtpClient;
import io.inetkit.mail.smtp.SmtpSession;
import io.inetkit.testkit.mail.SmtpSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Extensions, partial success and batches, checked command by command against testkit's SMTP sink.
 */
class SmtpSessionTest {
  private static final Timeouts FAST =
      new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofMinutes(1));

  static SmtpClient plain(Endpoint ep) {
    return SmtpClient.builder()
        .endpoint(ep)
        .tlsMode(TlsMode.NONE)
        .plaintextLogin(io.inetkit.core.PlaintextLogin.ALLOWED)
        .timeouts(FAST)
        .build();
  }

  static MailMessage message(int i, String... to) {
    return MailMessage.builder()
        .from("alice@example.org")
        .to(to)
        .subject("message " + i)
        .text("body " + i)
        .build();
  }

  private static List<String> verbs(SmtpSink sink) {
    return sink.commands().stream().map(c -> c.split("[ :]")[0]).toList();
  }

  @Test
  void partialSuccessListsAcceptedAndRejectedRecipientsWithReplies() throws Exception {
    try (SmtpSink sink =
        SmtpSink.builder()
            .rejectRecipient("nobody@example.org", "550 5.1.1 <nobody@example.org>: no such user")
            .rejectRecipient("full@example.org", "452 4.2.2 mailbox full")
            .start()) {
      SendReceipt r =
          plain(sink.endpoint())
              .send(message(1, "bob@example.org", "nobody@example.org", "full@example.org"));

      assertThat(r.accepted())
          .extracting(x -> x.recipient().address())
          .containsExactly("bob@example.org");
      assertThat(r.rejected())
          .extracting(x -> x.recipient().address() + " " + x.reply())
          .containsExactly(
              "nobody@example.org 550 5.1.1 <nobody@example.org>: no such user",
              "full@example.org 452 4.2.2 mailbox full");
      assertThat(r.rejected().get(1).reply().isTransient()).isTrue();
      assertThat(r.finalReply().toString()).isEqualTo("250 2.0.0 Ok: queued as 1");
      assertThat(sink.messages()).hasSize(1);
    }
  }

  @Test
  void allRecipientsRejectedSendsNoDataAndListsEveryRefusal() throws Exception {
    try (SmtpSink sink =
            SmtpSink.builder()
                .extensions("8BITMIME") // lock-step: DATA is never sent
                .rejectRecipient("a@example.org", "550 5.1.1 unknown a")
                .rejectRecipient("b@example.org", "550 5.1.1 unknown b")
                .start();
        SmtpSession smtp = plain(sink.endpoint()).open()) {
      assertThatThrownBy(() -> smtp.send(message(1, "a@example.org", "b@example.org")))
          .isInstanceOfSatisfying(
              AllRecipientsRejectedException.class,
              e -> {
                assertThat(e.reply().code()).isEqualTo(550);
                assertThat(e.rejected()).hasSize(2);
                assertThat(e.endpoint()).isEqualTo(sink.endpoint());
              })
          .hasMessageContaining("550 5.1.1 unknown a")
          .hasMessageContaining(sink.endpoint().toString());
      assertThat(verbs(sink)).doesNotContain("DATA", "RSET").endsWith("RCPT");
      // the session stays usable: the unfinished transaction is reset before the next message
      assertThat(smtp.send(message(2, "c@example.org")).finalReply().isPositive()).isTrue();
      assertThat(verbs(sink)).containsSubsequence("RCPT", "RCPT", "RSET", "MAIL", "RCPT", "DATA");
    }
  }

  @Test
  void messageLargerThanSizeIsRefusedBeforeMailFrom() throws Exception {
    try (SmtpSink sink = SmtpSink.builder().extensions("SIZE 1000", "8BITMIME").start();
        SmtpSession smtp = plain(sink.endpoint()).open()) {
      assertThat(smtp.capabilities().maxSize()).hasValue(1000);
      MailMessage big = message(1, "bob@example.org").newBuilder().text("x".repeat(5000)).build();
      assertThatThrownBy(() -> smtp.send(big))
          .isInstanceOfSatisfying(
              LimitExceededException.class, e -> assertThat(e.limit()).isEqualTo(1000))
          .hasMessageContaining("larger than the SIZE 1000")
          .hasMessageContaining(sink.endpoint().toString());
      assertThat(verbs(sink)).doesNotContain("MAIL", "DATA");

      smtp.send(message(2, "bob@example.org"));
      SmtpSink.Message m = sink.waitForMessages(1, Duration.ofSeconds(5)).get(0);
      assertThat(m.mailFrom()).matches("MAIL FROM:<alice@example.org> SIZE=\\d+");
      long declared = Long.parseLong(m.mailFrom().replaceAll(".*SIZE=", ""));
      // the data on the wire adds the CRLF that ends the body's last line before the final dot
      assertThat(m.size()).isEqualTo(declared + 2);
    }
  }

  @Test
  void preparedFileDeclaresTheSizeOfWhatIsSentWithoutItsBccField(@TempDir Path dir)
      throws Exception {
    Path eml =
        Files.writeString(
            dir.resolve("p.eml"),
            "From: a@example.org\r\nTo: b@example.org\r\nBcc: hidden@example.org\r\n\r\nbody\r\n");
    try (SmtpSink sink = SmtpSink.builder().extensions("SIZE 100000").start()) {
      plain(sink.endpoint()).send(PreparedMessage.of(eml));
      SmtpSink.Message m = sink.waitForMessages(1, Duration.ofSeconds(5)).get(0);
      assertThat(m.rcptTo())
          .containsExactly("RCPT TO:<b@example.org>", "RCPT TO:<hidden@example.org>");
      assertThat(m.text()).isEqualTo("From: a@example.org\r\nTo: b@example.org\r\n\r\nbody\r\n");
      assertThat(m.mailFrom()).isEqualTo("MAIL FROM:<a@example.org> SIZE=" + m.size());
    }
  }

  @Test
  void dsnOptionsGoOnMailFromAndEachRcptWhenOffered() throws Exception {
    try (SmtpSink sink = SmtpSink.builder().extensions("DSN").start()) {
      DsnOptions dsn =
          DsnOptions.notifyOn(DsnOptions.Notify.FAILURE, DsnOptions.Notify.DELAY)
              .notifyOn(MailAddress.of("boss@example.org"), DsnOptions.Notify.SUCCESS)
              .withReturn(DsnOptions.Return.HEADERS)
              .withEnvelopeId("batch+42");
      plain(sink.endpoint()).send(message(1, "bob@example.org", "boss@example.org"), dsn);
      SmtpSink.Message m = sink.waitForMessages(1, Duration.ofSeconds(5)).get(0);
      assertThat(m.mailFrom()).isEqualTo("MAIL FROM:<alice@example.org> RET=HDRS ENVID=batch+2B42");
      assertThat(m.rcptTo())
          .containsExactly(
              "RCPT TO:<bob@example.org> NOTIFY=FAILURE,DELAY",
              "RCPT TO:<boss@example.org> NOTIFY=SUCCESS");
    }
  }

  @Test
  void dsnOptionsAreLeftOutWhenTheServerDoesNotOfferDsn() throws Exception {
    try (SmtpSink sink = SmtpSink.start()) {
      plain(sink.endpoint())
          .send(message(1, "bob@example.org"), DsnOptions.notifyOn(DsnOptions.Notify.NEVER));
      SmtpSink.Message m = sink.waitForMessages(1, Duration.ofSeconds(5)).get(0);
      assertThat(m.mailFrom()).isEqualTo("MAIL FROM:<alice@example.org>");
      assertThat(m.rcptTo()).containsExactly("RCPT TO:<bob@example.org>");
    }
  }

  @Test
  void internationalAddressNeedsSmtpUtf8() throws Exception {
    MailMessage intl =
        MailMessage.builder()
            .from("José <josé@exämple.org>")
            .to("用户@例子.广告")
            .subject("ünïcode")
            .text("hi")
            .build();
    try (SmtpSink without = SmtpSink.start()) {
      assertThatThrownBy(() -> plain(without.endpoint()).send(intl))
          .isInstanceOfSatisfying(
              MissingExtensionException.class, e -> assertThat(e.extension()).isEqualTo("SMTPUTF8"))
          .hasMessageContaining("internationalised address")
          .hasMessageContaining(without.endpoint().toString());
      assertThat(verbs(without)).doesNotContain("MAIL");
    }
    try (SmtpSink with = SmtpSink.builder().extensions("8BITMIME", "SMTPUTF8").start()) {
      plain(with.endpoint()).send(intl);
      SmtpSink.Message m = with.waitForMessages(1, Duration.ofSeconds(5)).get(0);
      assertThat(m.mailFrom()).isEqualTo("MAIL FROM:<josé@exämple.org> SMTPUTF8 BODY=8BITMIME");
      assertThat(m.rcptTo()).containsExactly("RCPT TO:<用户@例子.广告>");
      assertThat(m.text())
          .contains("To: 用户@例子.广告")
          .contains("From: =?UTF-8?Q?Jos=C3=A9?= <josé@exämple.org>");
    }
  }

  @Test
  void opportunisticStartTlsCarriesOnInPlainTextOnlyWhenAskedTo() throws Exception {
    try (SmtpSink sink = SmtpSink.start()) {
      SmtpClient opportunistic =
          plain(sink.endpoint()).newBuilder().tlsMode(TlsMode.STARTTLS_OPPORTUNISTIC).build();
      assertThat(opportunistic.send(message(1, "bob@example.org")).finalReply().isPositive())
          .isTrue();
      assertThatThrownBy(
              () ->
                  opportunistic
                      .newBuilder()
                      .tlsMode(TlsMode.STARTTLS_REQUIRED)
                      .build()
                      .send(message(2, "bob@example.org")))
          .isInstanceOf(io.inetkit.core.TlsException.class);
      assertThat(sink.messages()).hasSize(1);
    }
  }

  @Test
  void batchUsesOneConnectionWithoutRsetAfterAcceptedMessages() throws Exception {
    try (SmtpSink sink = SmtpSink.builder().extensions("8BITMIME").start()) {
      List<MailMessage> batch = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        batch.add(message(i, "bob@example.org"));
      }
      List<SendOutcome> outcomes = plain(sink.endpoint()).sendAll(batch);
      assertThat(outcomes).allMatch(o -> o instanceof SendOutcome.Sent);
      assertThat(outcomes).extracting(SendOutcome::index).containsExactly(0, 1, 2, 3);
      assertThat(sink.connections()).isEqualTo(1);
      assertThat(verbs(sink)).doesNotContain("RSET"); // a completed transaction resets the server
      assertThat(sink.messages()).hasSize(4);
    }
  }

  @Test
  void batchReconnectsAndCarriesOnAfter421() throws Exception {
    assertReconnects("421 4.3.2 Service shutting down");
  }

  private static void assertReconnects(String interruption) throws Exception {
    try (SmtpSink sink = SmtpSink.builder().interruptAfter(2, interruption).start()) {
      List<MailMessage> batch = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        batch.add(message(i, "bob@example.org"));
      }
      List<SendOutcome> outcomes = plain(sink.endpoint()).sendAll(batch);
      assertThat(outcomes).allMatch(o -> o instanceof SendOutcome.Sent);
      assertThat(outcomes)
          .extracting(o -> ((SendOutcome.Sent) o).wasRetried())
          .containsExactly(false, false, true, false, false);
      assertThat(sink.connections()).isEqualTo(2);
      assertThat(sink.messages())
          .extracting(SmtpSink.Message::text)
          .allMatch(t -> t.contains("Subject: message "))
          .hasSize(5);
    }
  }

  @Test
  void batchReconnectsAndCarriesOnAfterADroppedConnectionWithoutPipelining() throws Exception {
    try (SmtpSink sink =
        SmtpSink.builder().extensions("8BITMIME").interruptAfter(2, null).start()) {
      List<MailMessage> batch = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        batch.add(message(i, "bob@example.org"));
      }
      List<SendOutcome> outcomes = plain(sink.endpoint()).sendAll(batch);
      assertThat(outcomes)
          .extracting(o -> ((SendOutcome.Sent) o).wasRetried())
          .containsExactly(false, false, true, false, false);
      assertThat(sink.connections()).isEqualTo(2);
      assertThat(sink.messages()).hasSize(5);
    }
  }

  @Test
  void batchReportsAMessageWhoseReplyWasLostInADropAsFailedAndCarriesOn() throws Exception {
    // pipelined: message 1's final dot went out with message 2's envelope; the sink stored it but
    // dropped the connection with its 250 unsent, so nobody can say it was accepted
    try (SmtpSink sink = SmtpSink.builder().interruptAfter(2, null).start()) {
      List<MailMessage> batch = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        batch.add(message(i, "bob@example.org"));
      }
      List<SendOutcome> outcomes = plain(sink.endpoint()).sendAll(batch);
      assertThat(outcomes.get(1))
          .isInstanceOfSatisfying(
              SendOutcome.Failed.class,
              f ->
                  assertThat(f.error())
                      .isInstanceOf(io.inetkit.core.ConnectionClosedException.class)
                      .hasMessageContaining("end of the message data"));
      assertThat(outcomes)
          .extracting(o -> o instanceof SendOutcome.Sent s ? s.wasRetried() : null)
          .containsExactly(false, null, true, false, false);
      assertThat(sink.connections()).isEqualTo(2);
      assertThat(sink.messages()).hasSize(5);
    }
  }

  @Test
  void batchReconnectsAndSendsTheNextMessageWhenTheServerSays421AtRset() throws Exception {
    SendOutcome.Sent retried =
        assertRsetInterruptionIsRetried("421 4.4.2 idle too long, closing\r\n");
    assertThat(retried.retriedAfter())
        .singleElement()
        .isInstanceOfSatisfying(
            io.inetkit.core.ProtocolReplyException.class,
            e -> {
              assertThat(e.command()).isEqualTo("RSET");
              assertThat(e.reply().code()).isEqualTo(421);
            });
  }

  @Test
  void batchReconnectsAndSendsTheNextMessageWhenTheConnectionDropsAtRset() throws Exception {
    SendOutcome.Sent retried = assertRsetInterruptionIsRetried(ScriptedSmtp.DROP);
    assertThat(retried.retriedAfter())
        .singleElement()
        .isInstanceOf(io.inetkit.core.ConnectionClosedException.class)
        .extracting(Throwable::getMessage)
        .asString()
        .contains("RSET");
  }

  /**
   * Four messages; message 1's only recipient is refused, so the transaction stays open and the one
   * RSET (before message 2) gets {@code interruption}. Messages 0, 2 and 3 must arrive exactly once
   * and message 2 must say it was retried.
   */
  private static SendOutcome.Sent assertRsetInterruptionIsRetried(String interruption)
      throws Exception {
    ScriptedSmtp smtp =
        ScriptedSmtp.normalExcept(
            l ->
                l.equals("RSET")
                    ? interruption
                    : l.startsWith("RCPT TO:<nobody@") ? "550 5.1.1 no such user\r\n" : null);
    try (io.inetkit.testkit.fault.FaultServer server = ScriptedSmtp.start(smtp)) {
      List<MailMessage> batch =
          List.of(
              message(0, "bob@example.org"),
              message(1, "nobody@example.org"),
              message(2, "bob@example.org"),
              message(3, "bob@example.org"));
      List<SendOutcome> outcomes = plain(Endpoint.of(server.host(), server.port())).sendAll(batch);

      assertThat(outcomes.get(1))
          .isInstanceOfSatisfying(
              SendOutcome.Failed.class,
              f -> assertThat(f.error()).isInstanceOf(AllRecipientsRejectedException.class));
      assertThat(List.of(outcomes.get(0), outcomes.get(2), outcomes.get(3)))
          .allSatisfy(o -> assertThat(o).isInstanceOf(SendOutcome.Sent.class))
          .extracting(o -> ((SendOutcome.Sent) o).wasRetried())
          .containsExactly(false, true, false);
      assertThat(smtp.messages())
          .extracting(m -> m.replaceAll("(?s).*Subject: (message \\d+).*", "$1"))
          .containsExactly("message 0", "message 2", "message 3");
      assertThat(server.connections()).isEqualTo(2);
      assertThat(server.received().split("RSET\r\n", -1))
          .hasSize(2); // 1 RSET: none on the new connection
      return (SendOutcome.Sent) outcomes.get(2);
    }
  }

  @Test
  void sendAfterAFailedTransactionConnectsAgainWhenTheServerSays421AtRset() throws Exception {
    ScriptedSmtp smtp =
        ScriptedSmtp.normalExcept(
            l ->
                l.equals("RSET")
                    ? "421 4.4.2 idle too long, closing\r\n"
                    : l.startsWith("RCPT TO:<nobody@") ? "550 5.1.1 no such user\r\n" : null);
    try (io.inetkit.testkit.fault.FaultServer server = ScriptedSmtp.start(smtp);
        SmtpSession session = plain(Endpoint.of(server.host(), server.port())).open()) {
      assertThatThrownBy(() -> session.send(message(1, "nobody@example.org")))
          .isInstanceOf(AllRecipientsRejectedException.class);
      // the RSET before this message fails; it is not this message's failure: a new connection
      assertThat(session.send(message(2, "bob@example.org")).finalReply().isPositive()).isTrue();
      assertThat(server.connections()).isEqualTo(2);
      assertThat(smtp.messages()).singleElement().asString().contains("Subject: message 2");
    }
  }

  @Test
  void batchReportsARefusedMessageAndGoesOn() throws Exception {
    try (SmtpSink sink =
        SmtpSink.builder().rejectRecipient("nobody@example.org", "550 5.1.1 no").start()) {
      List<SendOutcome> outcomes =
          plain(sink.endpoint())
              .sendAll(
                  List.of(
                      message(0, "bob@example.org"),
                      message(1, "nobody@example.org"),
                      message(2, "bob@example.org")));
      assertThat(outcomes.get(0)).isInstanceOf(SendOutcome.Sent.class);
      assertThat(outcomes.get(1))
          .isInstanceOfSatisfying(
              SendOutcome.Failed.class,
              f -> assertThat(f.error()).isInstanceOf(AllRecipientsRejectedException.class));
      assertThat(outcomes.get(2)).isInstanceOf(SendOutcome.Sent.class);
      assertThat(sink.connections()).isEqualTo(1);
    }
  }

  @Test
  void aRefusedReconnectDoesNotHideTheTimeoutThatCausedIt() throws Exception {
    ScriptedSmtp smtp =
        ScriptedSmtp.normalExcept(
            l -> {
              if (l.startsWith("MAIL FROM")) {
                try {
                  Thread.sleep(3000); // past the read timeout: nothing of the message was committed
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              }
              return null;
            });
    try (io.inetkit.testkit.fault.FaultServer server = ScriptedSmtp.start(smtp);
        SmtpSession session =
            plain(Endpoint.of(server.host(), server.port()))
                .newBuilder()
                .timeouts(
                    new io.inetkit.core.Timeouts(
                        java.time.Duration.ofSeconds(2),
                        java.time.Duration.ofMillis(700),
                        java.time.Duration.ofMinutes(1)))
                .build()
                .open()) {
      server.refuseNewConnections(); // the retry's reconnect is refused
      List<SendOutcome> outcomes = session.sendAll(List.of(message(0, "bob@example.org")));
      assertThat(outcomes.get(0))
          .isInstanceOfSatisfying(
              SendOutcome.Failed.class,
              f -> {
                assertThat(f.error())
                    .isInstanceOf(io.inetkit.core.InetkitTimeoutException.class)
                    .hasMessageContaining("MAIL FROM");
                assertThat(f.error().getSuppressed())
                    .singleElement()
                    .isInstanceOf(io.inetkit.core.ConnectionException.class);
              });
    }
  }
}
