package io.inetkit.benchmarks;

import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/**
 * The arithmetic limit of a speed goal "contender >= N x baseline" on a workload counted in items,
 * computed from the run's own figures: whatever the client does, each item costs it at least a
 * floor, so it can be at most (the baseline's time per item) / (the floor) times as fast as the
 * baseline. The note says whether that limit is below the goal (no client can meet it) or how close
 * the contender comes.
 *
 * <ul>
 *   <li>{@link #roundTrips}: the floor is a number of protocol round trips per item through the
 *       latency proxy (e.g. SMTP: 2 per message with pipelining);
 *   <li>{@link #serverPace}: the floor is the fastest one-connection client's time per item, when
 *       every such client runs at the server's pace.
 * </ul>
 *
 * @param contender the contender the goal judges
 * @param baseline the contender it is compared with (one process per item)
 * @param network where the bound applies
 * @param roundTrips round trips per item; 0 for {@link #serverPace}
 * @param why what the floor consists of, e.g. the commands that need a reply
 */
public record Ceiling(
    String contender, String baseline, Network network, int roundTrips, String why) {

  /**
   * With latency, every item costs at least {@code roundTrips} round trips: {@code why} names them.
   */
  public static Ceiling roundTrips(String contender, String baseline, int roundTrips, String why) {
    return new Ceiling(contender, baseline, Network.LATENCY, roundTrips, why);
  }

  /**
   * On {@code network} every one-connection client runs at the server's pace: {@code why} says so.
   */
  public static Ceiling serverPace(String contender, String baseline, Network network, String why) {
    return new Ceiling(contender, baseline, network, 0, why);
  }

  /** The round trip the latency proxy adds, in milliseconds. */
  static double roundTripMillis() {
    return 2.0 * Network.ONE_WAY_DELAY_MILLIS;
  }

  /** The note for {@code result}, or empty when a cell or the goal it bounds has no figures. */
  public Optional<String> explain(WorkloadResult result) {
    Workload w = result.workload();
    if (w.metric() != Metric.ITEMS_PER_SECOND) {
      return Optional.empty();
    }
    Optional<Goal> goal =
        w.goals().stream()
            .filter(
                g ->
                    g.kind() == Goal.Kind.SPEED_AT_LEAST
                        && g.contender().equals(contender)
                        && g.baseline().equals(baseline))
            .findFirst();
    Optional<Double> baseMs = millisPerItem(result, baseline);
    Optional<Double> ownMs = millisPerItem(result, contender);
    if (goal.isEmpty() || baseMs.isEmpty() || ownMs.isEmpty()) {
      return Optional.empty();
    }
    String item = singular(w.itemName());
    String floorText;
    double floorMs;
    if (roundTrips > 0) {
      floorMs = roundTrips * roundTripMillis();
      floorText =
          String.format(
              Locale.ROOT,
              "on one connection a %s costs at least %d round trips (%s), %s ms",
              item,
              roundTrips,
              why,
              Sizes.figure(floorMs));
    } else {
      Optional<Cell> fastest =
          result.cells(network).stream()
              .filter(
                  c ->
                      !c.contender().name().equals(baseline)
                          && c.problem().isEmpty()
                          && !c.present().isEmpty())
              .min(Comparator.comparingDouble(c -> 1000.0 / c.stats(w.metric()).median()));
      if (fastest.isEmpty()) {
        return Optional.empty();
      }
      floorMs = 1000.0 / fastest.get().stats(w.metric()).median();
      floorText =
          String.format(
              Locale.ROOT,
              "the fastest client on one connection (%s) takes %s ms per %s: %s",
              fastest.get().contender().name(),
              Sizes.figure(floorMs),
              item,
              why);
    }
    double limit = baseMs.get() / floorMs;
    double target = goal.get().target();
    String verdict =
        limit < target
            ? String.format(
                Locale.ROOT, "below the goal's %sx, so no client can meet it here", number(target))
            : String.format(
                Locale.ROOT,
                "so the goal's %sx is within reach only at or below %s ms per %s%s; %s takes %s%s",
                number(target),
                Sizes.figure(baseMs.get() / target),
                item,
                roundTripsOf(baseMs.get() / target),
                contender,
                Sizes.figure(ownMs.get()),
                roundTripsOf(ownMs.get()));
    return Optional.of(
        String.format(
            Locale.ROOT,
            "%s, arithmetic limit of `%s`: %s takes %s ms per %s%s; %s. At most %s / %s = %sx, %s.",
            network.label(),
            goal.get().describe(),
            baseline,
            Sizes.figure(baseMs.get()),
            item,
            roundTripsOf(baseMs.get()),
            floorText,
            Sizes.figure(baseMs.get()),
            Sizes.figure(floorMs),
            Sizes.figure(limit),
            verdict));
  }

  /** {@code files} -> {@code file}; {@code msg} stays. */
  private static String singular(String itemName) {
    return itemName.endsWith("s") ? itemName.substring(0, itemName.length() - 1) : itemName;
  }

  private static String number(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }

  /** E.g. " (9.6 round trips of 20 ms)" with latency, empty direct. */
  private String roundTripsOf(double millis) {
    return network == Network.LATENCY
        ? String.format(
            Locale.ROOT,
            " (%s round trips of %s ms)",
            Sizes.figure(millis / roundTripMillis()),
            Sizes.figure(roundTripMillis()))
        : "";
  }

  private Optional<Double> millisPerItem(WorkloadResult result, String name) {
    return result
        .cell(network, name)
        .filter(c -> c.problem().isEmpty() && !c.present().isEmpty())
        .map(c -> 1000.0 / c.stats(Metric.ITEMS_PER_SECOND).median());
  }
}
