package io.inetkit.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs the steps of {@code inetkit demo} one after another: prints each step's narrated line and
 * its result, times it, keeps going after a failure, and ends with the summary table.
 *
 * <pre>{@code
 * DemoRun run = new DemoRun(out);
 * run.step("SMTP", "send a mail", "Alice mails Bob a report", () -> "accepted: 250 OK");
 * run.printSummary();
 * int exit = run.exitCode();
 * }</pre>
 */
final class DemoRun {

  /** One step's work: returns the line that describes its result, or throws. */
  @FunctionalInterface
  interface Action {
    String run() throws Exception;
  }

  /** A step that could not run because one it needs failed. */
  static final class Skipped extends Exception {
    private static final long serialVersionUID = 1L;

    Skipped(String reason) {
      super(reason, null, false, false);
    }
  }

  /** A result that arrived but is wrong (bytes differ, message missing): an inetkit bug. */
  static final class CheckFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CheckFailed(String message) {
      super(message);
    }
  }

  /** How a step ended. */
  enum Outcome {
    OK("ok"),
    FAILED("FAILED"),
    SKIPPED("skipped");

    private final String label;

    Outcome(String label) {
      this.label = label;
    }

    /** {@return how the narration and the summary show it} */
    String label() {
      return label;
    }
  }

  /** What one step did. */
  record Result(
      String protocol,
      String name,
      Outcome outcome,
      String detail,
      Duration time,
      Throwable failure) {}

  private final PrintWriter out;
  private final List<Result> results = new ArrayList<>();
  private final int total;

  /** Narrates to {@code out}; {@code total} steps are planned (for the "3/9" counter). */
  DemoRun(PrintWriter out, int total) {
    this.out = out;
    this.total = total;
  }

  /** Runs one step: narrates it, runs it, prints its result and records it. */
  void step(String protocol, String name, String narration, Action action) {
    out.printf("%n%d/%d %-6s %s%n", results.size() + 1, total, protocol, narration);
    out.flush();
    long start = System.nanoTime();
    Outcome outcome = Outcome.FAILED;
    String detail;
    Throwable failure = null;
    try {
      detail = action.run();
      outcome = Outcome.OK;
    } catch (Skipped e) {
      outcome = Outcome.SKIPPED;
      detail = e.getMessage();
    } catch (CheckFailed e) {
      failure = e;
      detail = "check failed: " + e.getMessage();
    } catch (Exception e) {
      failure = e;
      detail = Errors.describe(e);
    }
    Result r = new Result(protocol, name, outcome, detail, since(start), failure);
    out.println("           " + outcome.label() + ": " + detail);
    out.flush();
    results.add(r);
  }

  /** {@return every result so far, in order} */
  List<Result> results() {
    return List.copyOf(results);
  }

  /** {@return whether the step called {@code name} worked} */
  boolean worked(String name) {
    return results.stream().anyMatch(r -> r.name().equals(name) && r.outcome() == Outcome.OK);
  }

  /** Throws {@link Skipped} unless the step called {@code name} worked. */
  void require(String name) throws Skipped {
    if (!worked(name)) {
      throw new Skipped("needs the step '" + name + "', which did not work");
    }
  }

  /** Prints the summary table (step, protocol, result, time) and a closing line. */
  void printSummary(Duration wall) {
    int width = results.stream().mapToInt(r -> r.name().length()).max().orElse(4);
    String row = "  %2s  %-" + width + "s  %-8s  %-7s  %8s%n";
    out.printf("%nSummary%n");
    out.printf(row, "#", "step", "protocol", "result", "time");
    for (int i = 0; i < results.size(); i++) {
      Result r = results.get(i);
      out.printf(row, i + 1, r.name(), r.protocol(), r.outcome().label(), seconds(r.time()));
    }
    long ok = results.stream().filter(r -> r.outcome() == Outcome.OK).count();
    if (ok == results.size()) {
      out.printf("%nAll %d steps worked in %s.%n", results.size(), seconds(wall));
    } else {
      out.printf(
          "%n%d of %d steps did not work (%s).%n",
          results.size() - ok, results.size(), seconds(wall));
    }
    out.flush();
  }

  /**
   * {@return 0 when every step worked, else the exit code of the first failure (a skipped step
   * alone gives {@link ExitCode#INTERNAL})}
   */
  int exitCode() {
    for (Result r : results) {
      if (r.outcome() == Outcome.FAILED) {
        return ExitCode.of(r.failure()).code();
      }
    }
    boolean all = results.stream().allMatch(r -> r.outcome() == Outcome.OK);
    return all ? ExitCode.OK.code() : ExitCode.INTERNAL.code();
  }

  /** Formats a duration as seconds with two decimals, {@code 0.42 s}. */
  static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.2f s", d.toNanos() / 1e9);
  }

  private static Duration since(long start) {
    return Duration.ofNanos(System.nanoTime() - start);
  }
}
