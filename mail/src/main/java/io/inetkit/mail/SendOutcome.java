package io.inetkit.mail;

import io.inetkit.core.InetkitException;
import java.util.Objects;

/**
 * The result of one message in a batch ({@link SmtpSession#sendAll}): either {@link Sent} with
 * its receipt or {@link Failed} with the typed error. One failed message does not stop the batch.
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

  /** Returns the position of the message in the batch (from 0). */
  int index();

  /**
   * The server accepted the message.
   *
   * @param index position in the batch
   * @param receipt what the server said
   */
  record Sent(int index, SendReceipt receipt) implements SendOutcome {
    /** Checks for null. */
    public Sent {
      Objects.requireNonNull(receipt, "receipt");
    }
  }

  /**
   * The message was not accepted.
   *
   * @param index position in the batch
   * @param error why; its message names the server and its reply
   */
  record Failed(int index, InetkitException error) implements SendOutcome {
    /** Checks for null. */
    public Failed {
      Objects.requireNonNull(error, "error");
    }
  }
}
