package io.inetkit.transfer.ftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.inetkit.core.ConnectionException;
import io.inetkit.core.Credentials;
import io.inetkit.core.Endpoint;
import io.inetkit.core.InetkitTimeoutException;
import io.inetkit.core.InetkitTimeoutException.Limit;
import io.inetkit.core.LimitExceededException;
import io.inetkit.core.Timeouts;
import io.inetkit.core.TlsMode;
import io.inetkit.testkit.fault.FaultFtpServer;
import io.inetkit.testkit.fault.FaultScript;
import io.inetkit.testkit.fault.FaultServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The overall time limit ({@link Timeouts#overall()}) bounds every phase of FTP: connect, greeting,
 * login, each command and the transfer itself; a mirror of an endless tree ends at a limit; and a
 * retry never hides the failure that caused it.
 */
class FtpDeadlineTest {
  private static final Duration GUARD = Duration.ofSeconds(30);

  @TempDir Path tmp;

  private static FtpClient.Builder client(String host, int port, Timeouts timeouts) {
    return FtpClient.builder()
        .endpoint(Endpoint.of(host, port))
        .tlsMode(TlsMode.NONE)
        .credentials(Credentials.password("alice", "s3cret-pw".toCharArray()))
        .timeouts(timeouts);
  }

  private static Timeouts overall(Duration overall) {
    return new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(10), overall);
  }

  @Test
  void aFileThatDripsInEndsAtTheOverallTimeLimit() throws IOException {
    // 100 bytes, one per 50 ms: every read gets a byte long before the read timeout
    try (FaultFtpServer server =
            FaultFtpServer.slowFile("slow.bin", 100, Duration.ofMillis(50)).start();
        FtpSession ftp =
            client(server.host(), server.port(), overall(Duration.ofSeconds(1))).build().open()) {
      Path target = tmp.resolve("slow.bin");
      assertTimeoutPreemptively(
          GUARD,
          () ->
              assertThatThrownBy(() -> ftp.get("slow.bin", target))
                  .isInstanceOfSatisfying(
                      InetkitTimeoutException.class,
                      e -> assertThat(e.limit()).contains(Limit.OVERALL))
                  .hasMessageStartingWith("RETR slow.bin with 127.0.0.1:" + server.port())
                  .hasMessageEndingWith("(timed out after 1 s, the overall time limit)"));
      assertThat(target).doesNotExist();
    }
  }

  @Test
  void aReplyDelayedPastTheOverallTimeLimitEndsThere() throws IOException {
    try (FaultFtpServer server =
            FaultFtpServer.empty().delayReplyTo("LIST", Duration.ofSeconds(8)).start();
        FtpSession ftp =
            client(server.host(), server.port(), overall(Duration.ofSeconds(1))).build().open()) {
      assertTimeoutPreemptively(
          GUARD,
          () ->
              assertThatThrownBy(() -> ftp.list("/pub"))
                  .isInstanceOf(InetkitTimeoutException.class)
                  .hasMessage(
                      "LIST /pub with 127.0.0.1:"
                          + server.port()
                          + " (timed out after 1 s, the overall time limit)"));
    }
  }

  @Test
  void aReplyLaterThanTheReadTimeoutNamesTheReadTimeout() throws IOException {
    Timeouts t = new Timeouts(Duration.ofSeconds(5), Duration.ofMillis(500), Duration.ofMinutes(1));
    try (FaultFtpServer server =
            FaultFtpServer.empty().delayReplyTo("SIZE", Duration.ofSeconds(3)).start();
        FtpSession ftp = client(server.host(), server.port(), t).build().open()) {
      assertTimeoutPreemptively(
          GUARD,
          () ->
              assertThatThrownBy(() -> ftp.size("x"))
                  .isInstanceOfSatisfying(
                      InetkitTimeoutException.class,
                      e -> assertThat(e.limit()).contains(Limit.READ))
                  .hasMessage(
                      "SIZE x with 127.0.0.1:"
                          + server.port()
                          + " (timed out after 500 ms, the read timeout)"));
    }
  }

  @Test
  void anOverallLimitShorterThanTheLoginEndsTheOpen() throws IOException {
    // PASS is answered after 2 s: a warm JVM logs in to a prompt server in well under 1 ms, so
    // the limit must be crossed by a wait, not by the client's own speed
    try (FaultFtpServer server =
        FaultFtpServer.empty().delayReplyTo("PASS", Duration.ofSeconds(2)).start()) {
      FtpClient hasty =
          client(server.host(), server.port(), overall(Duration.ofMillis(300))).build();
      assertTimeoutPreemptively(
          GUARD,
          () ->
              assertThatThrownBy(hasty::open)
                  .isInstanceOfSatisfying(
                      InetkitTimeoutException.class,
                      e -> assertThat(e.limit()).contains(Limit.OVERALL))
                  .hasMessageContaining("(timed out after 300 ms, the overall time limit)"));
    }
  }

  @Test
  void aGreetingThatDripsInEndsAtTheOverallTimeLimit() throws IOException {
    FaultScript drip =
        FaultScript.create().drip("220 a greeting that takes its time\r\n", Duration.ofMillis(200));
    try (FaultServer server = FaultServer.start(drip)) {
      FtpClient c = client(server.host(), server.port(), overall(Duration.ofMillis(1500))).build();
      assertTimeoutPreemptively(
          GUARD,
          () ->
              assertThatThrownBy(c::open)
                  .isInstanceOf(InetkitTimeoutException.class)
                  .hasMessage(
                      "greeting with 127.0.0.1:"
                          + server.port()
                          + " (timed out after 1.5 s, the overall time limit)"));
    }
  }

  @Test
  void aSilentGreetingNamesTheConnectTimeoutItWasAwaitedWith() throws IOException {
    Timeouts t =
        new Timeouts(Duration.ofMillis(700), Duration.ofSeconds(20), Duration.ofMinutes(1));
    try (FaultServer server = FaultServer.start(FaultScript.create().stall())) {
      FtpClient c = client(server.host(), server.port(), t).build();
      assertTimeoutPreemptively(
          GUARD,
          () ->
              assertThatThrownBy(c::open)
                  .isInstanceOfSatisfying(
                      InetkitTimeoutException.class,
                      e -> {
                        assertThat(e.limit()).contains(Limit.CONNECT);
                        assertThat(e.timeout()).isEqualTo(Duration.ofMillis(700));
                      })
                  .hasMessage(
                      "greeting with 127.0.0.1:"
                          + server.port()
                          + " (timed out after 700 ms, the connect timeout)"));
    }
  }

  @Test
  void aMirrorOfAnEndlessTreeStopsAtTheDepthLimitWithAShortMessage() throws IOException {
    try (FaultFtpServer server = FaultFtpServer.endlessTree().start();
        FtpSession ftp =
            client(server.host(), server.port(), Timeouts.DEFAULT)
                .maxMirrorDepth(10)
                .build()
                .open()) {
      assertTimeoutPreemptively(
          GUARD,
          () ->
              assertThatThrownBy(() -> ftp.mirrorDown("/", tmp.resolve("m"), MirrorMode.ALL))
                  .isInstanceOfSatisfying(
                      LimitExceededException.class,
                      e -> {
                        assertThat(e.limit()).isEqualTo(10);
                        assertThat(e.getMessage())
                            .startsWith("mirror of / stopped at /d/d/d/d/d/d/d/d/d/d/d:")
                            .contains("more than 10 folders deep (maxMirrorDepth)");
                      }));
      assertThat(server.deepestListing()).isEqualTo(10);
    }
  }

  @Test
  void theDefaultLimitsEndAnEndlessTreeAndLongPathsAreAbbreviated() throws IOException {
    try (FaultFtpServer server = FaultFtpServer.endlessTree().start();
        FtpSession ftp = client(server.host(), server.port(), Timeouts.DEFAULT).build().open()) {
      assertTimeoutPreemptively(
          GUARD,
          () ->
              assertThatThrownBy(() -> ftp.mirrorDown("/", tmp.resolve("m"), MirrorMode.ALL))
                  .isInstanceOfSatisfying(
                      LimitExceededException.class,
                      e -> {
                        assertThat(e.limit()).isEqualTo(64);
                        assertThat(e.getMessage()).hasSizeLessThan(300).contains("…");
                      }));
      assertTimeoutPreemptively(
          GUARD,
          () ->
              assertThatThrownBy(() -> ftp.deleteRecursively("/d"))
                  .isInstanceOfSatisfying(
                      LimitExceededException.class, e -> assertThat(e.limit()).isEqualTo(64)));
    }
  }

  @Test
  void aMirrorStopsAtTheEntryLimit() throws IOException {
    try (FaultFtpServer server = FaultFtpServer.endlessTree().start();
        FtpSession ftp =
            client(server.host(), server.port(), Timeouts.DEFAULT)
                .maxMirrorEntries(5)
                .build()
                .open()) {
      assertThatThrownBy(() -> ftp.mirrorDown("/", tmp.resolve("m"), MirrorMode.ALL))
          .isInstanceOfSatisfying(
              LimitExceededException.class, e -> assertThat(e.limit()).isEqualTo(5))
          .hasMessageContaining("more than 5 entries (maxMirrorEntries)");
    }
  }

  @Test
  void aRefusedReconnectDoesNotHideTheTimeoutThatCausedIt() throws IOException {
    // the data connection goes silent (one byte per 2 s, data timeout 300 ms); the reconnect
    // finds the server gone
    try (FaultFtpServer server =
            FaultFtpServer.slowFile("slow.bin", 10, Duration.ofSeconds(2)).start();
        FtpSession ftp =
            client(server.host(), server.port(), Timeouts.DEFAULT)
                .dataTimeout(Duration.ofMillis(300))
                .retries(2)
                .build()
                .open()) {
      server.refuseNewConnections();
      assertTimeoutPreemptively(
          GUARD,
          () ->
              assertThatThrownBy(() -> ftp.get("slow.bin", tmp.resolve("s")))
                  .isInstanceOfSatisfying(
                      InetkitTimeoutException.class,
                      e -> {
                        assertThat(e.timeout()).isEqualTo(Duration.ofMillis(300));
                        assertThat(e.getSuppressed())
                            .singleElement()
                            .isInstanceOf(ConnectionException.class);
                      }));
    }
  }

  @Test
  void nothingIsLeftOverAfterAnOperationThatEndedInTime() throws IOException {
    try (FaultFtpServer server =
            FaultFtpServer.slowFile("slow.bin", 3, Duration.ofMillis(1)).start();
        FtpSession ftp =
            client(server.host(), server.port(), overall(Duration.ofMillis(800))).build().open()) {
      for (int i = 0; i < 3; i++) { // each operation has its own 800 ms
        Path target = tmp.resolve("s" + i);
        ftp.get("slow.bin", target);
        assertThat(Files.readString(target)).isEqualTo("xxx");
        sleep(Duration.ofMillis(400));
      }
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
