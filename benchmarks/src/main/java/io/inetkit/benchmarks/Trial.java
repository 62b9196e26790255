package io.inetkit.benchmarks;

import java.nio.file.Path;

/**
 * What one execution of a contender should do.
 *
 * @param network direct or through the latency proxy
 * @param size how much work: bytes, messages or files, as the workload defines it
 * @param run 0 for the warm-up, then 1..N
 * @param scratch an empty directory the contender may write to; deleted after the execution
 */
public record Trial(Network network, long size, int run, Path scratch) {

  /** Whether this is the warm-up execution (its sample is discarded). */
  public boolean warmUp() {
    return run == 0;
  }
}
