package io.inetkit.benchmarks;

import io.inetkit.benchmarks.workloads.Workloads;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Entry point of {@code ./inetkit-bench}: runs the selected workloads and prints the table; with
 * {@code --out} also writes the Markdown report. {@code --jmh} hands over to JMH's own runner.
 *
 * <pre>{@code
 * java -jar benchmarks/target/inetkit-benchmarks.jar --quick
 * java -jar benchmarks/target/inetkit-benchmarks.jar --jmh -f 1 -wi 3 -i 5
 * }</pre>
 */
public final class BenchMain {

  private BenchMain() {}

  /** Runs the benchmarks; exits 2 on bad options, 1 when a cell failed, else 0. */
  public static void main(String[] args) throws Exception {
    System.setProperty(
        "org.slf4j.simpleLogger.defaultLogLevel",
        System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
    if (args.length > 0 && args[0].equals("--jmh")) {
      org.openjdk.jmh.Main.main(Arrays.copyOfRange(args, 1, args.length));
      return;
    }
    if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
      System.out.println(BenchOptions.USAGE);
      return;
    }
    if (Arrays.asList(args).contains("--list")) {
      for (Workload w : Workloads.all()) {
        String status =
            w.availability().available() ? "" : "  (" + w.availability().describe() + ")";
        System.out.printf("%-12s %s%s%n", w.id(), w.title(), status);
      }
      return;
    }
    BenchOptions options;
    try {
      options = BenchOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("inetkit-bench: " + e.getMessage());
      System.exit(2);
      return;
    }
    List<WorkloadResult> results = run(options, System.err);
    System.out.println();
    System.out.print(Report.tables(results));
    boolean failed =
        results.stream()
            .flatMap(r -> r.cells().stream())
            .anyMatch(c -> c.problem().startsWith("failed"));
    System.exit(failed ? 1 : 0);
  }

  /**
   * Runs the workloads {@code options} selects, writing the report when asked; progress to {@code
   * progress}.
   */
  public static List<WorkloadResult> run(BenchOptions options, PrintStream progress)
      throws IOException {
    MachineInfo.markStart();
    Path scratch = Files.createTempDirectory("inetkit-bench");
    try {
      Tools tools = Tools.detect(repoRoot(), scratch);
      List<Workload> selected =
          Workloads.all().stream().filter(w -> options.selected(w.id())).toList();
      if (selected.isEmpty()) {
        throw new IllegalArgumentException("no workload matches --only " + options.only());
      }
      // The report is rewritten after every workload, so an interrupted run still leaves figures.
      List<WorkloadResult> results =
          new Runner(options, tools, scratch, progress)
              .runAll(
                  selected,
                  soFar -> {
                    if (options.out() != null) {
                      Files.writeString(
                          options.out(),
                          Report.markdown(soFar, options, tools) + keptSection(options.out()),
                          StandardCharsets.UTF_8);
                    }
                  });
      if (options.out() != null) {
        progress.println("wrote " + options.out());
      }
      return results;
    } finally {
      Runner.deleteTree(scratch);
    }
  }

  /** Marks the start of BENCHMARKS.md's hand-written analysis, which a new report keeps. */
  static final String KEPT_MARKER = "<!-- kept by inetkit-bench:";

  /**
   * The hand-written part of an existing report (from {@link #KEPT_MARKER} to the end), or empty:
   * the measured analysis of issue 18's goals, with the commands that reproduce each figure.
   */
  static String keptSection(Path out) throws IOException {
    String existing = Files.isRegularFile(out) ? Files.readString(out, StandardCharsets.UTF_8) : "";
    int at = existing.indexOf(KEPT_MARKER);
    return at < 0 ? "" : "\n" + existing.substring(at);
  }

  /**
   * The repository root: {@code -Dinetkit.root}, else the nearest parent holding {@code
   * inetkit-bench}.
   */
  static Path repoRoot() {
    String prop = System.getProperty("inetkit.root");
    if (prop != null) {
      return Path.of(prop).toAbsolutePath();
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("inetkit-bench"))) {
        return p;
      }
    }
    return null;
  }
}
