package io.inetkit.cli;

import io.inetkit.core.ProgressListener;
import io.inetkit.core.TransferProgress;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/**
 * Draws a one-line progress bar on a terminal from the library's {@link ProgressListener}
 * callbacks: name, bar, percentage, bytes, rate and time left. The line is redrawn in place with
 * {@code \r} and ended with a newline when the transfer completes or {@link #finish()} is called.
 *
 * <pre>{@code
 * ProgressBar bar = new ProgressBar(err, 80);
 * ftp.get("big.iso", Path.of("big.iso"), bar);
 * bar.finish();
 * }</pre>
 */
public final class ProgressBar implements ProgressListener {
  private final PrintWriter err;
  private final int width;
  private boolean drawn;

  /**
   * Draws on {@code err}, using at most {@code width} columns.
   *
   * @param err standard error
   * @param width the terminal's width in columns (at least 40 are used)
   */
  public ProgressBar(PrintWriter err, int width) {
    this.err = err;
    this.width = Math.max(40, width);
  }

  @Override
  public synchronized void progress(TransferProgress p) {
    String line = render(p, width);
    err.print("\r" + line);
    drawn = true;
    if (p.totalKnown() && p.bytesDone() >= p.totalBytes()) {
      finish();
    } else {
      err.flush();
    }
  }

  /** Ends the line if one was drawn; safe to call more than once. */
  public synchronized void finish() {
    if (drawn) {
      err.println();
      err.flush();
      drawn = false;
    }
  }

  /** Renders one line of at most {@code width} characters. */
  static String render(TransferProgress p, int width) {
    String rate = ByteSizes.format(p.bytesPerSecond()) + "/s";
    String stats;
    String bar = "";
    if (p.totalKnown()) {
      stats =
          String.format(
              Locale.ROOT,
              "%3d%% %s / %s %s ETA %s",
              (int) (p.fraction() * 100),
              ByteSizes.format(p.bytesDone()),
              ByteSizes.format(p.totalBytes()),
              rate,
              p.remaining().map(ProgressBar::clock).orElse("--:--"));
    } else {
      stats = ByteSizes.format(p.bytesDone()) + " " + rate + " " + clock(p.elapsed());
    }
    int nameWidth = Math.min(24, Math.max(8, width - stats.length() - 25));
    String name = fit(p.name(), nameWidth);
    if (p.totalKnown()) {
      int cells = Math.max(10, width - name.length() - stats.length() - 5);
      int full = (int) Math.round(p.fraction() * cells);
      bar = " [" + "#".repeat(full) + "-".repeat(cells - full) + "]";
    }
    String line = name + bar + " " + stats;
    return line.length() > width ? line.substring(0, width) : line;
  }

  private static String fit(String name, int width) {
    if (name.length() > width) {
      return "…" + name.substring(name.length() - width + 1);
    }
    return String.format("%-" + width + "s", name);
  }

  private static String clock(Duration d) {
    long s = d.toSeconds();
    return s >= 3600
        ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }
}
