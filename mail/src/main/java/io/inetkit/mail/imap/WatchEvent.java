package io.inetkit.mail.imap;

import io.inetkit.core.InetkitException;
import java.util.List;
import java.util.Objects;

/**
 * What an {@link ImapWatch} reports.
 *
 * <pre>{@code
 * client.watch("INBOX", WatchOptions.defaults(), e -> {
 *   if (e.kind() == WatchEvent.Kind.NEW_MESSAGES) e.messages().forEach(queue::add);
 * });
 * }</pre>
 *
 * @param kind what happened
 * @param messages the new messages ({@link Kind#NEW_MESSAGES}); empty otherwise
 * @param count how many messages arrived or were expunged
 * @param error the failure ({@link Kind#DISCONNECTED}), the {@link UidValidityException} (old and
 *     new value, {@link Kind#UIDVALIDITY_CHANGED}), else {@code null}
 */
public record WatchEvent(Kind kind, List<MessageRef> messages, int count, InetkitException error) {

  /** The kinds of event. */
  public enum Kind {
    /** Messages arrived; {@link #messages()} holds their refs, in UID order. */
    NEW_MESSAGES,
    /** Messages were expunged; {@link #count()} says how many. */
    EXPUNGED,
    /** The connection failed; the watch reconnects after a backoff. */
    DISCONNECTED,
    /** The watch is connected again (after {@link #DISCONNECTED}). */
    RECONNECTED,
    /**
     * The folder's UIDVALIDITY changed (seen after a reconnection): earlier refs are void, {@link
     * #error()} is the {@link UidValidityException}; every message the folder now holds follows as
     * {@link #NEW_MESSAGES} with fresh refs.
     */
    UIDVALIDITY_CHANGED
  }

  /**
   * Validates and copies.
   *
   * @param kind what happened
   * @param messages the new messages ({@link Kind#NEW_MESSAGES}); empty otherwise
   * @param count how many messages arrived or were expunged
   * @param error the failure ({@link Kind#DISCONNECTED}), the {@link UidValidityException} (old and
   *     new value, {@link Kind#UIDVALIDITY_CHANGED}), else {@code null}
   */
  public WatchEvent {
    Objects.requireNonNull(kind, "kind");
    messages = List.copyOf(messages);
  }
}
