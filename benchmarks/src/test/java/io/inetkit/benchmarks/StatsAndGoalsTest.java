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
    Workload w =
        new FixedWorkload(
            List.of(Goal.speedAtLeast("a", "b", 1.5), Goal.timeAtMost("a", "b", 0.4)));

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
    Cell cb =
        new Cell(
            Network.DIRECT,
            Peers.notYet("b", "x"),
            1,
            1,
            Availability.missing("curl not found on PATH"));
    Workload w = new FixedWorkload(List.of(Goal.speedAtLeast("a", "b", 1)));

    GoalResult r = GoalChecker.check(w, List.of(ca, cb)).get(0);

    assertThat(r.verdict()).isEqualTo(GoalResult.Verdict.NOT_MEASURED);
    assertThat(r.describeValue()).isEqualTo("b missing: curl not found on PATH");
  }

  @Test
  void ceilingFromRoundTripsSaysWhenNoClientCanMeetTheGoal() {
    // With latency curl takes 200 ms per item; 2 round trips of 20 ms are 40 ms: at most 5x.
    Cell a = cell(Network.LATENCY, "a", 1000, 10);
    Cell curl = cell(Network.LATENCY, "curl", 2000, 10);
    Ceiling ceiling = Ceiling.roundTrips("a", "curl", 2, "two commands");

    String below =
        ceiling.explain(result(List.of(Goal.speedAtLeast("a", "curl", 10)), a, curl)).orElseThrow();
    String reachable =
        ceiling.explain(result(List.of(Goal.speedAtLeast("a", "curl", 4)), a, curl)).orElseThrow();

    assertThat(below)
        .contains(
            "200 ms per op (10.0 round trips",
            "at least 2 round trips (two commands), 40.0 ms",
            "At most 200 / 40.0 = 5.00x, below the goal's 10x, so no client can meet it");
    assertThat(reachable)
        .contains(
            "At most 200 / 40.0 = 5.00x",
            "within reach only at or below 50.0 ms per op",
            "a takes 100 (5.00 round trips");
  }

  @Test
  void ceilingFromTheServersPaceUsesTheFastestOneConnectionClient() {
    Cell a = cell(Network.DIRECT, "a", 1000, 10);
    Cell py = cell(Network.DIRECT, "py", 500, 10);
    Cell curl = cell(Network.DIRECT, "curl", 1500, 10);
    Ceiling ceiling = Ceiling.serverPace("a", "curl", Network.DIRECT, "the server's pace");

    String note =
        ceiling
            .explain(result(List.of(Goal.speedAtLeast("a", "curl", 5)), a, py, curl))
            .orElseThrow();

    assertThat(note)
        .contains("(py) takes 50.0 ms per op", "At most 150 / 50.0 = 3.00x, below the goal's 5x");
    assertThat(ceiling.explain(result(List.of(Goal.speedAtLeast("a", "py", 5)), a, py, curl)))
        .isEmpty();
  }

  @Test
  void aWorkloadThatCannotRunHereShowsWhyInBothTables() {
    Availability why =
        Availability.missing("/usr/sbin/vsftpd not installed (apt-get install vsftpd)");
    Workload w = new FixedWorkload(List.of(Goal.speedAtLeast("a", "curl", 1.1)), why);
    Cell a = new Cell(Network.DIRECT, Peers.notYet("a", "x"), 1, 1, why);
    Cell curl = new Cell(Network.DIRECT, Peers.notYet("curl", "x"), 1, 1, why);
    List<GoalResult> goals = GoalChecker.check(w, List.of(a, curl));

    String tables = Report.tables(List.of(new WorkloadResult(w, List.of(a, curl), goals, "")));

    assertThat(tables)
        .contains(
            "| fixed |  |  | a, curl | _missing: /usr/sbin/vsftpd not installed (apt-get install vsftpd)_ |");
    assertThat(tables)
        .contains(
            "| a >= 1.1x curl (speed) | missing: /usr/sbin/vsftpd not installed (apt-get install vsftpd) | not measured |");
  }

  private static Cell cell(Network network, String name, long millis, long items) {
    Cell c = new Cell(network, Peers.notYet(name, "x"), items, 1, Availability.AVAILABLE);
    c.record(1, sample(millis, items));
    return c;
  }

  private static WorkloadResult result(List<Goal> goals, Cell... cells) {
    return new WorkloadResult(new FixedWorkload(goals), List.of(cells), List.of(), "");
  }

  private static Sample sample(long millis, long work) {
    return new Sample(Duration.ofMillis(millis), work, Memory.UNKNOWN);
  }

  private record FixedWorkload(List<Goal> goals, Availability availability) implements Workload {
    FixedWorkload(List<Goal> goals) {
      this(goals, Availability.AVAILABLE);
    }

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
