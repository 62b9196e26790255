package io.inetkit.mail.smtp;

import io.inetkit.core.InetkitException;
import java.util.List;
import java.util.Objects;

/**
 * The result of one message in a batch ({@link SmtpSession#sendAll}): either {@link Sent} with its
 * receipt or {@link Failed} with the typed error. One failed message does not stop the batch.
 *
 * <pre>{@code
 * for (SendOutcome o : smtp.sendAll(messages)) {
 *   switch (o) {
 *     case SendOutcome.Sent s -> log.info("#{} queued: {}", s.index(), s.receipt().finalReply());
 *     case SendOutcome.Failed f -> log.warn("#{} failed: {}", f.index(), f.error().getMessage());
 *   }
 * }
 * }</pre>
 */
public sealed interface SendOutcome permits SendOutcome.Sent, SendOutcome.Failed {

  /** {@return the position of the message in the batch (from 0)} */
  int index();

  /**
   * The server accepted the message.
   *
   * @param index position in the batch
   * @param receipt what the server said
   * @param retriedAfter the failures (a 421 or a dropped connection before any of this message's
   *     data was committed) after which the session connected again and sent it once more; empty
   *     when it went through on the first try
   */
  record Sent(int index, SendReceipt receipt, List<InetkitException> retriedAfter)
      implements SendOutcome {
    /**
     * Checks for null and copies.
     *
     * @param index position in the batch
     * @param receipt what the server said
     * @param retriedAfter the failures (a 421 or a dropped connection before any of this message's
     *     data was committed) after which the session connected again and sent it once more; empty
     *     when it went through on the first try
     */
    public Sent {
      Objects.requireNonNull(receipt, "receipt");
      retriedAfter = List.copyOf(retriedAfter);
    }

    /**
     * A message accepted on the first try.
     *
     * @param index position in the batch
     * @param receipt what the server said
     */
    public Sent(int index, SendReceipt receipt) {
      this(index, receipt, List.of());
    }

    /** {@return whether the session had to connect again to send this message} */
    public boolean wasRetried() {
      return !retriedAfter.isEmpty();
    }
  }

  /**
   * The message was not accepted.
   *
   * @param index position in the batch
   * @param error why; its message names the server and its reply (an earlier try's failure, if the
   *     message was tried again on a new connection, is suppressed in it)
   */
  record Failed(int index, InetkitException error) implements SendOutcome {
    /**
     * Checks for null.
     *
     * @param index position in the batch
     * @param error why; its message names the server and its reply (an earlier try's failure, if
     *     the message was tried again on a new connection, is suppressed in it)
     */
    public Failed {
      Objects.requireNonNull(error, "error");
    }
  }
}
