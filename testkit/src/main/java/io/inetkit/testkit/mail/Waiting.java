package io.inetkit.testkit.mail;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/** Polls for received messages, shared by {@link MailServer} and {@link SmtpSink}. */
final class Waiting {
  private Waiting() {}

  /**
   * {@return {@code current} once it holds at least {@code count} items}
   *
   * @throws AssertionError when that does not happen within {@code timeout}
   */
  static <T> List<T> forCount(int count, Duration timeout, Supplier<List<T>> current) {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<T> got = current.get();
    while (got.size() < count) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError(
            "expected " + count + " message(s) within " + timeout + " but got " + got.size());
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for messages", e);
      }
      got = current.get();
    }
    return got;
  }
}
