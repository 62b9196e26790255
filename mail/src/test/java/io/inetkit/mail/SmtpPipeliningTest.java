package io.inetkit.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inetkit.core.Endpoint;
import io.inetkit.core.EventListener;
import io.inetkit.core.ProtocolReplyException;
import io.inetkit.mail.smtp.AllRecipientsRejectedException;
import io.inetkit.mail.smtp.SendOutcome;
import io.inetkit.mail.smtp.SendReceipt;
import io.inetkit.mail.smtp.SmtpClient;
import io.inetkit.mail.smtp.SmtpSession;
import io.inetkit.testkit.fault.FaultServer;
import io.inetkit.testkit.mail.SmtpSink;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * PIPELINING (RFC 2920) against testkit's sink over real sockets: MAIL FROM, every RCPT TO and DATA
 * go out before any reply is read, outcomes per recipient are the same as in lock-step, a failed
 * transaction is followed by RSET, and a server without PIPELINING gets lock-step.
 */
class SmtpPipeliningTest {

  /** Records the conversation as {@code > command} and {@code < code} entries. */
  static final class Conversation extends EventListener {
    final List<String> entries = new CopyOnWriteArrayList<>();

    @Override
    public void commandSent(Endpoint endpoint, String command) {
      entries.add("> " + command.split("[ :]")[0]);
    }

    @Override
    public void replyReceived(Endpoint endpoint, String reply) {
      entries.add("< " + reply.substring(0, 3));
    }

    /** The entries from the first MAIL on. */
    List<String> fromFirstMail() {
      return entries.subList(entries.indexOf("> MAIL"), entries.size());
    }
  }

  private static SmtpClient client(Endpoint ep, Conversation events) {
    return SmtpSessionTest.plain(ep).newBuilder().eventListener(events).build();
  }

  private static List<String> verbs(SmtpSink sink) {
    return sink.commands().stream().map(c -> c.split("[ :]")[0]).toList();
  }

  @Test
  void sendsMailRcptAndDataBeforeReadingAnyReplyAndKeepsPerRecipientReplies() throws Exception {
    Conversation talk = new Conversation();
    try (SmtpSink sink =
            SmtpSink.builder()
                .rejectRecipient("nobody@example.org", "550 5.1.1 no such user")
                .start();
        SmtpSession smtp = client(sink.endpoint(), talk).open()) {
      assertThat(smtp.capabilities().supports("PIPELINING")).isTrue();
      SendReceipt r =
          smtp.send(
              SmtpSessionTest.message(
                  1, "bob@example.org", "nobody@example.org", "carol@example.org"));

      assertThat(r.accepted())
          .extracting(x -> x.recipient().address())
          .containsExactly("bob@example.org", "carol@example.org");
      assertThat(r.rejected())
          .extracting(x -> x.recipient().address() + " " + x.reply())
          .containsExactly("nobody@example.org 550 5.1.1 no such user");
      assertThat(r.finalReply().toString()).isEqualTo("250 2.0.0 Ok: queued as 1");
      assertThat(talk.fromFirstMail())
          .startsWith(
              "> MAIL", "> RCPT", "> RCPT", "> RCPT", "> DATA", "< 250", "< 250", "< 550", "< 250",
              "< 354");
      assertThat(sink.messages()).singleElement().satisfies(m -> assertThat(m.rcptTo()).hasSize(2));
    }
  }

  @Test
  void batchOfAcceptedMessagesNeedsNoRset() throws Exception {
    try (SmtpSink sink = SmtpSink.start()) {
      List<SendOutcome> outcomes =
          SmtpSessionTest.plain(sink.endpoint())
              .sendAll(
                  List.of(
                      SmtpSessionTest.message(0, "bob@example.org"),
                      SmtpSessionTest.message(1, "bob@example.org"),
                      SmtpSessionTest.message(2, "bob@example.org")));
      assertThat(outcomes).allMatch(o -> o instanceof SendOutcome.Sent);
      assertThat(verbs(sink))
          .doesNotContain("RSET")
          .containsSubsequence(
              "MAIL", "RCPT", "DATA", "MAIL", "RCPT", "DATA", "MAIL", "RCPT", "DATA", "QUIT");
      assertThat(sink.messages()).hasSize(3);
    }
  }

