package io.inetkit.benchmarks.workloads;

import io.inetkit.benchmarks.Availability;
import io.inetkit.benchmarks.BenchContext;
import io.inetkit.benchmarks.Contender;
import io.inetkit.benchmarks.Goal;
import io.inetkit.benchmarks.Metric;
import io.inetkit.benchmarks.Network;
import io.inetkit.benchmarks.Workload;
import java.util.List;

/**
 * A row of issue 10 whose inetkit module has not landed: reported as "not yet available" with its
 * goals, never silently left out.
 */
final class PendingWorkload implements Workload {

  private final String id;
  private final String title;
  private final Metric metric;
  private final List<String> contenders;
  private final List<Goal> goals;
  private final String missing;

  PendingWorkload(String id, String title, Metric metric, List<String> contenders, List<Goal> goals, String missing) {
    this.id = id;
    this.title = title;
    this.metric = metric;
    this.contenders = List.copyOf(contenders);
    this.goals = List.copyOf(goals);
    this.missing = missing;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String title() {
    return title;
  }

  @Override
  public Metric metric() {
    return metric;
  }

  @Override
  public List<Network> networks() {
    return List.of(Network.DIRECT);
  }

  @Override
  public long fullSize(Network network) {
    return 1;
  }

  @Override
  public String describeSize(long size) {
    return "-";
  }

  @Override
  public Availability availability() {
    return Availability.notYetAvailable(missing);
  }

  @Override
  public void setUp(BenchContext context, long maxSize) {}

  @Override
  public List<Contender> contenders() {
    return contenders.stream().map(name -> Contender.unavailable(name, availability())).toList();
  }

  @Override
  public List<Goal> goals() {
    return goals;
  }

  @Override
  public void close() {}
}
