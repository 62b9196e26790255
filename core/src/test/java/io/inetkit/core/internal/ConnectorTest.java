package io.inetkit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inetkit.core.ConnectionClosedException;
import io.inetkit.core.ConnectionException;
import io.inetkit.core.Endpoint;
import io.inetkit.core.InetkitException;
import io.inetkit.core.InetkitTimeoutException;
import io.inetkit.core.Timeouts;
import io.inetkit.core.TlsException;
import io.inetkit.core.Trust;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.NoRouteToHostException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ConnectorTest {
  private static final Duration SHORT = Duration.ofMillis(300);
  private static final Timeouts TIMEOUTS =
      new Timeouts(Duration.ofSeconds(5), SHORT, Duration.ofMinutes(1));

  private static ServerSocket loopbackServer() throws IOException {
    return new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
  }

  private static Endpoint endpointOf(ServerSocket server) {
    return Endpoint.of("127.0.0.1", server.getLocalPort());
  }

  @Test
  void connectsWithReadTimeoutAndBigBuffersAndReportsEvents() throws Exception {
    RecordingEvents events = new RecordingEvents();
    try (ServerSocket server = loopbackServer()) {
      Endpoint ep = endpointOf(server);
      try (Socket s = Connector.connect(ep, false, Trust.system(), TIMEOUTS, events);
          Socket peer = server.accept()) {
        assertThat(s.isConnected()).isTrue();
        assertThat(s.getSoTimeout()).isEqualTo(300);
        assertThat(s.getTcpNoDelay()).isTrue();
        peer.getOutputStream().write("220 ready\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(new BoundedLineReader(s.getInputStream(), 100, ep).readLine())
            .isEqualTo("220 ready");
      }
      assertThat(events.events).containsExactly("connectStart " + ep, "connectEnd " + ep);
    }
  }

  @Test
  void refusedPortIsConnectionException() throws Exception {
    Endpoint ep;
    try (ServerSocket server = loopbackServer()) {
      ep = endpointOf(server);
    }
    RecordingEvents events = new RecordingEvents();
    Endpoint target = ep;
    assertThatThrownBy(() -> Connector.connect(target, false, Trust.system(), TIMEOUTS, events))
        .isInstanceOf(ConnectionException.class)
        .hasMessageStartingWith("connect to " + ep + " failed: ")
        .hasCauseInstanceOf(ConnectException.class)
        .satisfies(e -> assertThat(((InetkitException) e).endpoint()).isEqualTo(target));
    assertThat(events.events)
        .containsExactly("connectStart " + ep, "connectFailed " + ep + " ConnectionException");
  }

  @Test
  void silentServerTimesOutOnRead() throws Exception {
    try (ServerSocket server = loopbackServer()) {
      Endpoint ep = endpointOf(server);
      try (Socket s =
              Connector.connect(ep, false, Trust.system(), TIMEOUTS, new RecordingEvents());
          Socket peer = server.accept()) {
        BoundedLineReader reader = new BoundedLineReader(s.getInputStream(), 100, ep);
        IOException raw =
            org.junit.jupiter.api.Assertions.assertThrows(IOException.class, reader::readLine);
        InetkitException e = Connector.translate(raw, "reading the greeting", ep, TIMEOUTS.read());
        assertThat(e)
            .isInstanceOf(InetkitTimeoutException.class)
            .hasMessage("reading the greeting to " + ep + " (timed out after 300 ms)");
        assertThat(((InetkitTimeoutException) e).timeout()).isEqualTo(SHORT);
      }
    }
  }

  @Test
  void implicitTlsAgainstSilentPlainServerTimesOut() throws Exception {
    Timeouts quickConnect = TIMEOUTS.withConnect(SHORT);
    RecordingEvents events = new RecordingEvents();
    try (ServerSocket server = loopbackServer()) {
      Endpoint ep = endpointOf(server);
      assertThatThrownBy(() -> Connector.connect(ep, true, Trust.system(), quickConnect, events))
          .isInstanceOf(InetkitTimeoutException.class)
          .hasMessageContaining("TLS handshake to " + ep);
      assertThat(events.events)
          .containsExactly(
              "connectStart " + ep,
              "tlsStart " + ep,
              "connectFailed " + ep + " InetkitTimeoutException");
    }
  }

  @Test
  void implicitTlsAgainstGarbageIsTlsException() throws Exception {
    try (ServerSocket server = loopbackServer()) {
      Endpoint ep = endpointOf(server);
      Thread t =
          new Thread(
              () -> {
                try (Socket peer = server.accept()) {
                  OutputStream out = peer.getOutputStream();
                  out.write(
                      "220 plain text, no TLS here\r\n"
                          .repeat(20)
                          .getBytes(StandardCharsets.US_ASCII));
                  out.flush();
                  peer.getInputStream().read();
                } catch (IOException ignored) {
                  // the client gave up
                }
              });
      t.start();
      assertThatThrownBy(
              () -> Connector.connect(ep, true, Trust.system(), TIMEOUTS, new RecordingEvents()))
          .isInstanceOf(TlsException.class)
          .hasMessageStartingWith("TLS handshake with " + ep + " failed: ");
      t.join(5000);
    }
  }

  @Test
  void implicitTlsPortGuessIgnoresEphemeralPortsThatEndInTheSameDigits() {
    assertThat(Connector.looksLikeImplicitTls(465)).isTrue();
    assertThat(Connector.looksLikeImplicitTls(990)).isTrue();
    assertThat(Connector.looksLikeImplicitTls(3993)).isTrue();
    assertThat(Connector.looksLikeImplicitTls(3995)).isTrue();
    assertThat(Connector.looksLikeImplicitTls(587)).isFalse();
    // A server bound to port 0 may get 39465 or 50993: a stall there must stay a timeout.
    assertThat(Connector.looksLikeImplicitTls(39465)).isFalse();
    assertThat(Connector.looksLikeImplicitTls(50993)).isFalse();
    assertThat(Connector.looksLikeImplicitTls(10990)).isFalse();
  }

  @Test
  void translateMapsJdkExceptions() {
    Endpoint ep = Endpoint.of("mail.example.org", 25);
    Duration d = Duration.ofSeconds(30);
    assertThat(Connector.translate(new SocketTimeoutException("Read timed out"), "RETR 1", ep, d))
        .isInstanceOf(InetkitTimeoutException.class)
        .hasMessage("RETR 1 to mail.example.org:25 (timed out after 30 s)");
    assertThat(Connector.translate(new UnknownHostException("mail.example.org"), "connect", ep, d))
        .isExactlyInstanceOf(ConnectionException.class)
        .hasMessage("connect: unknown host mail.example.org [mail.example.org:25]");
    assertThat(Connector.translate(new ConnectException("Connection refused"), "connect", ep, d))
        .isExactlyInstanceOf(ConnectionException.class)
        .hasMessage("connect to mail.example.org:25 failed: Connection refused");
    assertThat(Connector.translate(new NoRouteToHostException("No route"), "connect", ep, d))
        .isExactlyInstanceOf(ConnectionException.class);
    assertThat(
            Connector.translate(
                new SSLHandshakeException("PKIX path building failed"), "STARTTLS", ep, d))
        .isExactlyInstanceOf(TlsException.class)
        .hasMessage("STARTTLS with mail.example.org:25 failed: PKIX path building failed");
    assertThat(Connector.translate(new EOFException(), "DATA", ep, d))
        .isExactlyInstanceOf(ConnectionClosedException.class)
        .hasMessage("DATA: connection to mail.example.org:25 closed: EOFException");
    assertThat(Connector.translate(new SocketException("Connection reset"), "DATA", ep, d))
        .isExactlyInstanceOf(ConnectionClosedException.class);
    IOException other = new IOException("disk full");
    assertThat(Connector.translate(other, "RETR x", ep, d))
        .isExactlyInstanceOf(InetkitException.class)
        .hasMessage("RETR x with mail.example.org:25 failed: disk full")
        .hasCause(other);
    InetkitException already = new ConnectionException("x", ep, null);
    assertThat(Connector.translate(already, "y", ep, d)).isSameAs(already);
  }

  @Test
  void closeQuietlySwallowsFailures() {
    AtomicInteger closes = new AtomicInteger();
    assertThatCode(() -> Connector.closeQuietly(null)).doesNotThrowAnyException();
    assertThatCode(
            () ->
                Connector.closeQuietly(
                    () -> {
                      closes.incrementAndGet();
                      throw new IOException("boom");
                    }))
        .doesNotThrowAnyException();
    assertThat(closes).hasValue(1);
  }
}
