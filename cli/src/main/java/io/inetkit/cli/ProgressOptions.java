package io.inetkit.cli;

import io.inetkit.core.ProgressListener;
import picocli.CommandLine.Option;

/**
 * The {@code --no-progress} option and the progress bar it controls: a bar is drawn on standard
 * error only when it is a terminal and neither {@code --no-progress} nor {@code --quiet} was
 * given; otherwise nothing is drawn, so scripts and logs stay clean.
 *
 * <pre>{@code
 * @Mixin ProgressOptions progress;
 * ProgressListener bar = progress.listener(output);
 * try { imap.download(ref, out, bar); } finally { ProgressOptions.finish(bar); }
 * }</pre>
 */
public final class ProgressOptions {

  @Option(names = "--no-progress", description = "Never draw a progress bar.")
  boolean noProgress;

  /** Returns a progress bar when one should be drawn, else {@link ProgressListener#NONE}. */
  public ProgressListener listener(OutputOptions output) {
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
