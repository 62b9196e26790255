package io.inetkit.testkit.telnet;

import java.io.IOException;
import java.math.BigDecimal;

/**
 * {@code sleep seconds}: waits (fractions allowed, at most an hour), for tests of slow output and
 * timeouts. {@code sleep 1 tick} prints a line every second while waiting instead.
 */
final class SleepCommand implements ShellCommand {
  private static final long MAX_MILLIS = 3_600_000;

  @Override
  public Outcome run(String args, Context context) throws IOException, InterruptedException {
    String[] words = args.trim().split("\\s+");
    long millis;
    try {
      millis = new BigDecimal(words[0]).movePointRight(3).longValueExact();
    } catch (ArithmeticException | NumberFormatException e) {
      context.out().text("sleep: invalid time interval '" + args.trim() + "'\n");
      return Outcome.CONTINUE;
    }
    millis = Math.max(0, Math.min(millis, MAX_MILLIS));
    boolean tick = words.length > 1 && words[1].equals("tick");
    long end = System.nanoTime() + millis * 1_000_000;
    int n = 0;
    while (true) {
      long left = (end - System.nanoTime()) / 1_000_000;
      if (left <= 0) {
        return Outcome.CONTINUE;
      }
      long chunk = tick ? Math.min(left, 1000) : left;
      Thread.sleep(chunk);
      if (tick && chunk == 1000 && end - System.nanoTime() > 0) {
        context.out().text("tick " + (++n) + "\n");
        context.out().flush();
      }
    }
  }
}
