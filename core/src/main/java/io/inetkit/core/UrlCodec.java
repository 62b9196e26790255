package io.inetkit.core;

import io.inetkit.core.internal.Inputs;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Percent-decoding and -encoding (RFC 3986) for the URL classes, with the checks every URL
 * component must pass: well-formed escapes, UTF-8, and no CR, LF or NUL after decoding.
 */
final class UrlCodec {
  private UrlCodec() {}

  /** Characters never encoded: RFC 3986 unreserved. */
  private static final String UNRESERVED =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";

  /** Sub-delimiters and ':' '@' allowed in a path segment, minus ';' (a parameter marker). */
  static final String SEGMENT_SAFE = "!$&'()*+,=:@";

  /**
   * Decodes {@code raw}, naming {@code component} in errors.
   *
   * @throws InvalidInputException for a bad escape, invalid UTF-8, or CR, LF or NUL in the result
   */
  static String decode(String component, String raw) {
    if (raw.indexOf('%') < 0) {
      return Inputs.requireNoControl(component, raw);
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        int hi = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
        int lo = hi >= 0 ? Character.digit(raw.charAt(i + 2), 16) : -1;
        if (lo < 0) {
          throw new InvalidInputException(
              component, "bad percent-escape at index " + i + " in " + Inputs.quote(raw));
        }
        bytes.write(hi << 4 | lo);
        i += 2;
      } else {
        byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        if (Character.isHighSurrogate(c) && i + 1 < raw.length()) {
          utf8 = raw.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
          i++;
        }
        bytes.writeBytes(utf8);
      }
    }
    try {
      String decoded =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes.toByteArray()))
              .toString();
      return Inputs.requireNoControl(component, decoded);
    } catch (CharacterCodingException e) {
      throw new InvalidInputException(
          component, "percent-escapes are not valid UTF-8 in " + Inputs.quote(raw));
    }
  }

  /**
   * Encodes {@code value} as UTF-8, escaping every character that is neither unreserved nor in
   * {@code safe}.
   */
  static String encode(String value, String safe) {
    StringBuilder sb = new StringBuilder(value.length() + 8);
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if (c < 0x80 && (UNRESERVED.indexOf(c) >= 0 || safe.indexOf(c) >= 0)) {
        sb.append(c);
      } else {
        sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        sb.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return sb.toString();
  }

  /** {@return {@code text.indexOf(token)} ignoring ASCII case, from {@code from}} */
  static int indexOfIgnoreCase(String text, String token, int from) {
    for (int i = Math.max(0, from); i + token.length() <= text.length(); i++) {
      if (text.regionMatches(true, i, token, 0, token.length())) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Parses a positive decimal number (RFC 5092 {@code nz-number}, a message number) of at most
   * {@code max}.
   */
  static long parsePositive(String component, String text, long max) {
    if (text.isEmpty() || text.length() > 18 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new InvalidInputException(component, "not a positive number: " + Inputs.quote(text));
    }
    long value = Long.parseLong(text);
    if (value < 1 || value > max) {
      throw new InvalidInputException(component, "must be between 1 and " + max + ", was " + value);
    }
    return value;
  }
}
