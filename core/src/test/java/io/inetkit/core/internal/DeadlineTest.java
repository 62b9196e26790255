package io.inetkit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inetkit.core.Endpoint;
import io.inetkit.core.InetkitTimeoutException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The one overall-deadline mechanism: checks between steps, and a watchdog for blocked calls. */
class DeadlineTest {
  private static final Endpoint EP = Endpoint.of("127.0.0.1", 1);

  @Test
  void theWatchdogClosesAReadBlockedOnASilentServerAndTheFailureIsExplainedAsTheTimeout()
      throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Socket client = new Socket()) {
      client.connect(new InetSocketAddress(server.getInetAddress(), server.getLocalPort()));
      try (Socket silent = server.accept()) {
        Deadline deadline = new Deadline(EP);
        deadline.watch(client);
        deadline.start(Duration.ofMillis(200), "greeting");
        // no read timeout at all: only the watchdog can end this read
        IOException failure = null;
        try {
          client.getInputStream().read();
        } catch (IOException e) {
          failure = e;
        }
        assertThat(failure).isNotNull();
        assertThat(deadline.expired()).isTrue();
        assertThat(deadline.explain(failure))
            .isInstanceOfSatisfying(
                InetkitTimeoutException.class,
                e -> assertThat(e.limit()).contains(InetkitTimeoutException.Limit.OVERALL))
            .hasMessage(
                "greeting with 127.0.0.1:1 (timed out after 200 ms, the overall time limit)")
            .hasCause(failure);
        deadline.close();
      }
    }
  }

  @Test
  void checkNamesThePhaseEnteredOnceTheDeadlineHasPassed() throws Exception {
    Deadline deadline = new Deadline(EP);
    deadline.start(Duration.ofMillis(1), "connect");
    Thread.sleep(5);
    assertThatThrownBy(() -> deadline.enter("LIST /pub"))
        .isInstanceOf(InetkitTimeoutException.class)
        .hasMessageStartingWith("LIST /pub with 127.0.0.1:1 (timed out after 1 ms");
    deadline.close();
  }

  @Test
  void anOperationThatEndsInTimeLeavesFailuresAsTheyAre() throws Exception {
    Deadline deadline = new Deadline(EP);
    deadline.start(Duration.ofMinutes(1), "RETR x");
    IOException refused = new IOException("refused");
    assertThat(deadline.explain(refused)).isSameAs(refused);
    deadline.check();
    deadline.clear();
    deadline.close();
  }

  @Test
  void anEnclosingScopeBoundsEveryDeadlineStartedInsideItAndIsTheLimitReported() throws Exception {
    try (Deadline.Scope scope = Deadline.enclose(Duration.ofMillis(1))) {
      Deadline deadline = new Deadline(EP);
      Thread.sleep(5);
      deadline.start(Duration.ofHours(1), "login");
      assertThat(deadline.limit()).isEqualTo(Duration.ofMillis(1));
      assertThatThrownBy(deadline::check)
          .isInstanceOf(InetkitTimeoutException.class)
          .hasMessageContaining(
              "login with 127.0.0.1:1 (timed out after 1 ms, the overall time limit)");
      deadline.close();
    }
    Deadline outside = new Deadline(EP);
    outside.start(Duration.ofHours(1), "login");
    assertThat(outside.limit()).isEqualTo(Duration.ofHours(1));
    outside.check();
    outside.close();
  }

  @Test
  void clampShortensSocketTimeoutsToTheTimeLeft() {
    Deadline deadline = new Deadline(EP);
    assertThat(deadline.clamp(30_000)).isEqualTo(30_000);
    deadline.start(Duration.ofSeconds(2), "connect");
    assertThat(deadline.clamp(30_000)).isBetween(1, 2000);
    assertThat(deadline.clamp(500)).isEqualTo(500);
    deadline.close();
  }
}
