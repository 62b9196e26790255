package io.inetkit.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Builders for the usual kinds of contender: in-process (heap measured), a bundled Python script,
 * one curl process, and one process per item.
 */
public final class Peers {

  /** Longest a single child process may run. */
  public static final Duration PROCESS_TIMEOUT = Duration.ofMinutes(10);

  /** What in-process timings cover. */
  public static final String IN_PROCESS_TIMING =
      "in-process wall time from opening the connection to closing it (JVM already warm)";

  /** What Python timings cover. */
  public static final String PYTHON_TIMING =
      "time.perf_counter() inside the script from connect to quit (interpreter start-up excluded)";

  /** What curl timings cover. */
  public static final String CURL_TIMING = "curl's own `%{time_total}` (process start-up excluded)";

  private Peers() {}

  /** Runs {@code task} in this JVM, adding its peak heap. */
  public static Contender inProcess(String name, Contender.Task task) {
    return new Contender(
        name, IN_PROCESS_TIMING, Availability.AVAILABLE, t -> HeapMeter.measure(task, t));
  }

  /** Work done in-process that returns how much it moved (bytes or items). */
  @FunctionalInterface
  public interface Work {
    /** Does the work; returns bytes or items. */
    long run() throws Exception;
  }

  /** Times {@code work} with the wall clock (memory is added by {@link #inProcess}). */
  public static Sample timed(Work work) throws Exception {
    long start = System.nanoTime();
    long units = work.run();
    return new Sample(Duration.ofNanos(System.nanoTime() - start), units, Memory.UNKNOWN);
  }

  /** Something inetkit does not have yet: reported as not yet available. */
  public static Contender notYet(String name, String what) {
    return Contender.unavailable(name, Availability.notYetAvailable(what));
  }

  /** A command that describes its trial. */
  @FunctionalInterface
  public interface Command {
    /** Returns the command line for {@code trial}. */
    List<String> of(Trial trial) throws IOException;
  }

  /** A check run after a contender's process, e.g. that the downloaded file is complete. */
  @FunctionalInterface
  public interface Check {
    /** Throws when the trial did not do its work. */
    void verify(Trial trial) throws IOException;
  }

  /**
   * A bundled Python script that prints {@code elapsed=<s> units=<n> maxrss_kb=<kb>}; the sample
   * uses the script's own elapsed time and the larger of its and the polled peak RSS.
   */
  public static Contender python(Tools tools, String name, Command command, Check check) {
    return new Contender(
        name,
        PYTHON_TIMING,
        tools.python(),
        trial -> {
          List<String> cmd = command.of(trial);
          ChildProcess.Result r =
              ChildProcess.run(cmd, trial.scratch(), PROCESS_TIMEOUT).requireSuccess(cmd);
          Map<String, String> out = ServerProcess.parse(lastLine(r.stdout()));
          if (!out.containsKey("elapsed")) {
            throw new IOException(
                "no elapsed= line from " + String.join(" ", cmd) + ": " + r.stdout());
          }
          check.verify(trial);
          long rss =
              Math.max(r.peakRss(), Long.parseLong(out.getOrDefault("maxrss_kb", "-1")) * 1024);
          return new Sample(
              seconds(out.get("elapsed")),
              Long.parseLong(out.getOrDefault("units", Long.toString(trial.size()))),
              new Memory(rss, Memory.Kind.RSS));
        });
  }

  /** One curl process per trial, timed by curl's {@code %{time_total}}. */
  public static Contender curl(Tools tools, String name, Command args, Check check) {
    return new Contender(
        name,
        CURL_TIMING,
        tools.curl(),
        trial -> {
          List<String> cmd =
              new ArrayList<>(List.of(Tools.curlCommand(), "-sS", "-w", "\\n%{time_total}\\n"));
          cmd.addAll(args.of(trial));
          ChildProcess.Result r =
              ChildProcess.run(cmd, trial.scratch(), PROCESS_TIMEOUT).requireSuccess(cmd);
          check.verify(trial);
          return new Sample(seconds(lastLine(r.stdout())), trial.size(), r.memory());
        });
  }

  /** One process doing the whole trial, timed by the wall clock (start-up included). */
  public static Contender oneProcess(
      String name, Availability availability, Command command, Check check) {
    return new Contender(
        name,
        "wall time of one process, start-up (for the CLI: JVM start) included",
        availability,
        trial -> {
          List<String> cmd = command.of(trial);
          ChildProcess.Result r =
              ChildProcess.run(cmd, trial.scratch(), PROCESS_TIMEOUT).requireSuccess(cmd);
          check.verify(trial);
          return new Sample(r.wall(), trial.size(), r.memory());
        });
  }

  /**
   * One process per item for a sample of {@link #sample(long, int) sample(size, cap)} items, timed
   * by the wall clock (process start-up is the cost being measured); the rate extrapolates to the
   * full size.
   */
  public static Contender perProcess(
      String name,
      Availability availability,
      int cap,
      IntFunction<Command> itemCommand,
      Check check) {
    String timing =
        "wall time of one process per item, start-up included"
            + (cap < Integer.MAX_VALUE
                ? "; a sample of a tenth of the items (5 to " + cap + "), reported as a rate"
                : "");
    return new Contender(
        name,
        timing,
        availability,
        trial -> {
          long n = sample(trial.size(), cap);
          long start = System.nanoTime();
          long peak = -1;
          for (int i = 0; i < n; i++) {
            List<String> cmd = itemCommand.apply(i).of(trial);
            ChildProcess.Result r =
                ChildProcess.run(cmd, trial.scratch(), PROCESS_TIMEOUT).requireSuccess(cmd);
            peak = Math.max(peak, r.peakRss());
          }
          Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
          check.verify(trial);
          return new Sample(
              elapsed, n, peak < 0 ? Memory.UNKNOWN : new Memory(peak, Memory.Kind.RSS));
        });
  }

  /**
   * How many items a per-process contender runs: a tenth of the size (at least 5), at most {@code
   * cap}.
   */
  public static long sample(long size, int cap) {
    return cap == Integer.MAX_VALUE ? size : Math.min(size, Math.min(cap, Math.max(5, size / 10)));
  }

  /** A check that accepts everything (for commands whose exit status says it all). */
  public static Check noCheck() {
    return trial -> {};
  }

  /** Checks that {@code file} (relative to the trial's scratch) has {@code size} bytes. */
  public static Check fileSize(String file, java.util.function.ToLongFunction<Trial> size) {
    return trial -> requireSize(trial.scratch().resolve(file), size.applyAsLong(trial));
  }

  /** Throws unless {@code file} exists with {@code expected} bytes. */
  public static void requireSize(Path file, long expected) throws IOException {
    long actual = java.nio.file.Files.exists(file) ? java.nio.file.Files.size(file) : -1;
    if (actual != expected) {
      throw new IOException(
          file.getFileName()
              + ": expected "
              + expected
              + " bytes, found "
              + (actual < 0 ? "no file" : actual));
    }
  }

  private static String lastLine(String text) {
    String[] lines = text.strip().split("\n");
    return lines[lines.length - 1].strip();
  }

  private static Duration seconds(String s) {
    return Duration.ofNanos(Math.round(Double.parseDouble(s.strip().replace(',', '.')) * 1e9));
  }
}
