package io.inetkit.mail.internal;

import io.inetkit.core.InetkitException;
import io.inetkit.core.Reply;
import io.inetkit.core.internal.Deadline;
import io.inetkit.mail.OutgoingMessage;
import io.inetkit.mail.smtp.DsnOptions;
import io.inetkit.mail.smtp.SendOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends a batch of messages over one session, one outcome per message, in order.
 *
 * <p>When the server offers PIPELINING (RFC 2920), a message's data and final dot stay in the
 * connection's buffer and go out in one write with the next message's MAIL FROM, RCPT TOs and DATA;
 * the replies are then read in order: the end of data of the one, the envelope of the other. A
 * message costs one round trip instead of two. RFC 5321 section 4.1.1.4 clears the transaction at
 * the end of the data whatever the reply, so the next MAIL FROM needs no RSET; RSET is sent (in
 * lock-step) only after a transaction that failed before its data. Without PIPELINING, or for an
 * envelope too large to pipeline, a message goes lock-step. While the server stores one message and
 * reads the next envelope, the batch takes the message after that from the source and composes it,
 * so composing is not on the round trip's path: the server never waits for it.
 *
 * <p>Outcomes are exact: a message is {@link SendOutcome.Sent} only after the server's positive
 * reply to its end of data. When the connection breaks (a drop, a timeout, 421), a message whose
 * final dot had been written is reported failed (the server may hold it); one whose data had not
 * been completely sent is tried once more on a new connection, as {@link
 * io.inetkit.mail.smtp.SmtpSession#sendAll} documents.
 */
public final class SmtpBatch {
  private static final int MAX_RETRIES = 1;

  /** The session's connection, made again when it broke. */
  @FunctionalInterface
  public interface Connections {
    /**
     * Returns the open connection, connecting again if the last one broke.
     *
     * @throws InetkitException when connecting failed
     */
    SmtpConnection usable() throws InetkitException;
  }

  /** Hands out the messages one at a time; may be shared by the sessions of a pool. */
  @FunctionalInterface
  public interface Source {
    /** Returns the next message, or {@code null} when there are no more. */
    Item next();
  }

  /**
   * One message of the batch.
   *
   * @param index its position in the batch
   * @param message the message
   */
  public record Item(int index, OutgoingMessage message) {}

  /** Takes the outcomes; called on the thread that runs the batch. */
  @FunctionalInterface
  public interface Sink {
    /** Takes the outcome of one message. */
    void accept(SendOutcome outcome);
  }

  /** What to do when the session cannot connect again. */
  public enum WhenUnreachable {
    /** Report the message failed and go on with the next (a lone session). */
    CONTINUE,
    /** Report the message failed and take no more (a pool: the other sessions take them). */
    STOP
  }

  /** A message whose data (with its final dot) was written; its reply is still to come. */
  private record Pending(
      Item item,
      SmtpConnection connection,
      SmtpTransaction.Envelope envelope,
      SmtpTransaction.Recipients recipients,
      List<InetkitException> retriedAfter) {}

  private final Connections connections;
  private final Deadline deadline;
  private final Duration overall;
  private final DsnOptions dsn;
  private final WhenUnreachable whenUnreachable;
  private Pending pending;
  private Source source;

  /**
   * The next message, taken from the source and composed while the server worked on the one before
   * (so composing is not on the round trip's path), or null.
   */
  private Item ahead;

  private MimeComposer.Measured aheadComposed;

  /**
   * A batch over {@code connections}; every message is one operation under {@code deadline},
   * limited to {@code overall}.
   */
  public SmtpBatch(
      Connections connections,
      Deadline deadline,
      Duration overall,
      DsnOptions dsn,
      WhenUnreachable whenUnreachable) {
    this.connections = connections;
    this.deadline = deadline;
    this.overall = overall;
    this.dsn = dsn;
    this.whenUnreachable = whenUnreachable;
  }

  /** Sends every message {@code source} hands out and gives each outcome to {@code sink}. */
  public void run(Source source, Sink sink) {
    this.source = source;
    try {
      for (Item item = take(); item != null; item = take()) {
        MimeComposer.Measured composed = aheadComposed;
        aheadComposed = null;
        deadline.start(overall, "send"); // each message is one operation
        try {
          if (!sendOne(item, composed, sink)) {
            return;
          }
        } finally {
          deadline.clear();
        }
      }
    } finally {
      if (pending != null) {
        deadline.start(overall, "send");
        try {
          settle(sink);
        } finally {
          deadline.clear();
        }
      }
    }
  }

  /** The message taken ahead, or the source's next one. */
  private Item take() {
    Item item = ahead;
    ahead = null;
    return item != null ? item : source.next();
  }

  /**
   * Takes the next message and composes it while the server works on the envelope just sent and on
   * the message before (a pool's session so holds up to two messages of the source).
   */
  private void composeAhead() {
    if (ahead == null) {
      ahead = source.next();
      aheadComposed = ahead == null ? null : SmtpTransaction.compose(ahead.message());
    }
  }

  /**
   * Sends one message (and settles the one before it); returns false when the session could not
   * connect again and {@link WhenUnreachable#STOP} asks to take no more messages.
   */
  private boolean sendOne(Item item, MimeComposer.Measured composed, Sink sink) {
    List<InetkitException> retriedAfter = new ArrayList<>();
    while (true) {
      SmtpConnection c;
      try {
        c = connections.usable();
      } catch (InetkitException e) {
        // only a broken connection is replaced, so nothing is pending here
        sink.accept(failed(item, retriedAfter, e));
        if (whenUnreachable == WhenUnreachable.CONTINUE) {
          return true;
        }
        if (ahead != null) { // taken from the source: it fails as this one did
          sink.accept(failed(ahead, new ArrayList<>(), e));
          ahead = null;
        }
        return false;
      }
      SmtpTransaction.Envelope envelope;
      try {
        envelope = SmtpTransaction.envelope(c, item.message(), dsn, composed);
      } catch (InetkitException e) { // refused before anything was sent: the connection is fine
        sink.accept(failed(item, retriedAfter, e));
        return true;
      }
      boolean dataStarted = false; // whether this message's final dot may have been written
      try {
        if (!envelope.pipelined()) {
          settle(sink);
          if (c.isBroken()) {
            continue; // the previous message's reply broke the connection: connect again
          }
          if (c.inTransaction()) {
            c.reset();
          }
          dataStarted = true; // send() says MAIL FROM first, which clears the flag
          sink.accept(
              new SendOutcome.Sent(
                  item.index(),
                  SmtpTransaction.send(c, item.message(), dsn),
                  List.copyOf(retriedAfter)));
          return true;
        }
        if (pending == null && c.inTransaction()) {
          c.reset(); // an earlier transaction failed before its data: clear it
        }
        c.send(envelope.commands()); // with the previous message's data still in the buffer
        composeAhead(); // while the server stores the previous message and reads the envelope
        settle(sink);
        SmtpTransaction.Recipients recipients = SmtpTransaction.pipelinedReplies(c, envelope);
        dataStarted = true;
        c.writeContent(item.message(), envelope.measured());
        pending = new Pending(item, c, envelope, recipients, List.copyOf(retriedAfter));
        return true;
      } catch (InetkitException e) {
        if (pending != null) { // the write that held its final dot failed: it may have arrived
          sink.accept(failed(pending.item(), pending.retriedAfter(), e));
          pending = null;
        }
        boolean committed = dataStarted && c.isDataCommitted();
        if (retriedAfter.size() >= MAX_RETRIES || !c.isBroken() || committed) {
          sink.accept(failed(item, retriedAfter, e)); // a refusal, or the server may hold it
          return true;
        }
        retriedAfter.add(e); // nothing of this message was committed: try it on a new connection
      }
    }
  }

  /** Reads the reply to the pending message's end of data and reports its outcome. */
  private void settle(Sink sink) {
    Pending p = pending;
    if (p == null) {
      return;
    }
    pending = null;
    try {
      Reply fin = p.connection().endOfDataReply();
      sink.accept(
          new SendOutcome.Sent(
              p.item().index(),
              SmtpTransaction.receipt(p.connection(), p.envelope(), p.recipients(), fin),
              p.retriedAfter()));
    } catch (InetkitException e) {
      sink.accept(failed(p.item(), p.retriedAfter(), e));
    }
  }

  /**
   * The failure of a message: {@code e}, or, when it was tried again, the first try's failure (the
   * cause; later ones are only its consequence) with the later ones suppressed in it.
   */
  private static SendOutcome.Failed failed(
      Item item, List<InetkitException> retriedAfter, InetkitException e) {
    if (retriedAfter.isEmpty()) {
      return new SendOutcome.Failed(item.index(), e);
    }
    InetkitException first = retriedAfter.get(0);
    retriedAfter.subList(1, retriedAfter.size()).forEach(first::addSuppressed);
    first.addSuppressed(e);
    return new SendOutcome.Failed(item.index(), first);
  }
}
