package io.inetkit.benchmarks;

import java.time.Duration;

/**
 * One timed execution of one contender.
 *
 * @param elapsed the time the work took (what "elapsed" covers is stated per contender)
 * @param work bytes or items moved, or operations timed (see {@link Metric})
 * @param memory peak memory during the execution
 */
public record Sample(Duration elapsed, long work, Memory memory) {

  /** Validates that time and work are positive. */
  public Sample {
    if (elapsed.isNegative() || elapsed.isZero()) {
      elapsed = Duration.ofNanos(1);
    }
    if (work < 0) {
      throw new IllegalArgumentException("work must be >= 0, was " + work);
    }
  }

  /** Returns this sample with another memory figure. */
  public Sample withMemory(Memory other) {
    return new Sample(elapsed, work, other);
  }
}
