package io.inetkit.core;

import java.time.Duration;
import java.util.Optional;

/**
 * A snapshot of a running transfer, as handed to a {@link ProgressListener}.
 *
 * <pre>{@code
 * ProgressListener bar = p -> System.err.printf("\r%s %5.1f%% %,.0f B/s eta %s",
 *     p.name(), p.fraction() * 100, p.bytesPerSecond(), p.remaining().orElse(null));
 * }</pre>
 *
 * @param name what is being transferred (a file name, a message UID, a selector)
 * @param bytesDone bytes moved so far
 * @param totalBytes the expected size, or {@code -1} when unknown
 * @param elapsed time since the transfer started
 */
public record TransferProgress(String name, long bytesDone, long totalBytes, Duration elapsed) {

  /**
   * Validates the snapshot.
   *
   * @param name what is being transferred; {@code null} reads as empty
   * @param bytesDone bytes moved so far; not negative
   * @param totalBytes the expected size in bytes, or {@code -1} when unknown
   * @param elapsed time since the transfer started; {@code null} reads as zero
   * @throws IllegalArgumentException when {@code bytesDone} is negative or {@code totalBytes} below
   *     -1
   */
  public TransferProgress {
    if (bytesDone < 0) {
      throw new IllegalArgumentException("bytesDone < 0");
    }
    if (totalBytes < -1) {
      throw new IllegalArgumentException("totalBytes < -1");
    }
    name = name == null ? "" : name;
    elapsed = elapsed == null ? Duration.ZERO : elapsed;
  }

  /** {@return whether the total size is known} */
  public boolean totalKnown() {
    return totalBytes >= 0;
  }

  /** {@return the average rate so far in bytes per second (0 before any time has passed)} */
  public double bytesPerSecond() {
    long nanos = elapsed.toNanos();
    return nanos <= 0 ? 0 : bytesDone * 1e9 / nanos;
  }

  /** {@return the fraction done between 0 and 1, or {@code -1} when the total is unknown} */
  public double fraction() {
    if (!totalKnown()) {
      return -1;
    }
    return totalBytes == 0 ? 1 : Math.min(1.0, (double) bytesDone / totalBytes);
  }

  /** {@return the estimated time left; empty when it cannot be estimated (size or rate unknown)} */
  public Optional<Duration> remaining() {
    double rate = bytesPerSecond();
    if (!totalKnown() || rate <= 0) {
      return Optional.empty();
    }
    return Optional.of(
        Duration.ofMillis((long) (Math.max(0, totalBytes - bytesDone) / rate * 1000)));
  }
}
