package io.inetkit.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/**
 * Peak Java heap of an in-process contender: the sum of every heap pool's peak usage since {@link
 * #reset()}. Garbage not yet collected counts, so the figure is an upper bound on what the
 * contender needs; the harness itself holds a few MiB at most while a contender runs.
 */
public final class HeapMeter {

  private HeapMeter() {}

  /** Collects garbage and resets the heap pools' peaks. */
  public static void reset() {
    System.gc();
    for (MemoryPoolMXBean pool : heapPools()) {
      pool.resetPeakUsage();
    }
  }

  /** Returns the peak heap since {@link #reset()}. */
  public static Memory peak() {
    long sum = 0;
    for (MemoryPoolMXBean pool : heapPools()) {
      sum += pool.getPeakUsage().getUsed();
    }
    return new Memory(sum, Memory.Kind.HEAP);
  }

  /** Runs {@code task} between {@link #reset()} and {@link #peak()} and adds the heap figure. */
  public static Sample measure(Contender.Task task, Trial trial) throws Exception {
    reset();
    Sample sample = task.run(trial);
    return sample.withMemory(peak());
  }

  private static List<MemoryPoolMXBean> heapPools() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP && p.isValid())
        .toList();
  }
}
