package io.inetkit.mail.imap;

import io.inetkit.mail.MissingExtensionException;
import java.time.Duration;
import java.util.Objects;

/**
 * How an {@link ImapWatch} waits for changes.
 *
 * <pre>{@code
 * WatchOptions opts = WatchOptions.defaults().withPollInterval(Duration.ofMinutes(2));
 * }</pre>
 *
 * @param mode IDLE, polling, or IDLE when the server offers it ({@link Mode#AUTO})
 * @param reIdleAfter how long one IDLE lasts before it is ended and issued again (RFC 2177: servers
 *     may drop a client idle for 30 minutes; default 25 min)
 * @param pollInterval how often to poll (NOOP + UID SEARCH) without IDLE (default 60 s)
 * @param initialBackoff the first wait before reconnecting after a failure (default 1 s)
 * @param maxBackoff the longest wait between reconnection attempts (default 5 min)
 */
public record WatchOptions(
    Mode mode,
    Duration reIdleAfter,
    Duration pollInterval,
    Duration initialBackoff,
    Duration maxBackoff) {

  /** How to wait for changes. */
  public enum Mode {
    /** IDLE when the server announces it, else polling. */
    AUTO,
    /**
     * Always IDLE: {@link ImapClient#watch} throws {@link MissingExtensionException} on a server
     * without it.
     */
    IDLE,
    /** Always poll. */
    POLL
  }

  /**
   * Validates that every duration is positive and the IDLE period below 29 minutes.
   *
   * @param mode IDLE, polling or AUTO
   * @param reIdleAfter how long one IDLE lasts, below 29 minutes
   * @param pollInterval how often to poll without IDLE
   * @param initialBackoff the first wait before reconnecting
   * @param maxBackoff the longest wait between reconnection attempts
   */
  public WatchOptions {
    Objects.requireNonNull(mode, "mode");
    for (Duration d : new Duration[] {reIdleAfter, pollInterval, initialBackoff, maxBackoff}) {
      if (d == null || d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("durations must be positive");
      }
    }
    if (reIdleAfter.compareTo(Duration.ofMinutes(29)) >= 0) {
      throw new IllegalArgumentException("reIdleAfter must be below 29 minutes (RFC 2177)");
    }
  }

  /**
   * AUTO, 25 min IDLE, 60 s polling, backoff 1 s to 5 min.
   *
   * @return the default options
   */
  public static WatchOptions defaults() {
    return new WatchOptions(
        Mode.AUTO,
        Duration.ofMinutes(25),
        Duration.ofSeconds(60),
        Duration.ofSeconds(1),
        Duration.ofMinutes(5));
  }

  /**
   * {@return a copy with another mode}
   *
   * @param mode the mode
   */
  public WatchOptions withMode(Mode mode) {
    return new WatchOptions(mode, reIdleAfter, pollInterval, initialBackoff, maxBackoff);
  }

  /**
   * {@return a copy with another IDLE period}
   *
   * @param d how long one IDLE lasts, below 29 minutes
   */
  public WatchOptions withReIdleAfter(Duration d) {
    return new WatchOptions(mode, d, pollInterval, initialBackoff, maxBackoff);
  }

  /**
   * {@return a copy with another polling interval}
   *
   * @param d how often to poll
   */
  public WatchOptions withPollInterval(Duration d) {
    return new WatchOptions(mode, reIdleAfter, d, initialBackoff, maxBackoff);
  }

  /**
   * {@return a copy with other reconnection backoff bounds}
   *
   * @param initial the first wait before reconnecting
   * @param max the longest wait between attempts
   */
  public WatchOptions withBackoff(Duration initial, Duration max) {
    return new WatchOptions(mode, reIdleAfter, pollInterval, initial, max);
  }
}
