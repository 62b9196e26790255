package io.inetkit.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads durations as people type them: {@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h}, or a
 * bare number of seconds like curl ({@code 30}, {@code 2.5}).
 */
final class Durations implements ITypeConverter<Duration> {
  private static final Pattern FORMAT =
      Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|sec|m|min|h)?");

  @Override
  public Duration convert(String value) {
    return parse(value);
  }

  /** Parses a duration; throws {@link TypeConversionException} with an example when invalid. */
  static Duration parse(String value) {
    Matcher m = FORMAT.matcher(value.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new TypeConversionException(
          "'" + value + "' is not a duration (examples: 500ms, 10s, 2m, 1h)");
    }
    double amount = Double.parseDouble(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    double millis =
        switch (unit) {
          case "ms" -> amount;
          case "m", "min" -> amount * 60_000;
          case "h" -> amount * 3_600_000;
          default -> amount * 1000;
        };
    if (millis < 1 || millis > Integer.MAX_VALUE) {
      throw new TypeConversionException("'" + value + "' is out of range (1ms to about 24 days)");
    }
    return Duration.ofMillis((long) millis);
  }

  /** Formats a duration briefly: {@code 500ms}, {@code 10s}, {@code 2m}. */
  static String format(Duration d) {
    long ms = d.toMillis();
    if (ms < 1000 || ms % 1000 != 0) {
      return ms + "ms";
    }
    return ms % 60_000 == 0 ? ms / 60_000 + "m" : ms / 1000 + "s";
  }
}
