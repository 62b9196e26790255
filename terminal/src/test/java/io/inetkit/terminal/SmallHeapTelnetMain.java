package io.inetkit.terminal;

import io.inetkit.core.LimitExceededException;
import java.time.Duration;

/**
 * Run in a child JVM with {@code -Xmx64m} by {@link TelnetBoundedMemoryTest}: reads a large flood
 * through a session and meets a server that floods without a prompt. Prints {@code OK ...} and
 * exits 0 only if both end as they should.
 */
public final class SmallHeapTelnetMain {
  private SmallHeapTelnetMain() {}

  public static void main(String[] args) throws Exception {
    int telnetPort = Integer.parseInt(args[0]);
    int floodingPort = Integer.parseInt(args[1]);
    long size = Long.parseLong(args[2]);
    long read;
    try (TelnetSession s =
        TelnetClient.builder()
            .endpoint("127.0.0.1", telnetPort)
            .expectTimeout(Duration.ofSeconds(60))
            .build()
            .open()) {
      s.expect("$ ");
      read = TelnetFloodTest.FloodCheck.readFlood(s, size);
    }
    String outcome;
    try (TelnetSession s =
        TelnetClient.builder()
            .endpoint("127.0.0.1", floodingPort)
            .expectBufferLimit(8 << 20)
            .build()
            .open()) {
      s.expect("$ ", Duration.ofSeconds(60));
      outcome = "matched?!";
    } catch (LimitExceededException e) {
      outcome = "limit " + e.limit();
    }
    System.out.println("OK read=" + read + " flood=" + outcome);
  }
}
