package io.inetkit.core;

/**
 * A {@link ProtocolReplyException} for a resource the server says does not exist: an FTP file
 * (550), an IMAP folder or UID, a POP3 message number, a Gopher selector.
 *
 * <pre>{@code
 * try {
 *   ftp.get("pub/missing.txt", target);
 * } catch (NotFoundException e) {
 *   System.err.println(e.reply()); // 550 pub/missing.txt: No such file or directory
 * }
 * }</pre>
 */
public class NotFoundException extends ProtocolReplyException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception; see {@link ProtocolReplyException#ProtocolReplyException}.
   *
   * @param command the command that was refused, with any secret already redacted
   * @param endpoint the server
   * @param reply the server's reply
   * @param cause the underlying exception, or {@code null}
   */
  public NotFoundException(String command, Endpoint endpoint, Reply reply, Throwable cause) {
    super(command, endpoint, reply, cause);
  }
}
