package io.inetkit.core;

import java.time.Duration;
import java.util.Objects;

/**
 * The time limits every inetkit connection runs under. All are finite: there is no "wait forever".
 *
 * <pre>{@code
 * Timeouts t = Timeouts.DEFAULT.withRead(Duration.ofSeconds(10));
 * }</pre>
 *
 * @param connect how long to wait for the TCP (and TLS) connection; default 30 s
 * @param read how long a connection may stay silent while a reply or the next bytes of a transfer
 *     are awaited (the idle timeout); default 60 s
 * @param overall the longest any single operation (one command, one login, one whole transfer) may
 *     take, however busy the connection; default 1 h, raise it for very large transfers
 */
public record Timeouts(Duration connect, Duration read, Duration overall) {

  /** 30 s to connect, 60 s idle, 1 h per operation. */
  public static final Timeouts DEFAULT =
      new Timeouts(Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofHours(1));

  /**
   * Validates that every limit is positive and below 24 days (an {@code int} of millis).
   *
   * @param connect how long to wait for the TCP (and TLS) connection
   * @param read how long a connection may stay silent while something is awaited
   * @param overall the longest one operation may take
   * @throws InvalidInputException when a limit is null, zero, negative or longer than about 24 days
   */
  public Timeouts {
    connect = requirePositive("connect", connect);
    read = requirePositive("read", read);
    overall = requirePositive("overall", overall);
  }

  private static Duration requirePositive(String name, Duration d) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new InvalidInputException(name, "timeout must be positive, was " + d);
    }
    if (d.toMillis() > Integer.MAX_VALUE) {
      throw new InvalidInputException(name, "timeout too large (max ~24 days), was " + d);
    }
    return d;
  }

  /**
   * {@return a copy with another connect timeout}
   *
   * @param connect the new connect timeout; positive
   */
  public Timeouts withConnect(Duration connect) {
    return new Timeouts(connect, read, overall);
  }

  /**
   * {@return a copy with another read (idle) timeout}
   *
   * @param read the new read (idle) timeout; positive
   */
  public Timeouts withRead(Duration read) {
    return new Timeouts(connect, read, overall);
  }

  /**
   * {@return a copy with another overall per-operation timeout}
   *
   * @param overall the new overall timeout; positive
   */
  public Timeouts withOverall(Duration overall) {
    return new Timeouts(connect, read, overall);
  }

  /** {@return the connect timeout in milliseconds, as socket APIs take it} */
  public int connectMillis() {
    return (int) connect.toMillis();
  }

  /** {@return the read timeout in milliseconds, as socket APIs take it} */
  public int readMillis() {
    return (int) read.toMillis();
  }

  /**
   * Formats a duration for messages: {@code 250 ms}, {@code 30 s}, {@code 2 min}.
   *
   * @param d the duration
   * @return its text in the largest unit that keeps it exact (to the millisecond under two minutes)
   */
  public static String format(Duration d) {
    if (d.toMillis() < 1000) {
      return d.toMillis() + " ms";
    }
    if (d.toSeconds() < 120 || d.toMillis() % 60_000 != 0) {
      return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() / 1000.0 + " s";
    }
    return d.toMinutes() + " min";
  }
}
