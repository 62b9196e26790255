package io.inetkit.mail.internal;

import io.inetkit.core.Endpoint;
import io.inetkit.core.InetkitException;
import io.inetkit.core.InetkitTimeoutException;
import io.inetkit.core.LimitExceededException;
import io.inetkit.core.internal.Deadline;
import java.io.IOException;
import java.time.Duration;

/**
 * The bounds of a mail session's operation in progress, shared by its sockets: core's overall
 * {@link Deadline} and, when the operation sets one, a byte budget for its reply. Remembers the
 * failure the guard raised, because Angus Mail may drop it from the exception it throws. Not part
 * of the public API.
 */
final class OperationBounds {
  private final Deadline deadline;
  private volatile long budget = -1; // -1: none
  private volatile long bytesLeft;
  private volatile String budgetFor = "";
  private volatile InetkitException failure;

  OperationBounds(Deadline deadline) {
    this.deadline = deadline;
  }

  /** Returns the session's overall deadline. */
  Deadline deadline() {
    return deadline;
  }

  /**
   * Returns what the operation in progress is doing (e.g. "greeting", "login as alice"), or "read".
   */
  String phase() {
    return deadline.active() ? deadline.phase() : "read";
  }

  /** Starts an operation: its deadline, no budget, no failure yet. */
  void start(Duration limit, String what) {
    failure = null;
    budget = -1;
    deadline.start(limit, what);
  }

  /** Ends the operation. */
  void clear() {
    deadline.clear();
    budget = -1;
  }

  /** Allows the rest of this operation's reply at most {@code bytes} bytes. */
  void limitReply(long bytes, String command) {
    this.budgetFor = command;
    this.bytesLeft = bytes;
    this.budget = bytes;
  }

  /** Counts {@code n} bytes received against the budget, if any. */
  void consume(int n, Endpoint endpoint) throws LimitExceededException {
    long b = budget;
    if (b < 0 || n <= 0) {
      return;
    }
    bytesLeft -= n;
    if (bytesLeft < 0) {
      budget = -1;
      throw record(
          new LimitExceededException(
              "the reply to " + budgetFor + " is longer than " + b + " bytes", endpoint, b));
    }
  }

  /** Throws (and records) the overall timeout when the operation's deadline has passed. */
  void check() throws InetkitTimeoutException {
    try {
      deadline.check();
    } catch (InetkitTimeoutException e) {
      throw record(e);
    }
  }

  /** Returns the timeout a failure really was when the deadline had passed, else the failure. */
  IOException explain(IOException e) {
    IOException explained = deadline.explain(e);
    if (explained != e) {
      record((InetkitTimeoutException) explained);
    }
    return explained;
  }

  /** Remembers a failure the guard raised: Angus may drop it from the exception it throws. */
  <T extends InetkitException> T record(T e) {
    failure = e;
    return e;
  }

  /** Returns (and forgets) the failure the guard raised during this operation, or null. */
  InetkitException takeFailure() {
    InetkitException f = failure;
    failure = null;
    return f;
  }
}
