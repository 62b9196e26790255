package io.inetkit.core.internal;

import io.inetkit.core.InvalidInputException;

/**
 * Validation of caller-supplied protocol values, shared by every module so that a CR, LF or NUL can
 * never reach the wire as part of an address, path, mailbox, selector or header.
 *
 * <pre>{@code
 * String path = Inputs.requireNoControl("path", userPath);        // rejects CR, LF, NUL
 * String tag  = Inputs.requireToken("flag", flag, 256);            // also rejects blanks, spaces
 * }</pre>
 *
 * All methods throw {@link InvalidInputException} naming the parameter and quoting the value with
 * control characters escaped.
 */
public final class Inputs {
  private Inputs() {}

  /** The longest host name accepted (RFC 1035 allows 253 characters). */
  public static final int MAX_HOST = 253;

  /**
   * Returns {@code value} unchanged if it contains no CR, LF or NUL.
   *
   * @throws InvalidInputException if it does, or if it is null
   */
  public static String requireNoControl(String parameter, String value) {
    if (value == null) {
      throw new InvalidInputException(parameter, "must not be null");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\r' || c == '\n' || c == '\0') {
        throw new InvalidInputException(
            parameter, "must not contain CR, LF or NUL (at index " + i + "): " + quote(value));
      }
    }
    return value;
  }

  /** Like {@link #requireNoControl} and also rejects an empty value. */
  public static String requireNonEmpty(String parameter, String value) {
    requireNoControl(parameter, value);
    if (value.isEmpty()) {
      throw new InvalidInputException(parameter, "must not be empty");
    }
    return value;
  }

  /** Like {@link #requireNoControl} and also rejects values longer than {@code maxLength}. */
  public static String requireMaxLength(String parameter, String value, int maxLength) {
    requireNoControl(parameter, value);
    if (value.length() > maxLength) {
      throw new InvalidInputException(
          parameter, "longer than " + maxLength + " characters (" + value.length() + ")");
    }
    return value;
  }

  /**
   * Returns a protocol token: non-empty, at most {@code maxLength} characters, no white space and
   * no control character at all (C0 or DEL).
   */
  public static String requireToken(String parameter, String value, int maxLength) {
    requireNonEmpty(parameter, value);
    requireMaxLength(parameter, value, maxLength);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c <= ' ' || c == 0x7f) {
        throw new InvalidInputException(
            parameter, "must not contain white space or control characters: " + quote(value));
      }
    }
    return value;
  }

  /**
   * Returns a host name, IPv4 literal or IPv6 literal (without brackets), rejecting empty values,
   * white space, control characters and characters no host can contain.
   */
  public static String requireHost(String parameter, String host) {
    requireToken(parameter, host, MAX_HOST);
    for (int i = 0; i < host.length(); i++) {
      char c = host.charAt(i);
      boolean ok =
          Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_' || c == ':' || c == '%';
      if (!ok) {
        throw new InvalidInputException(parameter, "not a valid host: " + quote(host));
      }
    }
    return host;
  }

  /** Returns {@code value} if it is between {@code min} and {@code max} inclusive. */
  public static long requireRange(String parameter, long value, long min, long max) {
    if (value < min || value > max) {
      throw new InvalidInputException(
          parameter, "must be between " + min + " and " + max + ", was " + value);
    }
    return value;
  }

  /**
   * Quotes a value for an error message: control characters escaped ({@code \r}, {@code \n}, {@code
   * \0}, {@code \xNN}) and long values cut to 200 characters.
   */
  public static String quote(String value) {
    if (value == null) {
      return "null";
    }
    StringBuilder sb = new StringBuilder("\"");
    int limit = Math.min(value.length(), 200);
    for (int i = 0; i < limit; i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\r' -> sb.append("\\r");
        case '\n' -> sb.append("\\n");
        case '\0' -> sb.append("\\0");
        case '\t' -> sb.append("\\t");
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        default -> {
          if (c < ' ' || c == 0x7f) {
            sb.append(String.format("\\x%02x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    if (value.length() > limit) {
      sb.append("…");
    }
    return sb.append('"').toString();
  }
}
