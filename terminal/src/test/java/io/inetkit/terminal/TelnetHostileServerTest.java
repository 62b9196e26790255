package io.inetkit.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inetkit.core.AuthenticationException;
import io.inetkit.core.ConnectionClosedException;
import io.inetkit.core.InetkitException;
import io.inetkit.core.InetkitTimeoutException;
import io.inetkit.core.LimitExceededException;
import io.inetkit.core.Timeouts;
import io.inetkit.testkit.RecordingEventListener;
import io.inetkit.testkit.fault.FaultScript;
import io.inetkit.testkit.fault.FaultServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** Servers that never prompt, flood, drop, or send garbage give typed errors within limits. */
class TelnetHostileServerTest {

  private static TelnetClient.Builder client(FaultServer server) {
    return TelnetClient.builder()
        .endpoint(server.host(), server.port())
        .expectTimeout(Duration.ofSeconds(10));
  }

  /** A client that negotiates nothing and maps bytes 1:1 to chars, to see the wire plainly. */
  private static TelnetClient rawLatin1(FaultServer server) {
    return client(server)
        .options(EnumSet.noneOf(TelnetOption.class))
        .charset(StandardCharsets.ISO_8859_1)
        .build();
  }

  @Test
  void serverThatNeverPromptsTimesOutWithTheCallsTimeout() throws Exception {
    try (FaultServer server = FaultServer.start(FaultScript.create().send("Welcome\r\n").stall());
        TelnetSession s = client(server).build().open()) {
      long start = System.nanoTime();
      assertThatThrownBy(() -> s.expect("$ ", Duration.ofMillis(500)))
          .isInstanceOf(InetkitTimeoutException.class)
          .hasMessageContaining("127.0.0.1:" + server.port())
          .hasMessageContaining("last received: \"Welcome\\r\\n\"")
          .hasMessageContaining("timed out after 500 ms");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
  }

  @Test
  void anExpectFedADripStillEndsAtTheOverallTimeLimit() throws Exception {
    // a byte every 100 ms: never silent for the read timeout, never the prompt
    Timeouts timeouts =
        new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofSeconds(1));
    try (FaultServer server =
            FaultServer.start(FaultScript.create().drip("x".repeat(200), Duration.ofMillis(100)));
        TelnetSession s = rawLatin1(server).newBuilder().timeouts(timeouts).build().open()) {
      assertThatThrownBy(() -> s.run("ls", Duration.ofSeconds(20)))
          .isInstanceOfSatisfying(
              InetkitTimeoutException.class,
              e -> assertThat(e.limit()).contains(InetkitTimeoutException.Limit.OVERALL))
          .hasMessageContaining("127.0.0.1:" + server.port())
          .hasMessageContaining("last received: \"x")
          .hasMessageEndingWith("(timed out after 1 s, the overall time limit)");
    }
  }

