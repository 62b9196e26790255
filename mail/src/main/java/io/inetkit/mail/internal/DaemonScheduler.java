package io.inetkit.mail.internal;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/** The shared single-thread schedulers behind the mail module's watchdogs. */
final class DaemonScheduler {
  private DaemonScheduler() {}

  /**
   * One daemon thread named {@code threadName}. Cancelled tasks leave its queue at once instead of
   * waiting out their delay, so a long session (one task per message or operation) piles up none.
   */
  static ScheduledExecutorService single(String threadName) {
    ScheduledThreadPoolExecutor executor =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, threadName);
              t.setDaemon(true);
              return t;
            });
    executor.setRemoveOnCancelPolicy(true);
    return executor;
  }
}
