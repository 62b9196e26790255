package io.inetkit.core;

import java.util.Objects;

/**
 * The server answered a command with a negative reply: an SMTP or FTP 4xx/5xx, an IMAP {@code
 * NO}/{@code BAD}, a POP3 {@code -ERR}, a Gopher error item. The {@link #reply()} says whether the
 * failure is transient (worth retrying later) or permanent.
 *
 * <pre>{@code
 * catch (ProtocolReplyException e) {
 *   if (e.reply().isTransient()) retryLater();
 * }
 * }</pre>
 */
public class ProtocolReplyException extends InetkitException {
  private static final long serialVersionUID = 1L;

  /** The refused command, secrets redacted. */
  private final String command;

  /** The server's reply. */
  private final Reply reply;

  /**
   * @param command the command that was refused, with any secret already redacted
   * @param endpoint the server
   * @param reply the server's reply
   * @param cause the underlying exception, or {@code null}
   */
  public ProtocolReplyException(String command, Endpoint endpoint, Reply reply, Throwable cause) {
    super(
        Objects.requireNonNull(command, "command") + " refused: " + Objects.requireNonNull(reply),
        endpoint,
        cause);
    this.command = command;
    this.reply = reply;
  }

  /** {@return the command the server refused (secrets redacted)} */
  public String command() {
    return command;
  }

  /** {@return the server's reply} */
  public Reply reply() {
    return reply;
  }
}
