package io.inetkit.benchmarks.workloads;

import io.inetkit.benchmarks.Metric;
import io.inetkit.benchmarks.Network;
import io.inetkit.benchmarks.Trial;
import io.inetkit.benchmarks.Workload;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A mirror of a folder of small files ({@value #FILE_SIZE} bytes each) into the trial's {@code
 * mirror} folder, in files per second, direct and with latency.
 */
interface SmallFileMirror extends Workload {

  /** Every served file's size: 4 KiB. */
  long FILE_SIZE = 4096;

  @Override
  default Metric metric() {
    return Metric.ITEMS_PER_SECOND;
  }

  @Override
  default String itemName() {
    return "files";
  }

  @Override
  default List<Network> networks() {
    return List.of(Network.DIRECT, Network.LATENCY);
  }

  /** The folder the trial's contenders mirror into (created if need be). */
  static Path mirrorDir(Trial trial) throws IOException {
    return Files.createDirectories(trial.scratch().resolve("mirror"));
  }
}
