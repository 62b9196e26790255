package io.inetkit.testkit;

import java.io.IOException;

/**
 * Prints how long {@link InetkitServers#start()} takes for all six protocols: first in a fresh
 * JVM (class loading, key generation included), then once more warm. Run by {@link
 * StartupTimeTest} in a child JVM; the figure is printed, never asserted.
 */
public final class StartupTime {
  private StartupTime() {}

  /** Starts and stops all servers twice and prints both times in milliseconds. */
  public static void main(String[] args) throws IOException {
    var os = (com.sun.management.OperatingSystemMXBean)
        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    for (String round : new String[] {"cold", "warm"}) {
      long start = System.nanoTime();
      long cpu = os.getProcessCpuTime();
      try (InetkitServers servers = InetkitServers.start()) {
        long millis = (System.nanoTime() - start) / 1_000_000;
        long cpuMillis = (os.getProcessCpuTime() - cpu) / 1_000_000;
        System.out.println("startup " + round + ": " + millis + " ms for " + servers.listeners().size()
            + " listeners of " + servers.started().size() + " protocols (process CPU " + cpuMillis
            + " ms, " + os.getAvailableProcessors() + " CPUs, load " + os.getSystemLoadAverage() + ")");
      }
    }
  }
}
