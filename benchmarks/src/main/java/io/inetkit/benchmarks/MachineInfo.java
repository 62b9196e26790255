package io.inetkit.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The machine and software a report was measured on, read from /proc and the peers. */
public final class MachineInfo {

  private MachineInfo() {}

  /** Returns Markdown bullet lines describing this machine. */
  public static List<String> describe(Tools tools) {
    List<String> lines = new ArrayList<>();
    lines.add(
        "Date: "
            + ZonedDateTime.now(ZoneOffset.UTC)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)));
    lines.add(
        "CPU: "
            + cpuModel()
            + ", "
            + Runtime.getRuntime().availableProcessors()
            + " cores available");
    lines.add(
        "Load average (1, 5, 15 min) when the run started: "
            + LOAD_AT_START
            + "; when this report was written: "
            + loadAverage()
            + " (other builds share the machine: compare ratios of contenders run side by side,"
            + " not absolute rates)");
    lines.add("Memory: " + memTotal());
    lines.add("OS: " + osName() + ", kernel " + read("/proc/sys/kernel/osrelease").strip());
    lines.add(
        "JDK: "
            + System.getProperty("java.vm.name")
            + " "
            + System.getProperty("java.runtime.version"));
    lines.add("curl: " + orMissing(tools.curlVersion()));
    lines.add("Python: " + orMissing(tools.pythonVersion()));
    return lines;
  }

  /** The load average when this class was first used (the run's start). */
  private static final String LOAD_AT_START = loadAverage();

  /** Records the load average at the start of the run (call before the first workload). */
  public static void markStart() {
    // LOAD_AT_START is read when the class initialises.
  }

  /** The 1, 5 and 15 minute load averages from {@code /proc/loadavg}, or "unknown". */
  public static String loadAverage() {
    String[] parts = read("/proc/loadavg").strip().split(" ");
    return parts.length >= 3 ? parts[0] + ", " + parts[1] + ", " + parts[2] : "unknown";
  }

  private static String orMissing(String v) {
    return v.isEmpty() ? "missing" : v;
  }

  private static String cpuModel() {
    for (String line : read("/proc/cpuinfo").split("\n")) {
      if (line.startsWith("model name")) {
        return line.substring(line.indexOf(':') + 1).strip();
      }
    }
    return System.getProperty("os.arch");
  }

  private static String memTotal() {
    for (String line : read("/proc/meminfo").split("\n")) {
      if (line.startsWith("MemTotal:")) {
        long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
        return String.format(Locale.ROOT, "%.1f GiB", kb / (1024.0 * 1024.0));
      }
    }
    return "unknown";
  }

  private static String osName() {
    for (String line : read("/etc/os-release").split("\n")) {
      if (line.startsWith("PRETTY_NAME=")) {
        return line.substring(12).replace("\"", "");
      }
    }
    return System.getProperty("os.name");
  }

  private static String read(String file) {
    try {
      return Files.readString(Path.of(file));
    } catch (IOException e) {
      return "";
    }
  }
}
