package io.inetkit.benchmarks.workloads;

import io.inetkit.benchmarks.Availability;
import io.inetkit.benchmarks.BenchContext;
import io.inetkit.benchmarks.ChildProcess;
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
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** {@code inetkit --version} wall time (JVM start-up included) against {@code curl --version}. */
final class VersionWorkload implements Workload {

  static final String JAR = "inetkit --version (java -jar)";
  static final String LAUNCHER = "./inetkit --version (launcher)";
  private static final int INVOCATIONS = 5;

  /** A rebuild by the launcher (Maven, the CLI and what it depends on) takes a minute or two. */
  private static final Duration REBUILD_TIMEOUT = Duration.ofMinutes(10);

  private Tools tools;
  private Availability launcher = Availability.missing("not set up");

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
    this.launcher = prepareLauncher(context);
  }

  @Override
  public List<Contender> contenders() {
    return List.of(
        Peers.perProcess(
            JAR,
            tools.cli(),
            Integer.MAX_VALUE,
            i -> t -> List.of(Tools.javaCommand(), "-jar", tools.cliJar().toString(), "--version"),
            Peers.noCheck()),
        Peers.perProcess(
            LAUNCHER, launcher, Integer.MAX_VALUE, i -> t -> launcherCommand(), Peers.noCheck()),
        Peers.perProcess(
            "curl --version",
            tools.curl(),
            Integer.MAX_VALUE,
            i -> t -> List.of(Tools.curlCommand(), "--version"),
            Peers.noCheck()));
  }

  private List<String> launcherCommand() {
    return List.of("sh", tools.repoRoot().resolve("inetkit").toString(), "--version");
  }

  /**
   * The launcher rebuilds the CLI when a source is newer than the jar: that is not what we time. A
   * real run lets it rebuild once here, outside the timing; the smoke test (no warm-up) only says
   * which file would trigger it. Either way a launcher that would still rebuild on every call is
   * reported with the file that makes it.
   */
  private Availability prepareLauncher(BenchContext context) {
    if (tools.repoRoot() == null || !Files.isRegularFile(tools.repoRoot().resolve("inetkit"))) {
      return Availability.missing("./inetkit launcher not found");
    }
    if (!tools.cli().available()) {
      return tools.cli();
    }
    try {
      Optional<Path> newer = newerSource();
      if (newer.isEmpty()) {
        return Availability.AVAILABLE;
      }
      if (!context.warmUp()) {
        return Availability.missing(
            "./inetkit would rebuild the CLI first ("
                + describe(newer.get())
                + "); not rebuilt in a run without warm-up");
      }
      List<String> cmd = launcherCommand();
      ChildProcess.Result r = ChildProcess.run(cmd, context.scratch(), REBUILD_TIMEOUT);
      if (r.exitCode() != 0) {
        return Availability.missing(
            "./inetkit --version failed while rebuilding the CLI ("
                + describe(newer.get())
                + "): "
                + lastLine(r.stderr()));
      }
      newer = newerSource();
      return newer.isEmpty()
          ? Availability.AVAILABLE
          : Availability.missing(
              "./inetkit rebuilds the CLI on every call: "
                  + describe(newer.get())
                  + " even after a rebuild");
    } catch (IOException e) {
      return Availability.missing("cannot check the launcher: " + e.getMessage());
    }
  }

  /**
   * The first POM or main source newer than the CLI jar, found as the launcher's {@code find} does.
   */
  private Optional<Path> newerSource() throws IOException {
    FileTime built = Files.getLastModifiedTime(tools.cliJar());
    try (Stream<Path> walk = Files.walk(tools.repoRoot())) {
      return walk.filter(
              p -> !p.toString().contains("/.git/") && !p.toString().contains("/target/"))
          .filter(
              p ->
                  p.getFileName().toString().equals("pom.xml")
                      || p.toString().contains("/src/main/"))
          .filter(Files::isRegularFile)
          .filter(p -> modifiedAfter(p, built))
          .findFirst();
    }
  }

  private String describe(Path source) {
    String modified;
    try {
      modified =
          Files.getLastModifiedTime(source) + " > jar " + Files.getLastModifiedTime(tools.cliJar());
    } catch (IOException e) {
      modified = e.getMessage();
    }
    return tools.repoRoot().relativize(source)
        + " is newer than cli/target/inetkit.jar: "
        + modified;
  }

  private static String lastLine(String text) {
    String[] lines = text.strip().split("\n");
    return lines[lines.length - 1];
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
    return List.of(Goal.millisAtMost(JAR, 500), Goal.millisAtMost(LAUNCHER, 150));
  }

  @Override
  public List<String> notes() {
    return List.of(
        "where the time goes (`-Xlog:class+load` with uptime): the JVM itself starts in ~0.08 s and reaches inetkit's main class at ~0.1 s. picocli builds a reflective model of every command it is given, which with all ~60 command classes took until ~0.4 s, so `main` gives it only the commands the arguments name (`--version`: none; `inetkit ftp ...`: ftp), which cut `--version` from ~0.50 s to ~0.29 s on an idle machine. Since then `main` answers `--version` before picocli is loaded at all, and the launcher runs the distribution's `bin/inetkit` (serial collector, C1 only, and a class-data-sharing archive written after the first run of each command group; picocli's Java 5 classes need Java 17's static archive, the dynamic one skips them).",
        "each sample is the mean of "
            + INVOCATIONS
            + " sequential invocations (fewer with --quick/--scale); the launcher adds a `find` for stale sources before `java -jar`. Before timing, a launcher that would rebuild the CLI (a POM or main source newer than the jar) runs once, outside the timing, so that the rows time the launcher, not Maven.");
  }

  @Override
  public void close() {}
}
