package io.inetkit.terminal;

import java.util.Objects;

/**
 * One piece of a {@linkplain TelnetSession#transcript() session transcript}: text sent or received.
 * Passwords sent by {@link TelnetSession#login} appear as {@code ***}.
 *
 * <pre>{@code
 * for (TranscriptEntry e : session.transcript()) {
 *   System.out.print(e.direction() == TranscriptEntry.Direction.SENT ? "> " + e.text() : e.text());
 * }
 * }</pre>
 *
 * @param direction whether the client sent or received the text
 * @param text the text, decoded with the session's charset
 */
public record TranscriptEntry(Direction direction, String text) {

  /** Which way the text went. */
  public enum Direction {
    /** From this client to the server. */
    SENT,
    /** From the server to this client. */
    RECEIVED
  }

  /**
   * Validates.
   *
   * @param direction whether the client sent or received the text
   * @param text the text; not null
   */
  public TranscriptEntry {
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(text, "text");
  }
}
