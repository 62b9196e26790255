package io.inetkit.mail.smtp;

import io.inetkit.core.Reply;
import io.inetkit.mail.MailAddress;
import java.util.Objects;

/**
 * The server's answer to one {@code RCPT TO}.
 *
 * <pre>{@code
 * for (RecipientReply r : receipt.rejected()) {
 *   log.warn("{} refused: {}", r.recipient().address(), r.reply()); // 550 5.1.1 no such user
 * }
 * }</pre>
 *
 * @param recipient the recipient
 * @param reply what the server said
 */
public record RecipientReply(MailAddress recipient, Reply reply) {
  /**
   * Checks for nulls.
   *
   * @param recipient the recipient
   * @param reply what the server said
   */
  public RecipientReply {
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(reply, "reply");
  }
}
