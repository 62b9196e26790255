package io.inetkit.benchmarks;

/**
 * One way of doing a workload's job: inetkit in-process, the CLI, curl, Python, or a raw socket.
 *
 * @param name shown in tables and referred to by {@link Goal}s, e.g. {@code curl}
 * @param timing what the measured time covers, shown in the notes
 * @param availability whether it can run here
 * @param task the job
 */
public record Contender(String name, String timing, Availability availability, Task task) {

  /** The job a contender does for one trial. */
  @FunctionalInterface
  public interface Task {
    /** Does the work once and returns its measurement; throws when the work failed. */
    Sample run(Trial trial) throws Exception;
  }

  /** A contender that cannot run, reported with its reason. */
  public static Contender unavailable(String name, Availability why) {
    return new Contender(
        name,
        "",
        why,
        trial -> {
          throw new IllegalStateException(why.describe());
        });
  }
}
