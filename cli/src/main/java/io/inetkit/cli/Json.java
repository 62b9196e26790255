package io.inetkit.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.Optional;

/**
 * A tiny JSON writer for {@code --json} output, so the CLI needs no JSON library. Writes maps (in
 * their iteration order: use {@code LinkedHashMap} or {@link Map#of} for one-field objects with
 * stable names), iterables, arrays of objects, strings, numbers, booleans, enums (their lower-case
 * name), {@code Optional}, {@code null}, and anything else as its {@code toString()} (instants,
 * paths, URIs).
 *
 * <pre>{@code
 * Map<String, Object> entry = new LinkedHashMap<>();
 * entry.put("name", "file.txt");
 * entry.put("size", 42L);
 * Json.write(entry); // {"name":"file.txt","size":42}
 * }</pre>
 */
public final class Json {
  private Json() {}

  /**
   * {@return {@code value} as compact JSON text}
   *
   * @param value a map, iterable, string, number, boolean, enum, temporal or {@code null}
   */
  public static String write(Object value) {
    StringBuilder sb = new StringBuilder();
    append(sb, value);
    return sb.toString();
  }

  /**
   * Writes a JSON array of {@code items} to {@code out}, one element per line, so a long listing is
   * streamed instead of built in memory first.
   *
   * @param out where to write
   * @param items the elements, each written as {@link #write(Object)} does
   */
  public static void writeArray(PrintWriter out, Iterable<?> items) {
    out.print("[");
    String sep = "\n";
    for (Object item : items) {
      out.print(sep);
      out.print(write(item));
      sep = ",\n";
    }
    out.println(sep.equals("\n") ? "]" : "\n]");
    out.flush();
  }

  private static void append(StringBuilder sb, Object value) {
    if (value instanceof Optional<?> opt) {
      value = opt.orElse(null);
    }
    if (value == null) {
      sb.append("null");
    } else if (value instanceof java.nio.file.Path path) {
      string(sb, path.toString());
    } else if (value instanceof Map<?, ?> map) {
      sb.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!first) {
          sb.append(',');
        }
        first = false;
        string(sb, String.valueOf(e.getKey()));
        sb.append(':');
        append(sb, e.getValue());
      }
      sb.append('}');
    } else if (value instanceof Iterable<?> items) {
      sb.append('[');
      boolean first = true;
      for (Object item : items) {
        if (!first) {
          sb.append(',');
        }
        first = false;
        append(sb, item);
      }
      sb.append(']');
    } else if (value instanceof Object[] array) {
      append(sb, java.util.Arrays.asList(array));
    } else if (value instanceof Boolean
        || value instanceof Integer
        || value instanceof Long
        || value instanceof Short) {
      sb.append(value);
    } else if (value instanceof Number n) {
      double d = n.doubleValue();
      sb.append(Double.isFinite(d) ? n.toString() : "null");
    } else if (value instanceof Enum<?> e) {
      string(sb, e.name().toLowerCase(java.util.Locale.ROOT));
    } else {
      string(sb, value.toString());
    }
  }

  private static void string(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x2028 || c == 0x2029) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }
}
