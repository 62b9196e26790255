package io.inetkit.benchmarks;

/**
 * Peak memory of one sample: Java heap for in-process contenders, resident set for processes.
 *
 * @param bytes peak bytes, or -1 when unknown
 * @param kind what was measured
 */
public record Memory(long bytes, Kind kind) {

  /** What a {@link Memory} figure measures. */
  public enum Kind {
    /** Peak Java heap used (sum of the heap pools' peaks, garbage included): an upper bound. */
    HEAP("heap"),
    /** Peak resident set size of a child process (VmHWM). */
    RSS("RSS"),
    /** Not measured. */
    UNKNOWN("");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    /** Returns the short label used in tables. */
    public String label() {
      return label;
    }
  }

  /** No measurement. */
  public static final Memory UNKNOWN = new Memory(-1, Kind.UNKNOWN);

  /** Returns the larger of two measurements of the same kind (or whichever is known). */
  public Memory max(Memory other) {
    if (other.bytes > bytes) {
      return other;
    }
    return this;
  }

  /** Returns e.g. {@code 42.1 MiB heap}, or an empty string when unknown. */
  public String describe() {
    if (bytes < 0) {
      return "";
    }
    return String.format(
        java.util.Locale.ROOT, "%.1f MiB %s", bytes / (1024.0 * 1024.0), kind.label());
  }
}
