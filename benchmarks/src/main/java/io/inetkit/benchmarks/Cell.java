package io.inetkit.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The results of one contender on one network: one sample per run (null where the run failed), or
 * the reason there are none.
 */
public final class Cell {

  private final Network network;
  private final Contender contender;
  private final long size;
  private final List<Sample> samples;
  private Availability availability;
  private String failure = "";

  /** An empty cell for {@code runs} runs. */
  public Cell(
      Network network, Contender contender, long size, int runs, Availability availability) {
    this.network = network;
    this.contender = contender;
    this.size = size;
    this.samples = new ArrayList<>(Collections.nCopies(runs, null));
    this.availability = availability;
  }

  /** The network. */
  public Network network() {
    return network;
  }

  /** The contender. */
  public Contender contender() {
    return contender;
  }

  /** The size of each measured trial. */
  public long size() {
    return size;
  }

  /** Samples by run (index 0 is run 1); null where that run failed. */
  public List<Sample> samples() {
    return Collections.unmodifiableList(samples);
  }

  /** Records run {@code run} (1-based). */
  void record(int run, Sample sample) {
    samples.set(run - 1, sample);
  }

  /** Marks the cell failed; it runs no more. */
  void fail(String why) {
    if (failure.isEmpty()) {
      failure = why;
    }
  }

  /** Why there are no figures, or empty. */
  public String problem() {
    if (!availability.available()) {
      return availability.describe();
    }
    return failure.isEmpty() ? "" : "failed: " + failure;
  }

  /** Whether the cell can still run. */
  boolean runnable() {
    return availability.available() && failure.isEmpty();
  }

  /** Marks the cell unavailable (used when the whole workload is). */
  void unavailable(Availability why) {
    this.availability = why;
  }

  /** The samples that exist. */
  public List<Sample> present() {
    return samples.stream().filter(Objects::nonNull).collect(Collectors.toList());
  }

  /** Whether the cell has figures or an explicit reason why not. */
  public boolean accountedFor() {
    return !problem().isEmpty() || (!present().isEmpty() && present().size() == samples.size());
  }

  /** Median, minimum and maximum of the metric over the present samples. */
  public Stats stats(Metric metric) {
    return Stats.of(present().stream().map(metric::value).toList());
  }

  /** The largest memory figure over the present samples. */
  public Memory peakMemory() {
    Memory m = Memory.UNKNOWN;
    for (Sample s : present()) {
      m = m.max(s.memory());
    }
    return m;
  }
}
