package io.inetkit.benchmarks;

import io.inetkit.benchmarks.GoalResult.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Checks goals against cells, pairing the contender's and the baseline's samples run by run. */
final class GoalChecker {

  private GoalChecker() {}

  /** Checks every goal of {@code workload} on each network that has the cells it names. */
  static List<GoalResult> check(Workload workload, List<Cell> cells) {
    List<GoalResult> results = new ArrayList<>();
    WorkloadResult view = new WorkloadResult(workload, cells, List.of(), "");
    for (Network network : workload.networks()) {
      for (Goal goal : workload.goals()) {
        Optional<Cell> a = view.cell(network, goal.contender());
        Optional<Cell> b = goal.paired() ? view.cell(network, goal.baseline()) : a;
        if (a.isEmpty() || b.isEmpty()) {
          continue;
        }
        results.add(check(goal, network, a.get(), b.get()));
      }
    }
    return results;
  }

  private static GoalResult check(Goal goal, Network network, Cell a, Cell b) {
    for (Cell c : List.of(a, b)) {
      if (!c.problem().isEmpty()) {
        return new GoalResult(
            goal,
            network,
            Stats.of(List.of()),
            Verdict.NOT_MEASURED,
            c.contender().name() + " " + c.problem());
      }
    }
    List<Double> values = new ArrayList<>();
    switch (goal.kind()) {
      case SPEED_AT_LEAST, TIME_AT_MOST -> {
        for (int i = 0; i < a.samples().size(); i++) {
          Sample x = a.samples().get(i);
          Sample y = b.samples().get(i);
          if (x != null && y != null) {
            double speed = perUnitNanos(y) / perUnitNanos(x);
            values.add(goal.kind() == Goal.Kind.SPEED_AT_LEAST ? speed : 1 / speed);
          }
        }
      }
      case MILLIS_AT_MOST -> a.present().forEach(s -> values.add(Metric.MILLIS.value(s)));
      case HEAP_MIB_AT_MOST -> {
        Memory m = a.peakMemory();
        if (m.kind() == Memory.Kind.HEAP) {
          values.add(m.bytes() / (1024.0 * 1024.0));
        }
      }
    }
    if (values.isEmpty()) {
      return new GoalResult(
          goal, network, Stats.of(values), Verdict.NOT_MEASURED, "no paired samples");
    }
    Stats stats = Stats.of(values);
    if (goal.kind() == Goal.Kind.HEAP_MIB_AT_MOST) {
      stats = new Stats(stats.max(), stats.max(), stats.max(), stats.count());
    }
    return new GoalResult(
        goal, network, stats, goal.met(stats.median()) ? Verdict.MET : Verdict.MISSED, "");
  }

  private static double perUnitNanos(Sample s) {
    return s.elapsed().toNanos() / (double) Math.max(1, s.work());
  }
}
