package io.inetkit.transfer.gopher.internal;

import io.inetkit.core.Endpoint;
import io.inetkit.core.GopherUrl;
import io.inetkit.core.InvalidInputException;
import io.inetkit.core.Scheme;
import io.inetkit.core.internal.Inputs;
import java.nio.charset.StandardCharsets;

/** Selector checks and item-to-URL conversion (RFC 4266). */
public final class GopherUrls {
  private GopherUrls() {}

  private static final String SAFE =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,=:@/;";

  /**
   * Returns {@code value} if it can go into a request line: not null, no CR, LF, NUL or TAB.
   *
   * @throws InvalidInputException naming {@code parameter} otherwise
   */
  public static String requireSelector(String parameter, String value) {
    Inputs.requireNoControl(parameter, value);
    int tab = value.indexOf('\t');
    if (tab >= 0) {
      throw new InvalidInputException(
          parameter, "must not contain TAB (at index " + tab + "): " + Inputs.quote(value));
    }
    return value;
  }

  /** Returns the RFC 4266 URL of an item. */
  public static GopherUrl of(Scheme scheme, Endpoint endpoint, char code, String selector) {
    if (scheme != Scheme.GOPHER && scheme != Scheme.GOPHERS) {
      throw new InvalidInputException("scheme", "not gopher or gophers: " + scheme);
    }
    String host = endpoint.isIpv6Literal() ? "[" + endpoint.host() + "]" : endpoint.host();
    if (code <= ' ' || code >= 0x7f) {
      throw new InvalidInputException(
          "code", "item type cannot be written in a URL: " + Inputs.quote(String.valueOf(code)));
    }
    String type = encode(String.valueOf(code));
    return GopherUrl.parse(
        scheme.id() + "://" + host + ":" + endpoint.port() + "/" + type + encode(selector));
  }

  /** Percent-encodes (UTF-8) every byte outside the path-safe set. */
  static String encode(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 8);
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c < 0x80 && SAFE.indexOf(c) >= 0) {
        sb.append((char) c);
      } else {
        sb.append('%')
            .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return sb.toString();
  }
}
