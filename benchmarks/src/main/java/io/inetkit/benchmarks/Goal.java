package io.inetkit.benchmarks;

import java.util.Locale;

/**
 * A target from issue 10, checked against ratios computed run by run within the same invocation.
 *
 * @param kind what is compared
 * @param contender the contender being judged, by {@link Contender#name()}
 * @param baseline the contender compared against, or empty for absolute goals
 * @param target the ratio, milliseconds or MiB the goal names
 */
public record Goal(Kind kind, String contender, String baseline, double target) {

  /** What a goal compares. */
  public enum Kind {
    /** Per-unit speed of contender / baseline >= target. */
    SPEED_AT_LEAST,
    /** Per-unit time of contender / baseline <= target. */
    TIME_AT_MOST,
    /** Milliseconds per operation <= target. */
    MILLIS_AT_MOST,
    /** Peak heap in MiB <= target (max over runs). */
    HEAP_MIB_AT_MOST
  }

  /** {@code contender} must be at least {@code times} as fast as {@code baseline}. */
  public static Goal speedAtLeast(String contender, String baseline, double times) {
    return new Goal(Kind.SPEED_AT_LEAST, contender, baseline, times);
  }

  /** {@code contender} must take at most {@code times} the time of {@code baseline}. */
  public static Goal timeAtMost(String contender, String baseline, double times) {
    return new Goal(Kind.TIME_AT_MOST, contender, baseline, times);
  }

  /** {@code contender} must take at most {@code millis} per operation. */
  public static Goal millisAtMost(String contender, double millis) {
    return new Goal(Kind.MILLIS_AT_MOST, contender, "", millis);
  }

  /** {@code contender}'s peak heap must stay at or below {@code mib}. */
  public static Goal heapAtMost(String contender, double mib) {
    return new Goal(Kind.HEAP_MIB_AT_MOST, contender, "", mib);
  }

  /** Whether the goal compares two contenders (and so needs pairs). */
  public boolean paired() {
    return kind == Kind.SPEED_AT_LEAST || kind == Kind.TIME_AT_MOST;
  }

  /** Returns e.g. {@code inetkit (library) >= 1.1x curl}. */
  public String describe() {
    return switch (kind) {
      case SPEED_AT_LEAST ->
          String.format(Locale.ROOT, "%s >= %sx %s (speed)", contender, num(target), baseline);
      case TIME_AT_MOST ->
          String.format(Locale.ROOT, "%s <= %sx the time of %s", contender, num(target), baseline);
      case MILLIS_AT_MOST -> String.format(Locale.ROOT, "%s <= %s ms", contender, num(target));
      case HEAP_MIB_AT_MOST ->
          String.format(Locale.ROOT, "%s heap <= %s MiB", contender, num(target));
    };
  }

  /** Whether a measured value meets the goal. */
  public boolean met(double value) {
    return switch (kind) {
      case SPEED_AT_LEAST -> value >= target;
      case TIME_AT_MOST, MILLIS_AT_MOST, HEAP_MIB_AT_MOST -> value <= target;
    };
  }

  private static String num(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
  }
}
