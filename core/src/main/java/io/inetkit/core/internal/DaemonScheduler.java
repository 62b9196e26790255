package io.inetkit.core.internal;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/** The shared single-thread schedulers behind inetkit's watchdogs. Not part of the public API. */
public final class DaemonScheduler {
  private DaemonScheduler() {}

  /**
   * One daemon thread named {@code threadName}. Cancelled tasks leave its queue at once instead of
   * waiting out their delay, so a long session (one task per message or operation) piles up none.
   */
  public static ScheduledExecutorService single(String threadName) {
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
