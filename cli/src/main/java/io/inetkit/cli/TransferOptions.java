package io.inetkit.cli;

import io.inetkit.core.ProgressListener;
import java.time.Duration;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Options of commands that move bytes, modelled on curl's guards: {@code --max-filesize},
 * {@code --limit-rate}, {@code --retry N} (which resumes, where the protocol allows), and {@code
 * --no-progress}. A progress bar is drawn only when standard error is a terminal.
 *
 * <pre>{@code
 * @Mixin TransferOptions transfer;
 * ProgressListener bar = transfer.progress(output);
 * }</pre>
 */
public final class TransferOptions {

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(
      names = "--max-filesize",
      paramLabel = "SIZE",
      converter = ByteSizes.class,
      description = "Refuse to download more than SIZE bytes (e.g. 10M, 1G).")
  Long maxFileSize;

  @Option(
      names = "--limit-rate",
      paramLabel = "RATE",
      converter = ByteSizes.class,
      description = "Transfer at most RATE bytes per second (e.g. 500k, 2M).")
  Long limitRate;

  @Option(
      names = "--retry",
      paramLabel = "N",
      defaultValue = "0",
      description =
          "Retry up to N times after a timeout, a dropped connection or a temporary server"
              + " error; transfers resume where they stopped.")
  int retries;

  @Option(
      names = "--retry-delay",
      paramLabel = "DURATION",
      converter = Durations.class,
      defaultValue = "1s",
      description = "Wait DURATION before the first retry, doubling each time (default 1s).")
  Duration retryDelay;

  @Option(names = "--no-progress", description = "Never draw a progress bar.")
  boolean noProgress;

  /** Returns the {@code --max-filesize} limit, or {@code -1} when none. */
  public long maxFileSize() {
    return maxFileSize == null ? -1 : maxFileSize;
  }

  /** Returns the {@code --limit-rate} in bytes per second, or {@code -1} when none. */
  public long limitRate() {
    return limitRate == null ? -1 : limitRate;
  }

  /** Returns the retry policy from {@code --retry} and {@code --retry-delay}. */
  public Retry retry(OutputOptions output) {
    if (retries < 0) {
      throw new picocli.CommandLine.ParameterException(
          mixee.commandLine(), "--retry must not be negative");
    }
    return new Retry(retries, retryDelay, output);
  }

  /**
   * Returns a progress bar on standard error when it is a terminal and neither {@code
   * --no-progress} nor {@code --quiet} was given; else a listener that draws nothing.
   */
  public ProgressListener progress(OutputOptions output) {
    CliEnvironment env = output.environment();
    if (noProgress || output.quiet() || !env.terminal()) {
      return ProgressListener.NONE;
    }
    String columns = env.variable("COLUMNS");
    int width = columns != null && columns.matches("\\d{2,3}") ? Integer.parseInt(columns) : 80;
    return new ProgressBar(output.err(), width - 1);
  }

  /** Ends a progress bar's line if {@code listener} is one that drew something. */
  public static void finish(ProgressListener listener) {
    if (listener instanceof ProgressBar bar) {
      bar.finish();
    }
  }
}
