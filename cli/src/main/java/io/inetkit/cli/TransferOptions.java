package io.inetkit.cli;

import io.inetkit.core.ProgressListener;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Options of commands that move bytes, modelled on curl's: {@code --retry N} (which resumes, where
 * the protocol allows) and {@code --[no-]progress} ({@link ProgressOptions}). {@code --retry-delay}
 * ({@link RetryDelayOption}) and the guards {@code --max-filesize} ({@link MaxFileSizeOption}) and
 * {@code --limit-rate} ({@link RateLimitOption}) are mixins of their own, so that a command lists
 * only what it honours.
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
      names = "--retry",
      paramLabel = "N",
      description =
          "Retry up to N times after a timeout, a dropped connection or a temporary server"
              + " error; FTP transfers resume where they stopped (FTP default 3, others 0).")
  Integer retries;

  @Mixin ProgressOptions progressOptions;

  /**
   * {@return the retry policy from {@code --retry} and {@code --retry-delay}}
   *
   * @param delay the {@code --retry-delay} option
   * @param output where retry notes go
   */
  public Retry retry(RetryDelayOption delay, OutputOptions output) {
    return new Retry(retries().orElse(0), delay.retryDelay(), output);
  }

  /** {@return {@code --retry N} when given (0 to 100)} */
  public java.util.OptionalInt retries() {
    if (retries == null) {
      return java.util.OptionalInt.empty();
    }
    if (retries < 0 || retries > 100) {
      throw new picocli.CommandLine.ParameterException(
          mixee.commandLine(), "--retry must be between 0 and 100");
    }
    return java.util.OptionalInt.of(retries);
  }

  /**
   * {@return the progress bar to draw, if any; see {@link ProgressOptions}}
   *
   * @param output the output options (quiet, terminal)
   */
  public ProgressListener progress(OutputOptions output) {
    return progressOptions.listener(output);
  }

  /**
   * Ends a progress bar's line if {@code listener} is one that drew something.
   *
   * @param listener the listener a transfer used
   */
  public static void finish(ProgressListener listener) {
    ProgressOptions.finish(listener);
  }
}
