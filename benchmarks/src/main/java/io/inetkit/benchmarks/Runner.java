package io.inetkit.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs workloads: set-up, then per network a warm-up (discarded: full size for many small items
 * direct, else a tenth of the size) and N rounds in which every contender runs once, so that ratios
 * pair samples taken side by side.
 */
public final class Runner {

  private final BenchOptions options;
  private final Tools tools;
  private final Path scratch;
  private final PrintStream progress;

  /** Runs with {@code options}, peers from {@code tools}, data under {@code scratch}. */
  public Runner(BenchOptions options, Tools tools, Path scratch, PrintStream progress) {
    this.options = options;
    this.tools = tools;
    this.scratch = scratch;
    this.progress = progress;
  }

  /** Called with the results so far after every workload (e.g. to write the report as it grows). */
  @FunctionalInterface
  public interface Checkpoint {
    /** Receives the results of the workloads finished so far. */
    void reached(List<WorkloadResult> soFar) throws IOException;
  }

  /** Runs every workload and returns the results in order. */
  public List<WorkloadResult> runAll(List<Workload> workloads, Checkpoint checkpoint)
      throws IOException {
    List<WorkloadResult> results = new ArrayList<>();
    try (ServerPool servers = new ServerPool(scratch)) {
      for (Workload w : workloads) {
        results.add(run(w, servers));
        checkpoint.reached(List.copyOf(results));
      }
    }
    return results;
  }

  private WorkloadResult run(Workload workload, ServerPool servers) {
    List<Cell> cells = new ArrayList<>();
    String error = "";
    long started = System.nanoTime();
    Path dir = null;
    BenchContext context = null;
    try {
      dir = Files.createDirectories(scratch.resolve(workload.id()));
      context = new BenchContext(dir, tools, servers, options.warmUp());
      Availability availability = workload.availability();
      long maxSize = workload.networks().stream().mapToLong(sizeFor(workload)).max().orElse(1);
      if (availability.available()) {
        progress.printf("== %s: setting up (%s)%n", workload.id(), workload.describeSize(maxSize));
        workload.setUp(context, maxSize);
      }
      for (Network network : workload.networks()) {
        cells.addAll(runNetwork(workload, network, availability));
      }
    } catch (Exception e) {
      error = "set-up failed: " + e;
      progress.println("   " + error);
      for (Cell c : cells) {
        c.fail(error);
      }
      if (cells.isEmpty()) {
        for (Network network : workload.networks()) {
          for (Contender c : safeContenders(workload)) {
            Cell cell =
                new Cell(
                    network,
                    c,
                    sizeFor(workload).applyAsLong(network),
                    options.runs(),
                    c.availability());
            cell.fail(error);
            cells.add(cell);
          }
        }
      }
    } finally {
      try {
        workload.close();
      } catch (Exception e) {
        progress.println("   closing " + workload.id() + ": " + e);
      }
      if (context != null) {
        context.closeAll();
      }
      deleteTree(dir);
      progress.printf("   (%s took %.1f s)%n", workload.id(), (System.nanoTime() - started) / 1e9);
    }
    return new WorkloadResult(workload, cells, GoalChecker.check(workload, cells), error);
  }

  private List<Cell> runNetwork(Workload workload, Network network, Availability availability)
      throws IOException {
    long size = sizeFor(workload).applyAsLong(network);
    long warmUpSize = workload.warmUpSize(network, size);
    List<Cell> cells = new ArrayList<>();
    for (Contender c : workload.contenders()) {
      Availability a = availability.available() ? c.availability() : availability;
      cells.add(new Cell(network, c, size, options.runs(), a));
    }
    if (!availability.available()) {
      return cells;
    }
    for (int run = options.warmUp() ? 0 : 1; run <= options.runs(); run++) {
      for (Cell cell : cells) {
        if (!cell.runnable()) {
          continue;
        }
        Path trialDir = Files.createTempDirectory(scratch, "trial");
        Trial trial = new Trial(network, run == 0 ? warmUpSize : size, run, trialDir);
        try {
          Sample sample = cell.contender().task().run(trial);
          if (run > 0) {
            cell.record(run, sample);
            progress.printf(
                "   %-8s run %d/%d  %-34s %10s %s  %s  load %s%n",
                network.name().toLowerCase(java.util.Locale.ROOT),
                run,
                options.runs(),
                cell.contender().name(),
                Sizes.figure(workload.metric().value(sample)),
                workload.metric().unit(workload.itemName()),
                sample.memory().describe(),
                MachineInfo.loadAverage().split(",")[0]);
          }
        } catch (Exception e) {
          String why =
              e.getMessage() == null
                  ? e.toString()
                  : e.getClass().getSimpleName() + ": " + e.getMessage();
          cell.fail(why.replace('\n', ' '));
          progress.printf("   %s %s FAILED: %s%n", network, cell.contender().name(), why);
        } finally {
          deleteTree(trialDir);
        }
      }
    }
    for (Cell cell : cells) {
      if (!cell.problem().isEmpty() && !cell.contender().availability().available()) {
        progress.printf(
            "   %-8s %-34s %s%n",
            network.name().toLowerCase(java.util.Locale.ROOT),
            cell.contender().name(),
            cell.problem());
      }
    }
    return cells;
  }

  private java.util.function.ToLongFunction<Network> sizeFor(Workload w) {
    return network -> Math.max(w.minSize(), Math.round(w.fullSize(network) * options.scale()));
  }

  private static List<Contender> safeContenders(Workload w) {
    try {
      return w.contenders();
    } catch (RuntimeException e) {
      return List.of();
    }
  }

  static void deleteTree(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // Best effort: scratch space.
    }
  }
}
