package io.inetkit.benchmarks;

/**
 * Where a contender's connections go: straight to the server, or through a {@link LatencyProxy}.
 */
public enum Network {
  /** Straight to the server over loopback. */
  DIRECT("direct"),
  /** Through a {@link LatencyProxy} that delays each direction by {@link #ONE_WAY_DELAY_MILLIS}. */
  LATENCY("+" + Network.ONE_WAY_DELAY_MILLIS + " ms each way");

  /** One-way delay the latency proxy adds, in milliseconds. */
  public static final int ONE_WAY_DELAY_MILLIS = 10;

  private final String label;

  Network(String label) {
    this.label = label;
  }

  /** Returns the label used in tables. */
  public String label() {
    return label;
  }
}
