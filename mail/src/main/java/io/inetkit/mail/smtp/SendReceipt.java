package io.inetkit.mail.smtp;

import io.inetkit.core.Reply;
import io.inetkit.mail.PreparedMessage;
import io.inetkit.mail.imap.MessageSummary;
import java.util.List;
import java.util.Objects;

/**
 * What the server said about one message it <em>accepted</em> (accepted for delivery, not
 * delivered): which recipients it took and which it refused, with each reply, and its final reply
 * to the message (often a queue id). Partial success is normal in SMTP: check {@link #rejected()}.
 *
 * <pre>{@code
 * SendReceipt r = smtp.send(message);
 * System.out.println(r.finalReply());          // 250 2.0.0 Ok: queued as 4F2A1C
 * r.rejected().forEach(x -> System.out.println(x.recipient() + ": " + x.reply()));
 * }</pre>
 *
 * @param messageId the Message-ID sent, in angle brackets as in the header and in {@link
 *     MessageSummary#messageId()} ({@code <id@host>}); for a {@link PreparedMessage} the file's own
 *     Message-ID, or {@code ""} when it has none
 * @param accepted recipients the server accepted
 * @param rejected recipients the server refused, with its reply (4xx or 5xx)
 * @param finalReply the reply to the end of the message data
 */
public record SendReceipt(
    String messageId,
    List<RecipientReply> accepted,
    List<RecipientReply> rejected,
    Reply finalReply) {

  /**
   * Copies the lists.
   *
   * @param messageId the Message-ID sent, in angle brackets as in the header and in {@link
   *     MessageSummary#messageId()} ({@code <id@host>}); for a {@link PreparedMessage} the file's
   *     own Message-ID, or {@code ""} when it has none
   * @param accepted recipients the server accepted
   * @param rejected recipients the server refused, with its reply (4xx or 5xx)
   * @param finalReply the reply to the end of the message data
   */
  public SendReceipt {
    Objects.requireNonNull(messageId, "messageId");
    accepted = List.copyOf(accepted);
    rejected = List.copyOf(rejected);
    Objects.requireNonNull(finalReply, "finalReply");
  }
}