  @Test
  void aSendToAServerThatStoppedReadingEndsAtTheOverallTimeLimit() throws Exception {
    Timeouts timeouts =
        new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofSeconds(1));
    try (FaultServer server =
            FaultServer.start(
                FaultScript.create().send("hi\r\n").stopReading(Duration.ofSeconds(20)));
        TelnetSession s = rawLatin1(server).newBuilder().timeouts(timeouts).build().open()) {
      byte[] big = new byte[64 << 20]; // far more than the socket buffers hold
      assertThatThrownBy(() -> s.send(big))
          .isInstanceOfSatisfying(
              InetkitTimeoutException.class,
              e -> assertThat(e.limit()).contains(InetkitTimeoutException.Limit.OVERALL))
          .hasMessage(
              "send with 127.0.0.1:"
                  + server.port()
                  + " (timed out after 1 s, the overall time limit)");
    }
  }

  @Test
  void silentServerTimesOutWithTheIdleReadTimeoutWhenThatIsShorter() throws Exception {
    Timeouts timeouts = Timeouts.DEFAULT.withRead(Duration.ofMillis(300));
    try (FaultServer server = FaultServer.start(FaultScript.create().stall());
        TelnetSession s = client(server).timeouts(timeouts).build().open()) {
      assertThatThrownBy(() -> s.login("alice", "pw".toCharArray()))
          .isInstanceOf(InetkitTimeoutException.class)
          .hasMessageContaining("expect /(?i)(login|user ?name)")
          .satisfies(
              e ->
                  assertThat(((InetkitTimeoutException) e).timeout())
                      .isEqualTo(Duration.ofMillis(300)));
      assertThat(server.received()).doesNotContain("alice");
      assertThatThrownBy(() -> s.inputStream().read())
          .isInstanceOf(InetkitTimeoutException.class)
          .hasMessageContaining("reading from 127.0.0.1:" + server.port());
    }
  }

  @Test
  void floodWithoutThePromptHitsTheExpectBufferLimit() throws Exception {
    try (FaultServer server = FaultServer.start(FaultScript.create().endlessLine('x'));
        TelnetSession s = client(server).expectBufferLimit(64 * 1024).build().open()) {
      assertThatThrownBy(() -> s.run("anything"))
          .isInstanceOf(LimitExceededException.class)
          .hasMessageContaining("65536 bytes from 127.0.0.1:" + server.port() + " without a match")
          .hasMessageContaining("xxxxxxxx")
          .satisfies(e -> assertThat(((LimitExceededException) e).limit()).isEqualTo(65536));
    }
  }

  @Test
  void serverThatClosesMidOutputIsAConnectionClosedError() throws Exception {
    // The stall reads (and so drains) the client's opening option requests before the close:
    // closing at once races them, and open() itself then fails with a broken pipe.
    try (FaultServer server =
            FaultServer.start(
                FaultScript.create().send("partial outp").stall(Duration.ofMillis(300)).close());
        TelnetSession s = client(server).build().open()) {
      assertThatThrownBy(() -> s.expect("$ ", Duration.ofSeconds(5)))
          .isInstanceOf(ConnectionClosedException.class)
          .hasMessageContaining("closed the connection")
          .hasMessageContaining("\"partial outp\"");
    }
  }

  @Test
  void serverThatResetsTheConnectionIsAConnectionClosedError() throws Exception {
    try (FaultServer server =
            FaultServer.start(
                FaultScript.create().send("login: ").expectLine().sendThenDrop("Password: ", 4));
        TelnetSession s = client(server).build().open()) {
      assertThatThrownBy(() -> s.login("alice", "pw".toCharArray()))
          .isInstanceOf(ConnectionClosedException.class)
          .hasMessageContaining("127.0.0.1:" + server.port());
    }
  }

  @Test
  void serverThatEchoesThePasswordNeverGetsItIntoErrorsTranscriptOrEvents() throws Exception {
    RecordingEventListener recorder = new RecordingEventListener();
    FaultScript script =
        FaultScript.create()
            .send("login: ")
            .expectLine()
            .send("Password: ")
            .respond(line -> line + "\r\nLogin incorrect for " + line + "\r\nlogin: ");
    try (FaultServer server = FaultServer.start(script);
        TelnetSession s = client(server).eventListener(recorder).build().open()) {
      assertThatThrownBy(() -> s.login("alice", "hunter2".toCharArray()))
          .isInstanceOf(AuthenticationException.class)
          .hasMessageContaining("refused: LOGIN ***\r\nLogin incorrect")
          .hasMessageNotContaining("hunter2");
      assertThat(server.received()).contains("hunter2"); // it was sent, and echoed back
      assertThat(s.transcriptText()).contains("Login incorrect").doesNotContain("hunter2");
      assertThat(recorder.conversation())
          .anyMatch(r -> r.startsWith("< "))
          .noneMatch(r -> r.contains("hunter2"));
    }
  }

  @Test
  void garbageGivesATypedErrorNeverARuntimeException() throws Exception {
    try (FaultServer server = FaultServer.start(FaultScript.create().garbage(200_000).stall());
        TelnetSession s = client(server).expectBufferLimit(16 * 1024).build().open()) {
      assertThatThrownBy(() -> s.expect("no such text in garbage", Duration.ofSeconds(2)))
          .isInstanceOfAny(LimitExceededException.class, InetkitTimeoutException.class)
          .isInstanceOf(InetkitException.class);
    }
  }

  @Test
  void sentDataFollowsRfc854CrAndIacRules() throws Exception {
    try (FaultServer server = FaultServer.start(FaultScript.create().stall());
        TelnetSession s = rawLatin1(server).open()) {
      s.send("a\rb\nc\r\n");
      s.send(new byte[] {(byte) 0xff, 'z'});
      s.sendLine("end");
      long deadline = System.nanoTime() + 5_000_000_000L;
      while (!server.received().contains("end") && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(server.received()).isEqualTo("a\r\0b\r\nc\r\n\u00ff\u00ffzend\r\n");
    }
  }

  @Test
  void receivedDataIsDecodedIacUndoubledAndCrNulMadeCr() throws Exception {
    byte[] wire = {'x', '\r', 0, 'y', (byte) 0xff, (byte) 0xff, 'z', '\r', '\n', '$', ' '};
    try (FaultServer server = FaultServer.start(FaultScript.create().send(wire).stall());
        TelnetSession s = rawLatin1(server).open()) {
      assertThat(s.expect("$ ", Duration.ofSeconds(5)).before()).isEqualTo("x\ry\u00ffz\r\n");
    }
  }
}
