package io.inetkit.benchmarks;

import java.util.Locale;

/** Formatting of sizes and figures for tables. */
public final class Sizes {
  /** One mebibyte. */
  public static final long MIB = 1024L * 1024L;

  /** One gibibyte. */
  public static final long GIB = 1024L * MIB;

  private Sizes() {}

  /** Returns e.g. {@code 1 GiB}, {@code 10 MiB}, {@code 512 KiB}. */
  public static String bytes(long n) {
    if (n >= GIB && n % (GIB / 10) == 0) {
      return trim(n / (double) GIB) + " GiB";
    }
    if (n >= MIB) {
      return trim(n / (double) MIB) + " MiB";
    }
    if (n >= 1024) {
      return trim(n / 1024.0) + " KiB";
    }
    return n + " B";
  }

  /** Returns e.g. {@code 10,000}. */
  public static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** Returns a figure with three significant digits and thousands separators. */
  public static String figure(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return "-";
    }
    if (v >= 100) {
      return String.format(Locale.ROOT, "%,.0f", v);
    }
    if (v >= 10) {
      return String.format(Locale.ROOT, "%.1f", v);
    }
    if (v >= 1) {
      return String.format(Locale.ROOT, "%.2f", v);
    }
    return String.format(Locale.ROOT, "%.3f", v);
  }

  private static String trim(double v) {
    String s = String.format(Locale.ROOT, "%.1f", v);
    return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
  }
}