  @Test
  void rejectedSenderWhilePipeliningIsTheSenderErrorAndTheNextMessageStartsWithRset()
      throws Exception {
    try (SmtpSink sink =
            SmtpSink.builder()
                .rejectSender("alice@example.org", "550 5.7.1 alice may not send")
                .start();
        SmtpSession smtp = SmtpSessionTest.plain(sink.endpoint()).open()) {
      assertThatThrownBy(() -> smtp.send(SmtpSessionTest.message(1, "bob@example.org")))
          .isInstanceOfSatisfying(
              ProtocolReplyException.class,
              e -> {
                assertThat(e.command()).isEqualTo("MAIL FROM:<alice@example.org>");
                assertThat(e.reply().code()).isEqualTo(550);
              });
      assertThat(sink.messages()).isEmpty();

      MailMessage fromCarol =
          MailMessage.builder()
              .from("carol@example.org")
              .to("bob@example.org")
              .subject("second")
              .text("hi")
              .build();
      assertThat(smtp.send(fromCarol).finalReply().isPositive()).isTrue();
      assertThat(verbs(sink))
          .containsSubsequence("MAIL", "RCPT", "DATA", "RSET", "MAIL", "RCPT", "DATA");
      assertThat(sink.messages())
          .singleElement()
          .satisfies(m -> assertThat(m.mailFrom()).isEqualTo("MAIL FROM:<carol@example.org>"));
    }
  }

  @Test
  void allRecipientsRejectedWhilePipeliningSendsNoDataAndTheBatchGoesOn() throws Exception {
    try (SmtpSink sink =
        SmtpSink.builder()
            .rejectRecipient("a@example.org", "550 5.1.1 unknown a")
            .rejectRecipient("b@example.org", "550 5.1.1 unknown b")
            .start()) {
      List<SendOutcome> outcomes =
          SmtpSessionTest.plain(sink.endpoint())
              .sendAll(
                  List.of(
                      SmtpSessionTest.message(0, "a@example.org", "b@example.org"),
                      SmtpSessionTest.message(1, "bob@example.org")));
      assertThat(outcomes.get(0))
          .isInstanceOfSatisfying(
              SendOutcome.Failed.class,
              f ->
                  assertThat(f.error())
                      .isInstanceOfSatisfying(
                          AllRecipientsRejectedException.class,
                          e -> assertThat(e.rejected()).hasSize(2)));
      assertThat(outcomes.get(1)).isInstanceOf(SendOutcome.Sent.class);
      assertThat(sink.messages())
          .singleElement()
          .satisfies(m -> assertThat(m.text()).contains("Subject: message 1"));
      assertThat(verbs(sink)).containsSubsequence("DATA", "RSET", "MAIL");
    }
  }

  @Test
  void dataInvitedAfterEveryRecipientWasRejectedGetsTheFinalDotAlone() throws Exception {
    ScriptedSmtp smtp =
        ScriptedSmtp.normalExcept(
            l ->
                l.startsWith("EHLO")
                    ? "250-fault.test\r\n250 PIPELINING\r\n"
                    : l.startsWith("RCPT TO:<nobody@") ? "550 5.1.1 no such user\r\n" : null);
    try (FaultServer server = ScriptedSmtp.start(smtp);
        SmtpSession session =
            SmtpSessionTest.plain(Endpoint.of(server.host(), server.port())).open()) {
      assertThatThrownBy(() -> session.send(SmtpSessionTest.message(1, "nobody@example.org")))
          .isInstanceOf(AllRecipientsRejectedException.class);
      assertThat(
              session.send(SmtpSessionTest.message(2, "bob@example.org")).finalReply().isPositive())
          .isTrue();
      assertThat(server.received()).contains("DATA\r\n.\r\nRSET\r\nMAIL FROM:");
      assertThat(smtp.messages()).hasSize(2).first().asString().isEmpty();
    }
  }

  @Test
  void serverWithoutPipeliningGetsLockStep() throws Exception {
    Conversation talk = new Conversation();
    try (SmtpSink sink = SmtpSink.builder().extensions("8BITMIME").start();
        SmtpSession smtp = client(sink.endpoint(), talk).open()) {
      smtp.send(SmtpSessionTest.message(1, "bob@example.org", "carol@example.org"));
      assertThat(talk.fromFirstMail())
          .startsWith("> MAIL", "< 250", "> RCPT", "< 250", "> RCPT", "< 250", "> DATA", "< 354");
      assertThat(sink.messages()).hasSize(1);
    }
  }
}
