package io.inetkit.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import io.inetkit.testkit.telnet.TelnetServer;
import java.io.InputStream;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * A fast stream read completely and correctly: data decoded in blocks by inetkit, negotiation
 * answered by Commons Net with its reader thread off, the configuration that avoids NET-501 ("Queue
 * is full") and NET-456 (hangs). In process with 2 MiB (size via {@code
 * -Dinetkit.telnet.quickFloodBytes}); the large one, {@link #SIZE} = 21 MiB ({@code
 * -Dinetkit.telnet.floodBytes}), runs in a 64 MiB child JVM in {@link TelnetBoundedMemoryTest}.
 */
class TelnetFloodTest {
  static final long SIZE = Long.getLong("inetkit.telnet.floodBytes", 21L << 20);
  static final long QUICK_SIZE = Long.getLong("inetkit.telnet.quickFloodBytes", 2L << 20);

  @Test
  void readsAFloodOfOutputFullyAndCorrectlyThenTheSessionGoesOn() throws Exception {
    try (TelnetServer server = TelnetServer.start();
        TelnetSession s =
            TelnetClient.builder()
                .endpoint(server.endpoint())
                .expectTimeout(Duration.ofSeconds(30))
                .build()
                .open()) {
      s.expect("$ ");
      long start = System.nanoTime();
      long read = FloodCheck.readFlood(s, QUICK_SIZE);
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          "telnet flood: %d bytes in %.2f s (%.1f MiB/s)%n",
          read, seconds, read / seconds / (1 << 20));
      assertThat(read).isEqualTo(QUICK_SIZE);
      assertThat(s.run("echo after")).isEqualTo("after\n");
    }
  }

  /** Shared by this test and the small-heap child JVM. */
  static final class FloodCheck {
    private FloodCheck() {}

    /**
     * Runs {@code flood size}, compares every byte with the expected content, awaits the prompt.
     */
    static long readFlood(TelnetSession s, long size) throws Exception {
      s.sendLine("flood " + size);
      s.expect("flood " + size + "\r\n"); // the server's echo of the command
      InputStream in = s.inputStream();
      byte[] got = new byte[256 * 1024];
      byte[] want = new byte[got.length];
      long total = 0;
      try (InputStream expected = TelnetServer.floodContent(size)) {
        while (total < size) {
          int n = in.read(got, 0, (int) Math.min(got.length, size - total));
          if (n < 0) {
            throw new AssertionError("stream ended after " + total + " of " + size + " bytes");
          }
          if (expected.readNBytes(want, 0, n) != n || !Arrays.equals(got, 0, n, want, 0, n)) {
            throw new AssertionError(
                "flood content differs in bytes " + total + ".." + (total + n));
          }
          total += n;
        }
      }
      s.expect("$ ");
      return total;
    }
  }
}
