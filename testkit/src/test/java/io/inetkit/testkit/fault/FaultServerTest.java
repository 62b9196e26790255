package io.inetkit.testkit.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inetkit.core.ConnectionClosedException;
import io.inetkit.core.ConnectionException;
import io.inetkit.core.Endpoint;
import io.inetkit.core.EventListener;
import io.inetkit.core.InetkitException;
import io.inetkit.core.InetkitTimeoutException;
import io.inetkit.core.LimitExceededException;
import io.inetkit.core.Timeouts;
import io.inetkit.core.internal.BoundedLineReader;
import io.inetkit.core.internal.Connector;
import io.inetkit.testkit.tls.TestPki;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each fault the server can script, observed by a client over a real socket. */
class FaultServerTest {
  private static final Timeouts FAST = Timeouts.DEFAULT.withRead(Duration.ofMillis(300));

  private static Socket connect(FaultServer server) throws IOException {
    return Connector.connect(
        Endpoint.of(server.host(), server.port()), false, null, FAST, EventListener.NONE);
  }

  @Test
  void scriptedDialogueIsPlayedAndRecorded() throws Exception {
    try (FaultServer server =
            FaultServer.start(
                FaultScript.create()
                    .send("220 hi\r\n")
                    .expectLine()
                    .send("250 ok\r\n")
                    .expectLine());
        Socket s = connect(server)) {
      BoundedLineReader in = new BoundedLineReader(s.getInputStream(), 1000, null);
      OutputStream out = s.getOutputStream();
      assertThat(in.readLine()).isEqualTo("220 hi");
      out.write("EHLO me\r\n".getBytes(StandardCharsets.US_ASCII));
      assertThat(in.readLine()).isEqualTo("250 ok");
      out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      assertThat(in.readLine()).isNull();
      assertThat(server.received()).isEqualTo("EHLO me\r\nQUIT\r\n");
      assertThat(server.connections()).isEqualTo(1);
    }
  }

