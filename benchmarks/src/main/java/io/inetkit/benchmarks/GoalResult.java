package io.inetkit.benchmarks;

/**
 * A goal checked on one network.
 *
 * @param goal the goal
 * @param network where it was checked
 * @param value the ratio (or ms, or MiB) figures: median, min, max over paired runs
 * @param verdict met, missed, or why it could not be checked
 * @param detail e.g. why not measured
 */
public record GoalResult(Goal goal, Network network, Stats value, Verdict verdict, String detail) {

  /** The outcome of a goal. */
  public enum Verdict {
    /** The median meets the target. */
    MET,
    /** The median misses the target. */
    MISSED,
    /** A cell the goal needs has no figures (missing peer, not yet available, failed). */
    NOT_MEASURED
  }

  /** Returns e.g. {@code 1.23x (1.20-1.31)}, {@code 412 ms} or the reason it was not measured. */
  public String describeValue() {
    if (verdict == Verdict.NOT_MEASURED) {
      return detail;
    }
    String unit =
        switch (goal.kind()) {
          case SPEED_AT_LEAST, TIME_AT_MOST -> "x";
          case MILLIS_AT_MOST -> " ms";
          case HEAP_MIB_AT_MOST -> " MiB";
        };
    if (value.count() == 1 || goal.kind() == Goal.Kind.HEAP_MIB_AT_MOST) {
      return Sizes.figure(value.median()) + unit;
    }
    return Sizes.figure(value.median())
        + unit
        + " ("
        + Sizes.figure(value.min())
        + "-"
        + Sizes.figure(value.max())
        + ")";
  }
}
