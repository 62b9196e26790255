package io.inetkit.benchmarks.workloads;

import io.inetkit.benchmarks.Metric;
import io.inetkit.benchmarks.Network;

/** A workload that moves one large stream of bytes, measured in MiB/s. */
abstract class BulkWorkload extends ServerWorkload {

  private final long fullBytes;

  /** Moves {@code fullBytes} per trial at full size. */
  BulkWorkload(long fullBytes) {
    this.fullBytes = fullBytes;
  }

  @Override
  public Metric metric() {
    return Metric.MIB_PER_SECOND;
  }

  @Override
  public long fullSize(Network network) {
    return fullBytes;
  }

  @Override
  public long minSize() {
    return 256 * 1024;
  }
}
