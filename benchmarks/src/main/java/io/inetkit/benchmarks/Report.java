package io.inetkit.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Renders results as Markdown: the table on stdout, and the whole of {@code BENCHMARKS.md}. */
public final class Report {

  /** Name of the raw loopback contender, used to spot server-bound workloads. */
  public static final String RAW = "raw loopback";

  private Report() {}

  /** The results table and the goals table. */
  public static String tables(List<WorkloadResult> results) {
    StringBuilder sb = new StringBuilder();
    sb.append("| workload | network | size | contender | median | min | max | peak memory |\n");
    sb.append("|---|---|---|---|---:|---:|---:|---:|\n");
    for (WorkloadResult r : results) {
      Workload w = r.workload();
      String unit = w.metric().unit(w.itemName());
      if (!w.availability().available()) {
        String names =
            String.join(
                ", ", r.cells().stream().map(c -> c.contender().name()).distinct().toList());
        sb.append(
            row(w.title(), "", "", names, "_" + w.availability().describe() + "_", "", "", ""));
        continue;
      }
      for (Cell c : r.cells()) {
        String size = w.describeSize(c.size());
        if (!c.problem().isEmpty()) {
          sb.append(
              row(
                  w.title(),
                  c.network().label(),
                  size,
                  c.contender().name(),
                  "_" + c.problem() + "_",
                  "",
                  "",
                  ""));
          continue;
        }
        Stats s = c.stats(w.metric());
        sb.append(
            row(
                w.title(),
                c.network().label(),
                size,
                c.contender().name(),
                "**" + Sizes.figure(s.median()) + "** " + unit,
                Sizes.figure(s.min()),
                Sizes.figure(s.max()),
                c.peakMemory().describe()));
      }
    }
    sb.append(
        "\n| workload | network | goal | measured (median, min-max of per-run ratios) | verdict |\n");
    sb.append("|---|---|---|---|---|\n");
    for (WorkloadResult r : results) {
      for (GoalResult g : r.goals()) {
        if (!r.workload().availability().available()) {
          sb.append(
              row(
                  r.workload().title(),
                  "",
                  g.goal().describe(),
                  r.workload().availability().describe(),
                  "not measured"));
          continue;
        }
        String verdict =
            switch (g.verdict()) {
              case MET -> "met";
              case MISSED -> "**missed**";
              case NOT_MEASURED -> "not measured";
            };
        sb.append(
            row(
                r.workload().title(),
                g.network().label(),
                g.goal().describe(),
                g.describeValue(),
                verdict));
      }
    }
    return sb.toString();
  }

  /** The whole {@code BENCHMARKS.md}. */
  public static String markdown(List<WorkloadResult> results, BenchOptions options, Tools tools) {
    StringBuilder sb = new StringBuilder();
    sb.append("# inetkit benchmarks\n\n");
    sb.append(
        "Measured with one command, on this machine, all contenders side by side in the same run:\n\n");
    sb.append("```sh\n").append(options.command()).append("\n```\n\n");
    sb.append("## Machine\n\n");
    for (String line : MachineInfo.describe(tools)) {
      sb.append("- ").append(line).append('\n');
    }
    sb.append("\n## Configuration\n\n");
    sb.append(
        String.format(
            Locale.ROOT,
            "- Sizes: issue 10's sizes times %s%s.%n",
            options.scale(),
            options.scale() < 1 ? " (the size column shows what was actually moved)" : ""));
    sb.append(
            options.warmUp()
                ? "- Runs: one warm-up at a tenth of the size (discarded), then "
                : "- Runs: no warm-up (smoke test), ")
        .append(options.runs())
        .append(
            " measured run(s) per cell; every contender runs once per round, so ratios pair samples taken side by side.\n");
    sb.append("- Latency: `")
        .append(Network.LATENCY.label())
        .append("` rows go through a TCP relay on 127.0.0.1 that delays each direction by ")
        .append(Network.ONE_WAY_DELAY_MILLIS)
        .append(" ms, keeping byte order (FTP data connections are relayed too).\n");
    sb.append(
        "- Servers run in a separate JVM (`ServerHost`), so the in-process inetkit heap figure is the client's alone.\n\n");
    sb.append("## Results\n\n");
    sb.append(tables(results)).append('\n');
    sb.append("## What each time covers\n\n");
    Set<String> timings = new LinkedHashSet<>();
    for (WorkloadResult r : results) {
      for (Cell c : r.cells()) {
        if (!c.contender().timing().isEmpty()) {
          timings.add("**" + c.contender().name() + "**: " + c.contender().timing());
        }
      }
    }
    timings.forEach(t -> sb.append("- ").append(t).append('\n'));
    sb.append(
        "- Peak memory: `heap` is the sum of the JVM heap pools' peaks during the run (garbage included, so an upper bound); `RSS` is the child process's VmHWM from /proc, polled every 5 ms.\n");
    sb.append("\n## Parser micro-benchmarks\n\n");
    sb.append(
        "Gopher menu, FTP listing and URL parsing have JMH benchmarks; they are not part of this run:\n\n");
    sb.append(
        "```sh\n./inetkit-bench --jmh -f 1 -wi 3 -i 5    # GopherMenuParsing, FtpListingParsing, UrlParsing\n```\n");
    sb.append("\n## Notes\n\n");
    for (WorkloadResult r : results) {
      for (String note : notes(r)) {
        sb.append("- **").append(r.workload().title()).append("**: ").append(note).append('\n');
      }
    }
    return sb.toString();
  }

  /** The workload's own notes plus what the figures show about a server bottleneck. */
  static List<String> notes(WorkloadResult r) {
    List<String> notes = new ArrayList<>(r.workload().notes());
    if (!r.error().isEmpty()) {
      notes.add(r.error());
    }
    for (Ceiling c : r.workload().ceilings()) {
      c.explain(r).ifPresent(notes::add);
    }
    Metric metric = r.workload().metric();
    for (Network network : r.workload().networks()) {
      Optional<Cell> raw = r.cell(network, RAW);
      if (raw.isEmpty() || !raw.get().problem().isEmpty() || !metric.higherIsBetter()) {
        continue;
      }
      double limit = raw.get().stats(metric).median();
      double best = 0;
      String bestName = "";
      for (Cell c : r.cells(network)) {
        if (c != raw.get() && c.problem().isEmpty()) {
          double m = c.stats(metric).median();
          if (m > best) {
            best = m;
            bestName = c.contender().name();
          }
        }
      }
      if (best > 0 && best < limit / 2) {
        notes.add(
            String.format(
                Locale.ROOT,
                "%s: raw loopback moves %s %s but the fastest client (%s) only %s: the embedded server, not the clients, sets the pace here, so client ratios understate differences between clients.",
                network.label(),
                Sizes.figure(limit),
                metric.unit(r.workload().itemName()),
                bestName,
                Sizes.figure(best)));
      }
    }
    return notes;
  }

  private static String row(String... cells) {
    return "| " + String.join(" | ", cells) + " |\n";
  }
}
