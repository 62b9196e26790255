package io.inetkit.cli;

import io.inetkit.core.Timeouts;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * The timeout options every network command shares. Durations read as {@code 500ms}, {@code 10s},
 * {@code 2m} or bare seconds; defaults are the library's finite {@link Timeouts#DEFAULT}.
 *
 * <pre>{@code
 * @Mixin TimeoutOptions timeouts;
 * client.builder().timeouts(timeouts.timeouts());
 * }</pre>
 */
public final class TimeoutOptions {

  @Option(
      names = "--connect-timeout",
      paramLabel = "DURATION",
      converter = Durations.class,
      description =
          "Give up connecting after DURATION (e.g. 5s; default 30s); FTP also waits"
              + " this long for the greeting, and every TLS handshake this long.")
  Duration connect;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      converter = Durations.class,
      description =
          "Give up when the server stays silent for DURATION (default 60s): while"
              + " waiting for a reply or for the next bytes of a transfer.")
  Duration read;

  @Option(
      names = "--max-time",
      paramLabel = "DURATION",
      converter = Durations.class,
      description =
          "Give up when the whole command takes longer than DURATION: connect,"
              + " greeting, TLS, login, every command, every transfer and every retry (without it,"
              + " each operation may take up to 1h).")
  Duration overall;

  /** {@return the library defaults with any option given on the command line applied} */
  public Timeouts timeouts() {
    Timeouts t = Timeouts.DEFAULT;
    if (connect != null) {
      t = t.withConnect(connect);
    }
    if (read != null) {
      t = t.withRead(read);
    }
    if (overall != null) {
      t = t.withOverall(overall);
    }
    return t;
  }
}
