package io.inetkit.mail.smtp;

import io.inetkit.core.InetkitException;
import io.inetkit.core.internal.Deadline;
import io.inetkit.mail.MissingExtensionException;
import io.inetkit.mail.OutgoingMessage;
import io.inetkit.mail.internal.SmtpBatch;
import io.inetkit.mail.internal.SmtpConnection;
import io.inetkit.mail.internal.SmtpTransaction;
import java.io.Closeable;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SMTP connection, opened by {@link SmtpClient#open()}: send one message after another, or a
 * whole batch over the same connection. Not thread-safe; {@link #close()} says QUIT and is
 * idempotent.
 *
 * <pre>{@code
 * try (SmtpSession smtp = client.open()) {
 *   System.out.println(smtp.capabilities().extensions());
 *   SendReceipt receipt = smtp.send(message);
 *   List<SendOutcome> outcomes = smtp.sendAll(newsletter);   // one connection
 * }
 * }</pre>
 */
public final class SmtpSession implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(SmtpSession.class);

  private final SmtpConnection.Settings settings;

  /** The overall time limit of the operation in progress: open, one message, QUIT. */
  private final Deadline deadline;

  private SmtpConnection connection;
  private boolean closed;

  SmtpSession(SmtpConnection.Settings settings) throws InetkitException {
    this.settings = settings;
    this.deadline = new Deadline(settings.endpoint());
    deadline.start(settings.timeouts().overall(), "connect");
    try {
      this.connection = SmtpConnection.open(settings, deadline);
    } catch (InetkitException | RuntimeException e) {
      deadline.close();
      throw e;
    } finally {
      deadline.clear();
    }
  }

  /** {@return the server's EHLO extensions (as seen after STARTTLS)} */
  public SmtpCapabilities capabilities() {
    return live().capabilities();
  }

  /**
   * Sends one message and returns what the server said about it.
   *
   * @param message the message
   * @return the Message-ID, the accepted and the rejected recipients
   * @throws AllRecipientsRejectedException when every recipient was refused (nothing was sent)
   * @throws io.inetkit.core.ProtocolReplyException when the server refused the sender, the data or
   *     the message (the reply says whether the failure is transient)
   * @throws io.inetkit.core.LimitExceededException when the message is larger than the server's
   *     SIZE (checked before anything of it was sent)
   * @throws MissingExtensionException when an internationalised address needs SMTPUTF8
   * @throws io.inetkit.core.InetkitTimeoutException when the server stopped answering; it may
   *     already have accepted the message if the data had been sent
   * @throws InetkitException for a dropped connection and other failures
   */
  public SendReceipt send(OutgoingMessage message) throws InetkitException {
    return send(message, DsnOptions.NONE);
  }

  /**
   * Sends one message with delivery status notification options (used if the server offers DSN).
   *
   * @param message the message
   * @param dsn the delivery status notification options
   * @return the Message-ID, the accepted and the rejected recipients
   * @throws InetkitException as {@link #send(OutgoingMessage)} does
   */
  public SendReceipt send(OutgoingMessage message, DsnOptions dsn) throws InetkitException {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(dsn, "dsn");
    deadline.start(settings.timeouts().overall(), "send");
    try {
      return sendUnderDeadline(message, dsn);
    } finally {
      deadline.clear();
    }
  }

  private SendReceipt sendUnderDeadline(OutgoingMessage message, DsnOptions dsn)
      throws InetkitException {
    SmtpConnection c = usable(); // connects again if an earlier failure broke the connection
    if (c.inTransaction()) {
      try {
        c.reset(); // an earlier message failed part-way; its failure was reported then
      } catch (InetkitException resetFailed) {
        if (!c.isBroken()) {
          throw resetFailed;
        }
        LOG.debug(
            "RSET to {} failed ({}); connecting again", c.endpoint(), resetFailed.getMessage());
        try {
          c = usable(); // nothing of this message was sent on the old connection
        } catch (InetkitException reconnectFailed) {
          resetFailed.addSuppressed(reconnectFailed); // the first failure is the cause
          throw resetFailed;
        }
      }
    }
    return SmtpTransaction.send(c, message, dsn);
  }

  /**
   * Sends every message over this connection; see {@link #sendAll(List, DsnOptions)}.
   *
   * @param messages the messages, sent in order
   * @return one outcome per message, in the order of {@code messages}
   */
  public List<SendOutcome> sendAll(List<? extends OutgoingMessage> messages) {
    return sendAll(messages, DsnOptions.NONE);
  }

  /**
   * Sends every message over one connection. A message the server accepted ends its transaction, so
   * the next one starts at once; RSET is sent only before a message that follows a transaction that
   * failed before its data (RFC 5321 section 4.1.1.4). When the server offers PIPELINING (RFC 2920)
   * each message's MAIL FROM, RCPT TOs and DATA go out in one write together with the end of the
   * previous message's data, and the replies are read in order, so a message costs one round trip;
   * without PIPELINING every command waits for its reply. When the server says 421 or the
   * connection drops, the session connects again and carries on; a message whose data had not been
   * completely sent is tried once more on the new connection (one whose data had been sent is
   * reported failed, because the server may have it). A 421 or a drop at the RSET before a message
   * counts as a failure of that message's first try, so it is sent on the new connection; {@link
   * SendOutcome.Sent#retriedAfter()} shows such reconnects. A message is reported {@link
   * SendOutcome.Sent} only after the server's positive reply to its end of data. Never throws for a
   * single message: each outcome says {@link SendOutcome.Sent} or {@link SendOutcome.Failed}, in
   * the order of {@code messages}; the overall timeout applies to each message.
   *
   * @param messages the messages, sent in order
   * @param dsn the delivery status notification options, for every message
   * @return one outcome per message, in the order of {@code messages}
   */
  public List<SendOutcome> sendAll(List<? extends OutgoingMessage> messages, DsnOptions dsn) {
    Objects.requireNonNull(dsn, "dsn");
    SendOutcome[] outcomes = new SendOutcome[messages.size()];
    int[] next = {0};
    sendEach(
        () -> {
          int i = next[0]++;
          return i < outcomes.length ? new SmtpBatch.Item(i, messages.get(i)) : null;
        },
        o -> outcomes[o.index()] = o,
        dsn,
        SmtpBatch.WhenUnreachable.CONTINUE);
    return List.of(outcomes);
  }

  /** Sends what {@code source} hands out, giving each outcome to {@code sink}; see sendAll. */
  void sendEach(
      SmtpBatch.Source source,
      SmtpBatch.Sink sink,
      DsnOptions dsn,
      SmtpBatch.WhenUnreachable whenUnreachable) {
    if (closed) {
      throw new IllegalStateException("session is closed");
    }
    new SmtpBatch(this::usable, deadline, settings.timeouts().overall(), dsn, whenUnreachable)
        .run(source, sink);
  }

  /** Returns the connection, connecting again if the last one broke or could not be made. */
  private SmtpConnection usable() throws InetkitException {
    if (closed) {
      throw new IllegalStateException("session is closed");
    }
    if (connection != null && connection.isBroken()) {
      connection.close();
      connection = null;
    }
    if (connection == null) {
      connection = SmtpConnection.open(settings, deadline);
    }
    return connection;
  }

  private SmtpConnection live() {
    if (closed) {
      throw new IllegalStateException("session is closed");
    }
    if (connection == null) {
      throw new IllegalStateException("session has no connection (reconnecting failed)");
    }
    return connection;
  }

  /** Says QUIT and closes the connection. Idempotent; never throws. */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      deadline.start(settings.timeouts().read(), "QUIT");
      try {
        if (connection != null) {
          connection.close();
        }
      } finally {
        deadline.close();
      }
    }
  }
}
