package io.inetkit.cli;

import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * {@code --retry-delay DURATION}, for the commands whose retries wait ({@code gopher} fetches again
 * from the start); FTP reconnects and resumes at once and does not list it.
 *
 * <pre>{@code
 * @Mixin RetryDelayOption delay;
 * transfer.retry(delay, output).run(attempt -> fetch());
 * }</pre>
 */
public final class RetryDelayOption {
  @Option(
      names = "--retry-delay",
      paramLabel = "DURATION",
      converter = Durations.class,
      defaultValue = "1s",
      description = "Wait DURATION before the first retry, doubling each time (default 1s).")
  Duration retryDelay;

  /** {@return the wait before the first retry} */
  public Duration retryDelay() {
    return retryDelay;
  }
}