  @Test
  void respondOnceAnswersOneLineThenTheScriptGoesOn() throws Exception {
    try (FaultServer server =
            FaultServer.start(
                FaultScript.create()
                    .respondOnce(line -> "first: " + line + "\r\n")
                    .send("between\r\n")
                    .respond(line -> "rest: " + line + "\r\n"));
        Socket s = connect(server)) {
      BoundedLineReader in = new BoundedLineReader(s.getInputStream(), 1000, null);
      OutputStream out = s.getOutputStream();
      out.write("a\r\nb\r\nc\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      assertThat(in.readLine()).isEqualTo("first: a");
      assertThat(in.readLine()).isEqualTo("between");
      assertThat(in.readLine()).isEqualTo("rest: b");
      assertThat(in.readLine()).isEqualTo("rest: c");
    }
  }

  @Test
  void pop3MailboxAnswersFromItsCountAndGeneratesListingsAsTheyAreSent() throws Exception {
    try (FaultServer server = FaultServer.start(FaultScript.pop3Mailbox(3));
        Socket s = connect(server)) {
      s.setSoTimeout(10_000);
      BoundedLineReader in = new BoundedLineReader(s.getInputStream(), 1000, null);
      OutputStream out = s.getOutputStream();
      out.write(
          "USER u\r\nPASS p\r\nSTAT\r\nLIST\r\nUIDL 2\r\nRETR 3\r\nLIST 4\r\nQUIT\r\n"
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      assertThat(in.readLine()).isEqualTo("+OK fault POP3 mailbox");
      assertThat(in.readLine()).isEqualTo("+OK");
      assertThat(in.readLine()).isEqualTo("+OK");
      assertThat(in.readLine()).isEqualTo("+OK 3 300");
      assertThat(List.of(in.readLine(), in.readLine(), in.readLine(), in.readLine(), in.readLine()))
          .containsExactly("+OK 3 messages", "1 100", "2 100", "3 100", ".");
      assertThat(in.readLine()).isEqualTo("+OK 2 uid-2");
      assertThat(in.readLine()).isEqualTo("+OK");
      StringBuilder message = new StringBuilder();
      for (String line = in.readLine(); !line.equals("."); line = in.readLine()) {
        message.append(line).append("\r\n");
      }
      assertThat(message).hasSize(100).startsWith("Subject: message 3\r\n\r\n");
      assertThat(in.readLine()).isEqualTo("-ERR no such message: 4");
      assertThat(in.readLine()).isEqualTo("+OK bye");
    }
  }

  @Test
  void respondLazilySendsAnEndlessReplyWithoutHoldingIt() throws Exception {
    try (FaultServer server =
            FaultServer.start(
                FaultScript.create()
                    .respondLazily(
                        line ->
                            java.util.stream.LongStream.iterate(1, i -> i + 1)
                                .mapToObj(i -> line + " " + i + "\r\n")
                                .iterator()));
        Socket s = connect(server)) {
      s.setSoTimeout(10_000); // the first 64 KiB of pieces go out together
      BoundedLineReader in = new BoundedLineReader(s.getInputStream(), 1000, null);
      s.getOutputStream().write("x\r\n".getBytes(StandardCharsets.US_ASCII));
      s.getOutputStream().flush();
      String line = null;
      for (int i = 0; i < 1_000_000; i++) {
        line = in.readLine();
      }
      assertThat(line).isEqualTo("x 1000000");
    }
  }

  @Test
  void bindsTheLoopbackAddressItIsGivenAndNoOther() throws Exception {
    java.net.InetAddress v6 = java.net.InetAddress.getByName("::1");
    org.junit.jupiter.api.Assumptions.assumeTrue(bindable(v6), "::1 is not available here");
    try (FaultServer server = FaultServer.start(FaultScript.create().send("220 six\r\n"), v6);
        Socket s = connect(server)) {
      assertThat(server.host()).isEqualTo("0:0:0:0:0:0:0:1");
      assertThat(new BoundedLineReader(s.getInputStream(), 1000, null).readLine())
          .isEqualTo("220 six");
    }
    assertThatThrownBy(
            () ->
                FaultServer.start(FaultScript.create(), java.net.InetAddress.getByName("0.0.0.0")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("loopback");
  }

  private static boolean bindable(java.net.InetAddress address) {
    try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, address)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Test
  void stallGivesTheClientATimeout() throws Exception {
    try (FaultServer server = FaultServer.start(FaultScript.create().stall());
        Socket s = connect(server)) {
      BoundedLineReader in = new BoundedLineReader(s.getInputStream(), 1000, null);
      assertThatThrownBy(in::readLine).isInstanceOf(java.net.SocketTimeoutException.class);
    }
  }

  @Test
  void endlessLineIsCutByTheLineLimit() throws Exception {
    try (FaultServer server = FaultServer.start(FaultScript.create().endlessLine('x'));
        Socket s = connect(server)) {
      BoundedLineReader in = new BoundedLineReader(s.getInputStream(), 10_000, null);
      assertThatThrownBy(in::readLine)
          .isInstanceOf(LimitExceededException.class)
          .hasMessageContaining("10000");
    }
  }

  @Test
  void dropMidReplyEndsTheStream() throws Exception {
    try (FaultServer server =
        FaultServer.start(FaultScript.create().sendThenDrop("220 partial reply\r\n", 7))) {
      // The RST can overtake the 7 bytes, and can even arrive while the client is still setting
      // up its socket: either way the client sees the cut line and the end, or a closed connection.
      try (Socket s = connect(server)) {
        BoundedLineReader in = new BoundedLineReader(s.getInputStream(), 1000, null);
        assertThat(in.readLine()).isEqualTo("220 par"); // the cut line, then the end
        assertThat(in.readLine()).isNull();
      } catch (IOException reset) {
        IOException seen =
            reset instanceof InetkitException
                ? reset
                : Connector.translate(
                    reset, "read", Endpoint.of("127.0.0.1", server.port()), Duration.ofSeconds(1));
        assertThat(seen)
            .isInstanceOfAny(ConnectionClosedException.class, ConnectionException.class);
      }
    }
  }

  @Test
  void garbageIsReproducible() throws Exception {
    byte[] first;
    try (FaultServer server = FaultServer.start(FaultScript.create().garbage(1000));
        Socket s = connect(server)) {
      first = s.getInputStream().readAllBytes();
    }
    try (FaultServer server = FaultServer.start(FaultScript.create().garbage(1000));
        Socket s = connect(server)) {
      assertThat(s.getInputStream().readAllBytes()).hasSize(1000).isEqualTo(first);
    }
  }

  @Test
  void startTlsStepUpgradesTheConnection() throws Exception {
    TestPki pki = TestPki.create();
    try (FaultServer server =
        FaultServer.start(
            FaultScript.create()
                .send("220 ready\r\n")
                .expectLine()
                .send("220 go ahead\r\n")
                .startTls(pki.serverSslContext())
                .respond(line -> "250 echo " + line + "\r\n"))) {
      Endpoint ep = Endpoint.of("localhost", server.port());
      Socket plain = connect(server);
      BoundedLineReader in = new BoundedLineReader(plain.getInputStream(), 1000, ep);
      assertThat(in.readLine()).isEqualTo("220 ready");
      plain.getOutputStream().write("STARTTLS\r\n".getBytes(StandardCharsets.US_ASCII));
      assertThat(in.readLine()).isEqualTo("220 go ahead");
      try (Socket tls =
          Connector.startTls(plain, ep, pki.clientTrust(), FAST, EventListener.NONE)) {
        tls.getOutputStream().write("NOOP\r\n".getBytes(StandardCharsets.US_ASCII));
        BoundedLineReader tin = new BoundedLineReader(tls.getInputStream(), 1000, ep);
        assertThat(tin.readLine()).isEqualTo("250 echo NOOP");
      }
      assertThat(server.received()).contains("STARTTLS\r\n").contains("NOOP\r\n");
    }
  }

  @Test
  void silentAcceptTimesOutThroughConnectorTranslation() throws Exception {
    try (FaultServer server = FaultServer.start(FaultScript.create().stall());
        Socket s = connect(server)) {
      Endpoint ep = Endpoint.of(server.host(), server.port());
      IOException failure = null;
      try {
        s.getInputStream().read();
      } catch (IOException e) {
        failure = Connector.translate(e, "read greeting", ep, FAST.read());
      }
      assertThat(failure)
          .isInstanceOf(InetkitTimeoutException.class)
          .hasMessageContaining("300 ms");
    }
  }
}
