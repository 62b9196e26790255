package io.inetkit.cli;

import io.inetkit.core.ConnectionClosedException;
import io.inetkit.core.InetkitTimeoutException;
import io.inetkit.core.ProtocolReplyException;
import java.io.IOException;
import java.time.Duration;

/**
 * Runs an operation again after a failure that may go away: a timeout, a dropped connection, a
 * temporary (4xx) server reply. Waits {@code delay}, doubling each time up to a minute, but never
 * past {@code --max-time}. Any other failure (authentication, TLS, not found, bad input) ends the
 * retries at once. When it gives up, the <em>first</em> failure is reported (with its exit code): a
 * refused reconnect after a timeout is a consequence, not the cause; the later failures are
 * attached to it as suppressed exceptions.
 *
 * <pre>{@code
 * Path file = transfer.retry(retryDelay, output).run(attempt -> ftp.get(url, target, attempt > 1));
 * }</pre>
 *
 * @param retries how many times to try again after the first attempt
 * @param delay the wait before the first retry
 * @param output where to note each retry
 */
public record Retry(int retries, Duration delay, OutputOptions output) {
  private static final Duration MAX_DELAY = Duration.ofMinutes(1);

  /** One attempt; {@code attempt} counts from 1, so an operation can resume when it is above 1. */
  @FunctionalInterface
  public interface Attempt<T> {
    /**
     * Performs the attempt.
     *
     * @param attempt the attempt's number, from 1
     * @return the operation's result
     * @throws IOException when the attempt failed; a transient failure is retried
     */
    T run(int attempt) throws IOException;
  }

  /**
   * Runs {@code attempt} until it succeeds, fails permanently, or the retries are used up.
   *
   * @param <T> the operation's result type
   * @param attempt the operation
   * @return the result of the first attempt that succeeds
   * @throws IOException the last failure, when no attempt succeeded
   */
  public <T> T run(Attempt<T> attempt) throws IOException {
    Duration wait = delay;
    IOException first = null;
    for (int n = 1; ; n++) {
      try {
        return attempt.run(n);
      } catch (IOException e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
        if (n > retries || !retryable(e) || !timeLeftFor(wait)) {
          throw first;
        }
        output.note(
            "inetkit: %s; retry %d of %d in %s",
            e.getMessage(), n, retries, Durations.format(wait));
        sleep(wait);
        wait = wait.multipliedBy(2).compareTo(MAX_DELAY) > 0 ? MAX_DELAY : wait.multipliedBy(2);
      }
    }
  }

  /**
   * {@return whether {@code --max-time} (if given) leaves time to wait {@code wait} and try again}
   */
  private static boolean timeLeftFor(Duration wait) {
    io.inetkit.core.internal.Deadline.Scope scope = io.inetkit.core.internal.Deadline.enclosing();
    return scope == null || scope.remaining().compareTo(wait) > 0;
  }

  /** {@return whether {@code failure} may go away when the operation is tried again} */
  static boolean retryable(IOException failure) {
    if (failure instanceof ProtocolReplyException pre) {
      return pre.reply().isTransient();
    }
    return failure instanceof InetkitTimeoutException
        || failure instanceof ConnectionClosedException;
  }

  private static void sleep(Duration d) throws IOException {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while waiting to retry");
    }
  }
}
