package io.inetkit.benchmarks;

/** How a workload's samples are shown: a rate (higher is better) or a time (lower is better). */
public enum Metric {
  /** Mebibytes per second: work is counted in bytes. */
  MIB_PER_SECOND,
  /** Items (messages, files) per second: work is counted in items. */
  ITEMS_PER_SECOND,
  /** Milliseconds per operation: work is the number of operations timed. */
  MILLIS;

  /** Returns the value shown for one sample: a rate, or milliseconds per operation. */
  public double value(Sample sample) {
    double seconds = sample.elapsed().toNanos() / 1e9;
    return switch (this) {
      case MIB_PER_SECOND -> sample.work() / (1024.0 * 1024.0) / seconds;
      case ITEMS_PER_SECOND -> sample.work() / seconds;
      case MILLIS -> seconds * 1000.0 / Math.max(1, sample.work());
    };
  }

  /** Whether a larger value is better. */
  public boolean higherIsBetter() {
    return this != MILLIS;
  }

  /** Returns the unit label, e.g. {@code MiB/s} or {@code msg/s}. */
  public String unit(String itemName) {
    return switch (this) {
      case MIB_PER_SECOND -> "MiB/s";
      case ITEMS_PER_SECOND -> itemName + "/s";
      case MILLIS -> "ms";
    };
  }
}
