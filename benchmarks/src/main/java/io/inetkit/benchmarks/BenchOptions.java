package io.inetkit.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Command-line options of {@code ./inetkit-bench}.
 *
 * @param scale factor applied to every workload size ({@code --quick} = 0.01)
 * @param runs measured runs per cell after the warm-up
 * @param warmUp whether each cell first runs a discarded warm-up
 * @param only workload ids to run; empty means all
 * @param out where to write the Markdown report, or null for none
 * @param command the command line to quote in the report
 */
public record BenchOptions(
    double scale, int runs, boolean warmUp, List<String> only, Path out, String command) {

  /** Usage text. */
  public static final String USAGE =
      String.join(
          "\n",
          "Usage: ./inetkit-bench [--quick] [--scale F] [--runs N] [--only ID[,ID...]] [--out FILE]",
          "       ./inetkit-bench --list",
          "       ./inetkit-bench --jmh [JMH options]     (parser micro-benchmarks)",
          "",
          "  --quick        sizes divided by 100 and 1 run (a smoke test, not a measurement)",
          "  --scale F      multiply every size by F (default 1 = the sizes of issue 10)",
          "  --runs N       measured runs per cell after one warm-up (default 3; --quick: 1)",
          "  --no-warmup    skip the warm-up run (only for smoke tests: the JIT stays cold)",
          "  --only IDS     run only these workloads (see --list)",
          "  --out FILE     also write the Markdown report to FILE (e.g. BENCHMARKS.md)",
          "  --list         list the workloads and exit");

  /** Validates the figures and copies the list. */
  public BenchOptions {
    if (!(scale > 0)) {
      throw new IllegalArgumentException("--scale must be > 0, was " + scale);
    }
    if (runs < 1) {
      throw new IllegalArgumentException("--runs must be >= 1, was " + runs);
    }
    only = List.copyOf(only);
  }

  /** Parses {@code args}; throws IllegalArgumentException on a bad option. */
  public static BenchOptions parse(String[] args) {
    double scale = 1;
    Integer runs = null;
    boolean quick = false;
    boolean warmUp = true;
    List<String> only = new ArrayList<>();
    Path out = null;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--quick" -> quick = true;
        case "--no-warmup" -> warmUp = false;
        case "--scale" -> scale = Double.parseDouble(value(args, ++i, a));
        case "--runs" -> runs = Integer.parseInt(value(args, ++i, a));
        case "--only" ->
            only.addAll(List.of(value(args, ++i, a).toLowerCase(Locale.ROOT).split(",")));
        case "--out" -> out = Path.of(value(args, ++i, a));
        default -> throw new IllegalArgumentException("unknown option " + a + "\n" + USAGE);
      }
    }
    if (quick) {
      scale = scale / 100;
    }
    String command =
        System.getProperty(
            "inetkit.bench.command", "java -jar inetkit-benchmarks.jar " + String.join(" ", args));
    return new BenchOptions(
        scale, runs != null ? runs : quick ? 1 : 3, warmUp, only, out, command.strip());
  }

  /** Whether {@code id} was selected. */
  public boolean selected(String id) {
    return only.isEmpty() || only.contains(id);
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
    }
    return args[i];
  }
}
