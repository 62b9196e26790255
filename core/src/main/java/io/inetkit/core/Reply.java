package io.inetkit.core;

import java.util.Objects;

/**
 * A server's reply to a command, in the shape every protocol shares: a status ({@code "550"},
 * {@code "NO"}, {@code "-ERR"}), the human-readable text, and its {@link Kind}.
 *
 * <pre>{@code
 * Reply r = Reply.numeric(452, "4.2.2 Mailbox full");
 * r.isTransient(); // true: try again later
 * }</pre>
 *
 * @param status the protocol's status token; never blank
 * @param text the reply text (possibly several lines joined with {@code \n}); never null
 * @param kind what the reply means for the command
 */
public record Reply(String status, String text, Kind kind) {

  /** The longest reply text kept; longer text is cut so errors stay bounded. */
  public static final int MAX_TEXT = 4096;

  /** What a reply means for the command it answers. */
  public enum Kind {
    /** The command succeeded (2xx, {@code OK}, {@code +OK}). */
    POSITIVE,
    /** The server waits for more (1xx, 3xx, IMAP {@code +} continuation). */
    INTERMEDIATE,
    /** The command failed but may succeed later (4xx). */
    TRANSIENT_NEGATIVE,
    /** The command failed and will fail again (5xx, {@code NO}, {@code BAD}, {@code -ERR}). */
    PERMANENT_NEGATIVE
  }

  /**
   * Validates and bounds the reply.
   *
   * @param status the protocol's status token; never blank
   * @param text the reply text; {@code null} reads as empty, text longer than {@link #MAX_TEXT} is
   *     cut
   * @param kind what the reply means for the command
   * @throws IllegalArgumentException when {@code status} is blank
   */
  public Reply {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(kind, "kind");
    if (status.isBlank()) {
      throw new IllegalArgumentException("status must not be blank");
    }
    text = text == null ? "" : text;
    if (text.length() > MAX_TEXT) {
      text = text.substring(0, MAX_TEXT) + "…";
    }
  }

  /**
   * {@return the reply for a three-digit SMTP or FTP code, its kind taken from the first digit}
   *
   * @param code the reply code, 100 to 599
   * @param text the reply text
   * @throws IllegalArgumentException when {@code code} is not between 100 and 599
   */
  public static Reply numeric(int code, String text) {
    if (code < 100 || code > 599) {
      throw new IllegalArgumentException("reply code out of range: " + code);
    }
    Kind kind =
        switch (code / 100) {
          case 2 -> Kind.POSITIVE;
          case 1, 3 -> Kind.INTERMEDIATE;
          case 4 -> Kind.TRANSIENT_NEGATIVE;
          default -> Kind.PERMANENT_NEGATIVE;
        };
    return new Reply(Integer.toString(code), text, kind);
  }

  /** {@return the numeric code, or {@code -1} when the status is not a number} */
  public int code() {
    try {
      return Integer.parseInt(status);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** {@return whether the command succeeded} */
  public boolean isPositive() {
    return kind == Kind.POSITIVE;
  }

  /** {@return whether the failure may go away if the command is tried again later} */
  public boolean isTransient() {
    return kind == Kind.TRANSIENT_NEGATIVE;
  }

  /** {@return whether the failure will not go away by trying again} */
  public boolean isPermanent() {
    return kind == Kind.PERMANENT_NEGATIVE;
  }

  /** {@return {@code status text}, as the server said it} */
  @Override
  public String toString() {
    return text.isEmpty() ? status : status + " " + text;
  }
}
