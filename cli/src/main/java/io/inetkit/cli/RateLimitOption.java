package io.inetkit.cli;

import picocli.CommandLine.Option;

/**
 * {@code --limit-rate RATE}, curl's throttle, for the commands whose client paces transfers ({@code
 * ftp get}, {@code ftp put}); commands that cannot honour it do not list it.
 *
 * <pre>{@code
 * @Mixin RateLimitOption rate;
 * if (rate.limitRate() > 0) builder.rateLimit(rate.limitRate());
 * }</pre>
 */
public final class RateLimitOption {
  @Option(
      names = "--limit-rate",
      paramLabel = "RATE",
      converter = ByteSizes.class,
      description = "Transfer at most RATE bytes per second (e.g. 500k, 2M).")
  Long limitRate;

  /** {@return the {@code --limit-rate} in bytes per second, or {@code -1} when none} */
  public long limitRate() {
    return limitRate == null ? -1 : limitRate;
  }
}
