package io.inetkit.mail.smtp;

import io.inetkit.core.InetkitException;
import io.inetkit.core.internal.Deadline;
import io.inetkit.mail.OutgoingMessage;
import io.inetkit.mail.internal.SmtpBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The sessions of {@link SmtpClient#sendAll(List, int)}: one thread per session, each taking the
 * next message as it finishes one, outcomes stored at their message's position.
 */
final class SmtpPool {
  private final SmtpClient client;
  private final List<? extends OutgoingMessage> messages;
  private final int sessions;
  private final SendOutcome[] outcomes;
  private final AtomicInteger next = new AtomicInteger();
  private final AtomicBoolean stop = new AtomicBoolean();
  private final AtomicReference<InetkitException> firstFailure = new AtomicReference<>();
  private final AtomicReference<RuntimeException> bug = new AtomicReference<>();

  SmtpPool(SmtpClient client, List<? extends OutgoingMessage> messages, int sessions) {
    this.client = client;
    this.messages = messages;
    this.sessions = sessions;
    this.outcomes = new SendOutcome[messages.size()];
  }

  List<SendOutcome> run() throws InetkitException {
    Deadline.Scope enclosing = Deadline.enclosing(); // the caller's bound holds in every session
    List<Thread> started = new ArrayList<>(sessions);
    boolean interrupted = false;
    try {
      for (int k = 1; k <= sessions; k++) {
        Thread t = new Thread(() -> work(enclosing), "inetkit-smtp-session-" + k);
        t.setDaemon(true);
        t.start();
        started.add(t);
      }
    } finally {
      for (Thread t : started) { // every thread ends before this returns or throws
        while (t.isAlive()) {
          try {
            t.join();
          } catch (InterruptedException e) {
            interrupted = true;
            stop.set(true); // sessions finish the message in hand (bounded by the timeouts)
          }
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (bug.get() != null) {
      throw bug.get();
    }
    return complete(interrupted);
  }

  private void work(Deadline.Scope enclosing) {
    try (Deadline.Scope bound =
        enclosing == null ? null : Deadline.enclose(enclosing.remaining())) {
      try (SmtpSession session = client.open()) {
        session.sendEach(
            this::take,
            o -> outcomes[o.index()] = o, // each index once; join() publishes the writes
            DsnOptions.NONE,
            SmtpBatch.WhenUnreachable.STOP);
      }
    } catch (InetkitException e) {
      firstFailure.compareAndSet(null, e);
    } catch (RuntimeException e) {
      bug.compareAndSet(null, e);
      stop.set(true);
    }
  }

  private SmtpBatch.Item take() {
    if (stop.get()) {
      return null;
    }
    int i = next.getAndIncrement();
    return i < outcomes.length ? new SmtpBatch.Item(i, messages.get(i)) : null;
  }

  /** The outcomes, with the messages no session took reported as not sent. */
  private List<SendOutcome> complete(boolean interrupted) throws InetkitException {
    boolean anyTaken = false;
    for (SendOutcome o : outcomes) {
      anyTaken |= o != null;
    }
    InetkitException first = firstFailure.get();
    if (!anyTaken && first != null) {
      throw first; // no session could be opened: nothing was sent
    }
    InetkitException notSent = null;
    for (int i = 0; i < outcomes.length; i++) {
      if (outcomes[i] == null) {
        if (notSent == null) {
          notSent =
              new InetkitException(
                  "not sent: "
                      + (interrupted
                          ? "interrupted"
                          : "no session to " + client.endpoint() + " was left to send it")
                      + (first == null ? "" : " (" + first.getMessage() + ")"),
                  client.endpoint(),
                  first);
        }
        outcomes[i] = new SendOutcome.Failed(i, notSent);
      }
    }
    return List.of(outcomes);
  }
}
