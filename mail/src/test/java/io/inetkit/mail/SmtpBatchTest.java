package io.inetkit.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inetkit.core.ConnectionClosedException;
import io.inetkit.core.Endpoint;
import io.inetkit.core.InetkitException;
import io.inetkit.core.ProtocolReplyException;
import io.inetkit.mail.smtp.AllRecipientsRejectedException;
import io.inetkit.mail.smtp.SendOutcome;
import io.inetkit.mail.smtp.SmtpClient;
import io.inetkit.mail.smtp.SmtpSession;
import io.inetkit.testkit.fault.FaultScript;
import io.inetkit.testkit.fault.FaultServer;
import io.inetkit.testkit.mail.MailProtocol;
import io.inetkit.testkit.mail.MailServer;
import io.inetkit.testkit.mail.SmtpSink;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Batches over real sockets: message N's end of data goes out with message N+1's envelope where the
 * server offers PIPELINING, every message gets its own exact outcome when the server refuses one or
 * drops the connection, a server without PIPELINING gets lock-step, and a pool of sessions sends
 * everything once and leaves no thread behind.
 */
class SmtpBatchTest {

  /**
   * A pipelining server that refuses the {@code rejectAt}-th message's data (from 1) with {@code
   * rejection}, or drops the connection there when {@code rejection} is null.
   */
  private static class Server implements Function<String, String> {
    final List<String> accepted = new CopyOnWriteArrayList<>();
    private final int rejectAt;
    private final String rejection;
    private int ended; // across connections: the server's count of ends of data
    // per connection (FaultServer serves each on its own thread): a pool's sessions interleave
    private final ThreadLocal<String> subject = new ThreadLocal<>();
    private final ThreadLocal<Boolean> data = ThreadLocal.withInitial(() -> false);

    Server(int rejectAt, String rejection) {
      this.rejectAt = rejectAt;
      this.rejection = rejection;
    }

    @Override
    public synchronized String apply(String line) {
      if (data.get()) {
        if (line.startsWith("Subject: ")) {
          subject.set(line.substring(9));
        }
        if (!line.equals(".")) {
          return "";
        }
        data.set(false);
        if (++ended == rejectAt) {
          return rejection == null ? null : rejection + "\r\n";
        }
        accepted.add(subject.get());
        return "250 2.0.0 queued as Q" + ended + "\r\n";
      }
      if (line.startsWith("EHLO")) {
        return "250-fault.test\r\n250 PIPELINING\r\n";
      }
      if (line.equals("DATA")) {
        data.set(true);
        return "354 go ahead\r\n";
      }
      return line.equals("QUIT") ? "221 bye\r\n" : "250 ok\r\n";
    }
  }

