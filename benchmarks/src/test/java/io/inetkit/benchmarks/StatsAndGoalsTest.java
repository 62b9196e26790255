package io.inetkit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatsAndGoalsTest {

  @Test
  void medianOfOddAndEvenCounts() {
    assertThat(Stats.of(List.of(3.0, 1.0, 2.0)).median()).isEqualTo(2.0);
    assertThat(Stats.of(List.of(4.0, 1.0, 2.0, 3.0))).isEqualTo(new Stats(2.5, 1.0, 4.0, 4));
  }

  @Test
  void ratiosPairSamplesOfTheSameRun() {
    Contender a = Peers.notYet("a", "x");
    Contender b = Peers.notYet("b", "x");
    Cell ca = new Cell(Network.DIRECT, a, 100, 3, Availability.AVAILABLE);
    Cell cb = new Cell(Network.DIRECT, b, 100, 3, Availability.AVAILABLE);
    // Run 1: a twice as fast as b; run 2: equal; run 3: a three times as fast.
    ca.record(1, sample(100, 100));
    cb.record(1, sample(200, 100));
    ca.record(2, sample(100, 100));
    cb.record(2, sample(100, 100));
    ca.record(3, sample(100, 100));
    cb.record(3, sample(300, 100));
    Workload w = new FixedWorkload(List.of(Goal.speedAtLeast("a", "b", 1.5), Goal.timeAtMost("a", "b", 0.4)));

    List<GoalResult> results = GoalChecker.check(w, List.of(ca, cb));

    assertThat(results.get(0).value()).isEqualTo(new Stats(2.0, 1.0, 3.0, 3));
    assertThat(results.get(0).verdict()).isEqualTo(GoalResult.Verdict.MET);
    assertThat(results.get(1).value().median()).isEqualTo(0.5);
    assertThat(results.get(1).verdict()).isEqualTo(GoalResult.Verdict.MISSED);
  }

  @Test
  void ratiosAreComputedPerUnitSoSampledCellsCompareHonestly() {
    Cell ca = new Cell(Network.DIRECT, Peers.notYet("a", "x"), 1000, 1, Availability.AVAILABLE);
    Cell cb = new Cell(Network.DIRECT, Peers.notYet("b", "x"), 1000, 1, Availability.AVAILABLE);
    ca.record(1, sample(1000, 1000)); // 1 ms per item
    cb.record(1, sample(1000, 100)); // a sample of 100 items at 10 ms each
    Workload w = new FixedWorkload(List.of(Goal.speedAtLeast("a", "b", 5)));

    assertThat(GoalChecker.check(w, List.of(ca, cb)).get(0).value().median()).isEqualTo(10.0);
  }

  @Test
  void aMissingPeerLeavesTheGoalUnmeasuredWithTheReason() {
    Cell ca = new Cell(Network.DIRECT, Peers.notYet("a", "x"), 1, 1, Availability.AVAILABLE);
    ca.record(1, sample(1, 1));
    Cell cb = new Cell(Network.DIRECT, Peers.notYet("b", "x"), 1, 1, Availability.missing("curl not found on PATH"));
    Workload w = new FixedWorkload(List.of(Goal.speedAtLeast("a", "b", 1)));

    GoalResult r = GoalChecker.check(w, List.of(ca, cb)).get(0);

    assertThat(r.verdict()).isEqualTo(GoalResult.Verdict.NOT_MEASURED);
    assertThat(r.describeValue()).isEqualTo("b missing: curl not found on PATH");
  }

  private static Sample sample(long millis, long work) {
    return new Sample(Duration.ofMillis(millis), work, Memory.UNKNOWN);
  }

  private record FixedWorkload(List<Goal> goals) implements Workload {
    @Override
    public String id() {
      return "fixed";
    }

    @Override
    public String title() {
      return "fixed";
    }

    @Override
    public Metric metric() {
      return Metric.ITEMS_PER_SECOND;
    }

    @Override
    public long fullSize(Network network) {
      return 1;
    }

    @Override
    public void setUp(BenchContext context, long maxSize) {}

    @Override
    public List<Contender> contenders() {
      return List.of();
    }

    @Override
    public void close() {}
  }
}
