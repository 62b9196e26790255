package io.inetkit.core.internal;

import io.inetkit.core.Endpoint;
import io.inetkit.core.ProtocolViolationException;

/**
 * The one rule every protocol's reply reader applies to what a server sends as a reply line: no NUL
 * byte (RFC 5321, 1939, 3501 and 959 all exclude it; a NUL is how a confused or hostile server
 * truncates text in C-string code further down). Not part of the public API.
 *
 * <pre>{@code
 * String line = reader.readLine();
 * ReplyText.requireNoNul(line, "the reply to EHLO", endpoint);
 * }</pre>
 */
public final class ReplyText {
  private ReplyText() {}

  /** Throws {@link #nulByte} when {@code line} holds a NUL character. */
  public static void requireNoNul(String line, String what, Endpoint endpoint)
      throws ProtocolViolationException {
    if (line != null && line.indexOf('\0') >= 0) {
      throw nulByte(what, endpoint, line);
    }
  }

  /**
   * Returns the violation for a NUL byte in {@code line}, received while waiting for {@code what};
   * the line is quoted with the NUL made visible.
   */
  public static ProtocolViolationException nulByte(String what, Endpoint endpoint, String line) {
    return new ProtocolViolationException(
        what + ": the server sent a NUL byte in a reply line: " + Inputs.quote(line),
        endpoint,
        null);
  }
}