  private static List<MailMessage> five(String... recipients) {
    List<MailMessage> batch = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      batch.add(
          SmtpSessionTest.message(i, recipients.length == 0 ? "bob@example.org" : recipients[i]));
    }
    return batch;
  }

  private static FaultServer start(Server server) throws Exception {
    return FaultServer.start(FaultScript.create().send("220 fault.test ESMTP\r\n").respond(server));
  }

  @Test
  void endOfDataGoesOutWithTheNextEnvelopeAndEveryReplyIsMatchedToItsMessage() throws Exception {
    SmtpPipeliningTest.Conversation talk = new SmtpPipeliningTest.Conversation();
    try (SmtpSink sink = SmtpSink.start()) {
      List<SendOutcome> outcomes =
          SmtpSessionTest.plain(sink.endpoint())
              .newBuilder()
              .eventListener(talk)
              .build()
              .sendAll(five());
      assertThat(outcomes).allMatch(o -> o instanceof SendOutcome.Sent);
      assertThat(outcomes)
          .extracting(o -> ((SendOutcome.Sent) o).receipt().finalReply().text())
          .containsExactly(
              "2.0.0 Ok: queued as 1",
              "2.0.0 Ok: queued as 2",
              "2.0.0 Ok: queued as 3",
              "2.0.0 Ok: queued as 4",
              "2.0.0 Ok: queued as 5");
      List<String> fromMail = talk.fromFirstMail();
      // message 0's envelope, then message 1's envelope is sent before message 0's 250 is read
      assertThat(fromMail)
          .startsWith(
              "> MAIL", "> RCPT", "> DATA", "< 250", "< 250", "< 354", "> MAIL", "> RCPT", "> DATA",
              "< 250", "< 250", "< 250", "< 354");
      assertThat(sink.messages())
          .extracting(m -> m.text().contains("Subject: message 4"))
          .containsExactly(false, false, false, false, true);
    }
  }

  @Test
  void messageThreeRefusedAtRcptIsFailedAndTheOthersAreSent() throws Exception {
    try (SmtpSink sink =
        SmtpSink.builder()
            .rejectRecipient("nobody@example.org", "550 5.1.1 no such user")
            .start()) {
      List<SendOutcome> outcomes =
          SmtpSessionTest.plain(sink.endpoint())
              .sendAll(
                  five(
                      "a@example.org",
                      "b@example.org",
                      "nobody@example.org",
                      "d@example.org",
                      "e@example.org"));
      assertThat(outcomes.get(2))
          .isInstanceOfSatisfying(
              SendOutcome.Failed.class,
              f -> assertThat(f.error()).isInstanceOf(AllRecipientsRejectedException.class));
      assertThat(outcomes)
          .extracting(o -> o instanceof SendOutcome.Sent)
          .containsExactly(true, true, false, true, true);
      assertThat(sink.messages())
          .extracting(m -> m.rcptTo().get(0))
          .containsExactly(
              "RCPT TO:<a@example.org>",
              "RCPT TO:<b@example.org>",
              "RCPT TO:<d@example.org>",
              "RCPT TO:<e@example.org>");
      assertThat(sink.connections()).isEqualTo(1);
    }
  }

  @Test
  void messageThreeRefusedAtTheEndOfItsDataIsFailedWithThatReply() throws Exception {
    Server script = new Server(3, "554 5.7.1 looks like spam");
    try (FaultServer server = start(script)) {
      List<SendOutcome> outcomes =
          SmtpSessionTest.plain(Endpoint.of(server.host(), server.port())).sendAll(five());
      assertThat(outcomes)
          .extracting(o -> o instanceof SendOutcome.Sent)
          .containsExactly(true, true, false, true, true);
      assertThat(((SendOutcome.Failed) outcomes.get(2)).error())
          .isInstanceOfSatisfying(
              ProtocolReplyException.class,
              e -> assertThat(e.reply().toString()).isEqualTo("554 5.7.1 looks like spam"));
      assertThat(outcomes)
          .filteredOn(o -> o instanceof SendOutcome.Sent)
          .extracting(o -> ((SendOutcome.Sent) o).receipt().finalReply().text())
          .containsExactly(
              "2.0.0 queued as Q1",
              "2.0.0 queued as Q2",
              "2.0.0 queued as Q4",
              "2.0.0 queued as Q5");
      assertThat(script.accepted)
          .containsExactly("message 0", "message 1", "message 3", "message 4");
      assertThat(server.received()).doesNotContain("RSET"); // the end of data ended message 3
    }
  }

  @Test
  void aServerWithoutPipeliningGetsLockStep() throws Exception {
    SmtpPipeliningTest.Conversation talk = new SmtpPipeliningTest.Conversation();
    try (MailServer greenMail = MailServer.builder().protocols(MailProtocol.SMTP).start()) {
      assertThat(greenMail.endpoint(MailProtocol.SMTP)).isNotNull();
      SmtpClient client =
          SmtpSessionTest.plain(greenMail.endpoint(MailProtocol.SMTP))
              .newBuilder()
              .eventListener(talk)
              .build();
      List<SendOutcome> outcomes = client.sendAll(five());
      assertThat(outcomes).allMatch(o -> o instanceof SendOutcome.Sent);
      List<String> fromMail = talk.fromFirstMail();
      assertThat(fromMail)
          .startsWith("> MAIL", "< 250", "> RCPT", "< 250", "> DATA", "< 354", "< 250", "> MAIL");
      assertThat(greenMail.waitForMessages(5, java.time.Duration.ofSeconds(10))).hasSize(5);
    }
  }

  @Test
  void aDropAfterTheThirdMessagesDataReportsItUnsureAndTheAcceptedOnesSent() throws Exception {
    Server script = new Server(3, null); // drops the connection on message 3's final dot
    try (FaultServer server = start(script)) {
      Endpoint ep = Endpoint.of(server.host(), server.port());
      try (SmtpSession smtp = SmtpSessionTest.plain(ep).open()) {
        server.refuseNewConnections(); // the session cannot connect again
        List<SendOutcome> outcomes = smtp.sendAll(five());
        assertThat(outcomes)
            .extracting(o -> o instanceof SendOutcome.Sent)
            .containsExactly(true, true, false, false, false);
        assertThat(((SendOutcome.Failed) outcomes.get(2)).error())
            .isInstanceOf(ConnectionClosedException.class)
            .hasMessageContaining("end of the message data"); // the server may hold it
        // message 4's envelope went out with message 3's dot: it was tried again, and reconnecting
        // failed; the drop is the cause
        InetkitException fourth = ((SendOutcome.Failed) outcomes.get(3)).error();
        assertThat(fourth).isInstanceOf(ConnectionClosedException.class);
        assertThat(fourth.getSuppressed()).isNotEmpty();
        assertThat(((SendOutcome.Failed) outcomes.get(4)).error())
            .isInstanceOf(InetkitException.class);
        assertThat(script.accepted).containsExactly("message 0", "message 1");
      }
    }
  }

  @Test
  void aPoolSendsEveryMessageOnceOverSeveralSessionsAndLeavesNoThread() throws Exception {
    try (SmtpSink sink = SmtpSink.start()) {
      List<MailMessage> batch = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        batch.add(SmtpSessionTest.message(i, "bob@example.org"));
      }
      List<SendOutcome> outcomes = SmtpSessionTest.plain(sink.endpoint()).sendAll(batch, 3);
      assertThat(outcomes)
          .extracting(SendOutcome::index)
          .containsExactly(java.util.stream.IntStream.range(0, 20).boxed().toArray(Integer[]::new));
      assertThat(outcomes).allMatch(o -> o instanceof SendOutcome.Sent);
      assertThat(sink.connections()).isEqualTo(3);
      assertThat(sink.messages())
          .extracting(m -> m.text().replaceAll("(?s).*Subject: (message \\d+).*", "$1"))
          .containsExactlyInAnyOrder(
              java.util.stream.IntStream.range(0, 20)
                  .mapToObj(i -> "message " + i)
                  .toArray(String[]::new));
      assertThat(Thread.getAllStackTraces().keySet())
          .noneMatch(t -> t.getName().startsWith("inetkit-smtp-session-") && t.isAlive());
    }
  }

  @Test
  void aPoolSessionThatCannotReconnectFailsWhatItTookAndTheServerHoldsExactlyTheSentOnes()
      throws Exception {
    FaultServer[] self = new FaultServer[1];
    Server script =
        new Server(3, null) {
          @Override
          public synchronized String apply(String line) {
            String reply = super.apply(line);
            if (reply == null) {
              self[0].refuseNewConnections(); // the session that lost its connection stays down
            }
            return reply;
          }
        };
    try (FaultServer server = start(script)) {
      self[0] = server;
      List<MailMessage> batch = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        batch.add(SmtpSessionTest.message(i, "bob@example.org"));
      }
      List<SendOutcome> outcomes =
          SmtpSessionTest.plain(Endpoint.of(server.host(), server.port())).sendAll(batch, 2);
      // every message has exactly one outcome, at its position, even the one a session had
      // taken ahead (and composed) when its connection dropped
      assertThat(outcomes)
          .extracting(SendOutcome::index)
          .containsExactly(java.util.stream.IntStream.range(0, 10).boxed().toArray(Integer[]::new));
      List<String> sent =
          outcomes.stream()
              .filter(o -> o instanceof SendOutcome.Sent)
              .map(o -> "message " + o.index())
              .toList();
      assertThat(script.accepted).containsExactlyInAnyOrderElementsOf(sent);
      assertThat(outcomes).anyMatch(o -> o instanceof SendOutcome.Failed);
    }
  }

  @Test
  void aPoolThatCannotOpenAnySessionThrowsTheFirstFailure() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    SmtpClient client = SmtpSessionTest.plain(Endpoint.of("127.0.0.1", closedPort));
    assertThatThrownBy(() -> client.sendAll(five(), 3)).isInstanceOf(InetkitException.class);
    assertThatThrownBy(() -> client.sendAll(five(), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
