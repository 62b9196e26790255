package io.inetkit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LatencyProxyTest {

  @Test
  void relaysBytesInOrderAndDelaysEachDirection() throws Exception {
    byte[] payload = new byte[3 * 1024 * 1024 + 17];
    new Random(7).nextBytes(payload);
    try (ServerSocket echo = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread server = new Thread(() -> echoOnce(echo));
      server.start();
      try (LatencyProxy proxy =
              LatencyProxy.start(
                  echo.getLocalPort(), Duration.ofMillis(10), LatencyProxy.Mode.PLAIN);
          Socket s = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
        long start = System.nanoTime();
        s.getOutputStream().write(1);
        assertThat(s.getInputStream().read()).isEqualTo(1);
        long roundTripMillis = (System.nanoTime() - start) / 1_000_000;

        Thread writer = new Thread(() -> writeAll(s, payload));
        writer.start();
        byte[] back = s.getInputStream().readNBytes(payload.length);
        writer.join();

        assertThat(roundTripMillis)
            .as("one byte there and back crosses two 10 ms delays")
            .isGreaterThanOrEqualTo(20);
        assertThat(back).isEqualTo(payload);
      }
      server.join();
    }
  }

  @Test
  void ftpModeRelaysPassiveDataConnections() throws Exception {
    byte[] data = "file contents\n".getBytes(StandardCharsets.US_ASCII);
    try (ServerSocket control = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        ServerSocket dataListener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int p = dataListener.getLocalPort();
      try (LatencyProxy proxy =
          LatencyProxy.start(control.getLocalPort(), Duration.ofMillis(5), LatencyProxy.Mode.FTP)) {
        Thread serverReplies =
            new Thread(
                () -> {
                  try {
                    Socket c = control.accept();
                    c.getOutputStream()
                        .write(
                            ("227 Entering Passive Mode (127,0,0,1,"
                                    + p / 256
                                    + ","
                                    + p % 256
                                    + ").\r\n")
                                .getBytes(StandardCharsets.US_ASCII));
                    try (Socket d = dataListener.accept()) {
                      d.getOutputStream().write(data);
                    }
                    c.close();
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                });
        serverReplies.start();
        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
          BufferedReader in =
              new BufferedReader(
                  new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
          String reply = in.readLine();
          Matcher m = Pattern.compile("\\(127,0,0,1,(\\d+),(\\d+)\\)").matcher(reply);
          assertThat(m.find()).as(reply).isTrue();
          int relayed = Integer.parseInt(m.group(1)) * 256 + Integer.parseInt(m.group(2));
          assertThat(relayed).isNotEqualTo(p);
          try (Socket d = new Socket(InetAddress.getLoopbackAddress(), relayed)) {
            assertThat(d.getInputStream().readAllBytes()).isEqualTo(data);
          }
        }
        serverReplies.join();
      }
    }
  }

  private static void echoOnce(ServerSocket listener) {
    try (Socket s = listener.accept()) {
      InputStream in = s.getInputStream();
      OutputStream out = s.getOutputStream();
      in.transferTo(out);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void writeAll(Socket s, byte[] payload) {
    try {
      s.getOutputStream().write(payload);
      s.shutdownOutput();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
