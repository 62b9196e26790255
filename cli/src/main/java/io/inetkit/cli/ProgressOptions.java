package io.inetkit.cli;

import io.inetkit.core.ProgressListener;
import picocli.CommandLine.Option;

/**
 * The {@code --progress} / {@code --no-progress} options and the progress bar they control. By
 * default a bar is drawn on standard error only when standard error itself is a terminal (not when
 * it is redirected to a file or pipe, see {@link Terminals}) and {@code --quiet} was not given, so
 * scripts, logs and CI output stay clean. {@code --progress} draws it anyway; {@code --no-progress}
 * never.
 *
 * <pre>{@code
 * @Mixin ProgressOptions progress;
 * ProgressListener bar = progress.listener(output);
 * try { imap.download(ref, out, bar); } finally { ProgressOptions.finish(bar); }
 * }</pre>
 */
public final class ProgressOptions {

  @Option(
      names = "--progress",
      negatable = true,
      description =
          "Draw a progress bar (size, rate, ETA) on standard error, or with --no-progress never."
              + " Default: only when standard error is a terminal and not -q.")
  Boolean progress;

  /**
   * {@return whether a bar is wanted: as {@code --[no-]progress} says, else on a terminal}
   *
   * @param output the output options (quiet, terminal)
   */
  public boolean enabled(OutputOptions output) {
    if (progress != null) {
      return progress;
    }
    return !output.quiet() && output.environment().stderrTerminal();
  }

  /** {@return whether {@code --no-progress} was given} */
  public boolean refused() {
    return Boolean.FALSE.equals(progress);
  }

  /**
   * {@return a progress bar when one should be drawn, else {@link ProgressListener#NONE}}
   *
   * @param output the output options (quiet, terminal)
   */
  public ProgressListener listener(OutputOptions output) {
    if (!enabled(output)) {
      return ProgressListener.NONE;
    }
    String columns = output.environment().variable("COLUMNS");
    int width = columns != null && columns.matches("\\d{2,3}") ? Integer.parseInt(columns) : 80;
    return new ProgressBar(output.err(), width - 1);
  }

  /**
   * Ends a progress bar's line if {@code listener} is one that drew something.
   *
   * @param listener the listener a transfer used
   */
  public static void finish(ProgressListener listener) {
    if (listener instanceof ProgressBar bar) {
      bar.finish();
    }
  }
}
