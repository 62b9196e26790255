package io.inetkit.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads and prints byte counts: {@code 1048576}, {@code 500k}, {@code 10M}, {@code 1.5G} (binary
 * multiples, as curl reads them), and formats them as {@code 1.5 MiB}.
 */
final class ByteSizes implements ITypeConverter<Long> {
  private static final Pattern FORMAT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kmgt]?)i?b?");

  @Override
  public Long convert(String value) {
    return parse(value);
  }

  /** Parses a size; throws {@link TypeConversionException} with an example when invalid. */
  static long parse(String value) {
    Matcher m = FORMAT.matcher(value.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new TypeConversionException("'" + value + "' is not a size (examples: 512k, 10M, 2G)");
    }
    int shift = "kmgt".indexOf(m.group(2).isEmpty() ? ' ' : m.group(2).charAt(0)) + 1;
    double bytes = Double.parseDouble(m.group(1)) * (1L << (10 * shift));
    if (bytes < 1 || bytes > Long.MAX_VALUE / 2) {
      throw new TypeConversionException("'" + value + "' is out of range");
    }
    return (long) bytes;
  }

  /** Formats a byte count for people: {@code 512 B}, {@code 1.5 KiB}, {@code 3.2 GiB}. */
  static String format(double bytes) {
    String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
    int unit = 0;
    while (bytes >= 1024 && unit < units.length - 1) {
      bytes /= 1024;
      unit++;
    }
    return unit == 0
        ? String.format(Locale.ROOT, "%d B", (long) bytes)
        : String.format(Locale.ROOT, "%.1f %s", bytes, units[unit]);
  }
}
