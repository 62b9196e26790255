package io.inetkit.mail.imap;

import io.inetkit.mail.Flag;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a message list shows, fetched in bulk (one IMAP FETCH per page of messages).
 *
 * <pre>{@code
 * imap.forEachSummary("INBOX", 500, m ->
 *     System.out.printf("%d %-30s %s%n", m.ref().uid(), m.from(), m.subject()));
 * }</pre>
 *
 * @param ref the message
 * @param flags its system flags
 * @param keywords its custom keywords
 * @param size its RFC 822 size in bytes
 * @param from the From address(es), decoded ({@code Alice <alice@example.org>}); empty if none
 * @param to the To addresses, decoded
 * @param cc the Cc addresses, decoded
 * @param subject the decoded subject; empty if none
 * @param date the Date header, or {@code null} when missing or unparsable
 * @param messageId the Message-ID, or empty
 * @param hasAttachments whether any part is an attachment (disposition attachment, or a named
 *     non-text part)
 */
public record MessageSummary(
    MessageRef ref,
    Set<Flag> flags,
    Set<String> keywords,
    long size,
    String from,
    List<String> to,
    List<String> cc,
    String subject,
    Instant date,
    String messageId,
    boolean hasAttachments) {

  /**
   * Validates and copies.
   *
   * @param ref the message
   * @param flags its system flags
   * @param keywords its custom keywords
   * @param size its RFC 822 size in bytes
   * @param from the From address(es), decoded ({@code Alice <alice@example.org>}); empty if none
   * @param to the To addresses, decoded
   * @param cc the Cc addresses, decoded
   * @param subject the decoded subject; empty if none
   * @param date the Date header, or {@code null} when missing or unparsable
   * @param messageId the Message-ID, or empty
   * @param hasAttachments whether any part is an attachment (disposition attachment, or a named
   *     non-text part)
   */
  public MessageSummary {
    Objects.requireNonNull(ref, "ref");
    flags = Set.copyOf(flags);
    keywords = Set.copyOf(keywords);
    from = Objects.requireNonNullElse(from, "");
    to = List.copyOf(to);
    cc = List.copyOf(cc);
    subject = Objects.requireNonNullElse(subject, "");
    messageId = Objects.requireNonNullElse(messageId, "");
  }
}
