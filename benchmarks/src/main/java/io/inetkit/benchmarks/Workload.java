package io.inetkit.benchmarks;

import java.util.List;

/**
 * One job from issue 10's table (e.g. "FTP get 1 GiB"), done by several {@link Contender}s.
 *
 * <p>The {@link Runner} calls {@link #setUp}, then for each {@link #networks() network} runs a
 * warm-up and N rounds in which every contender runs once, then {@link #close}.
 */
public interface Workload extends AutoCloseable {

  /** Short id for {@code --only}, e.g. {@code ftp-get}. */
  String id();

  /** Human title, e.g. {@code FTP get}. */
  String title();

  /** How samples are shown. */
  Metric metric();

  /** Item name for {@link Metric#ITEMS_PER_SECOND}, e.g. {@code msg}. */
  default String itemName() {
    return "op";
  }

  /** The networks this workload runs over. */
  default List<Network> networks() {
    return List.of(Network.DIRECT);
  }

  /** Full-size work for one trial on {@code network} (bytes or items), before scaling. */
  long fullSize(Network network);

  /**
   * The size of the warm-up trial (discarded) before trials of {@code size} on {@code network}: a
   * tenth, except for many small items without latency, where a tenth leaves a JVM client still
   * compiling its hot paths in the first measured run (a mirror's per-file cost halves only after
   * ~1,500 files), so the warm-up is the whole batch.
   */
  default long warmUpSize(Network network, long size) {
    return network == Network.DIRECT && metric() == Metric.ITEMS_PER_SECOND
        ? size
        : Math.max(minSize(), size / 10);
  }

  /** The smallest size scaling may produce. */
  default long minSize() {
    return 1;
  }

  /** Formats a size for tables, e.g. {@code 1 GiB} or {@code 10,000 msg}. */
  default String describeSize(long size) {
    return metric() == Metric.MIB_PER_SECOND
        ? Sizes.bytes(size)
        : Sizes.count(size) + " " + itemName();
  }

  /** Whether inetkit has what this workload needs; when not, no contender runs. */
  default Availability availability() {
    return Availability.AVAILABLE;
  }

  /** Starts servers and prepares data for trials up to {@code maxSize}. */
  void setUp(BenchContext context, long maxSize) throws Exception;

  /** The contenders, in table order; the first is inetkit. */
  List<Contender> contenders();

  /** Goals from issue 10. */
  List<Goal> goals();

  /** Notes for BENCHMARKS.md (e.g. where the embedded server is the bottleneck). */
  default List<String> notes() {
    return List.of();
  }

  /**
   * Arithmetic limits of goals that no client could meet here (e.g. round trips with latency),
   * explained in the notes with the run's own figures.
   */
  default List<Ceiling> ceilings() {
    return List.of();
  }

  /** Stops servers; must be safe after a failed {@link #setUp}. */
  @Override
  void close() throws Exception;
}
