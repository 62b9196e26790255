package io.inetkit.benchmarks.workloads;

import io.inetkit.benchmarks.Availability;
import io.inetkit.benchmarks.BenchContext;
import io.inetkit.benchmarks.Contender;
import io.inetkit.benchmarks.Goal;
import io.inetkit.benchmarks.Metric;
import io.inetkit.benchmarks.Network;
import io.inetkit.benchmarks.Peers;
import io.inetkit.benchmarks.Tools;
import io.inetkit.benchmarks.Workload;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;

/** {@code inetkit --version} wall time (JVM start-up included) against {@code curl --version}. */
final class VersionWorkload implements Workload {

  static final String JAR = "inetkit --version (java -jar)";
  static final String LAUNCHER = "./inetkit --version (launcher)";
  private static final int INVOCATIONS = 5;

  private Tools tools;

  @Override
  public String id() {
    return "version";
  }

  @Override
  public String title() {
    return "`inetkit --version` wall time";
  }

  @Override
  public Metric metric() {
    return Metric.MILLIS;
  }

  @Override
  public String itemName() {
    return "invocation";
  }

  @Override
  public long fullSize(Network network) {
    return INVOCATIONS;
  }

  @Override
  public void setUp(BenchContext context, long maxSize) {
    this.tools = context.tools();
  }

  @Override
  public List<Contender> contenders() {
    Availability launcher = launcherAvailability();
    return List.of(
        Peers.perProcess(
            JAR,
            tools.cli(),
            Integer.MAX_VALUE,
            i -> t -> List.of(Tools.javaCommand(), "-jar", tools.cliJar().toString(), "--version"),
            Peers.noCheck()),
        Peers.perProcess(
            LAUNCHER,
            launcher,
            Integer.MAX_VALUE,
            i -> t -> List.of("sh", tools.repoRoot().resolve("inetkit").toString(), "--version"),
            Peers.noCheck()),
        Peers.perProcess(
            "curl --version",
            tools.curl(),
            Integer.MAX_VALUE,
            i -> t -> List.of(Tools.curlCommand(), "--version"),
            Peers.noCheck()));
  }

  /** The launcher rebuilds the CLI when sources are newer than the jar: that is not what we time. */
  private Availability launcherAvailability() {
    if (tools.repoRoot() == null || !Files.isRegularFile(tools.repoRoot().resolve("inetkit"))) {
      return Availability.missing("./inetkit launcher not found");
    }
    if (!tools.cli().available()) {
      return tools.cli();
    }
    try (Stream<Path> walk = Files.walk(tools.repoRoot())) {
      FileTime built = Files.getLastModifiedTime(tools.cliJar());
      boolean stale =
          walk.filter(p -> !p.toString().contains("/.git/"))
              .filter(p -> p.getFileName().toString().equals("pom.xml") || p.toString().contains("/src/main/"))
              .filter(Files::isRegularFile)
              .anyMatch(p -> modifiedAfter(p, built));
      return stale
          ? Availability.missing("./inetkit would rebuild the CLI first (sources newer than the jar); run ./inetkit --version once")
          : Availability.AVAILABLE;
    } catch (IOException e) {
      return Availability.missing("cannot check the launcher: " + e.getMessage());
    }
  }

  private static boolean modifiedAfter(Path p, FileTime time) {
    try {
      return Files.getLastModifiedTime(p).compareTo(time) > 0;
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public List<Goal> goals() {
    return List.of(Goal.millisAtMost(JAR, 500), Goal.millisAtMost(LAUNCHER, 500));
  }

  @Override
  public List<String> notes() {
    return List.of(
        "each sample is the mean of " + INVOCATIONS + " sequential invocations (fewer with --quick/--scale); the launcher adds a `find` for stale sources before `java -jar`.");
  }

  @Override
  public void close() {}
}
