package io.inetkit.testkit.fault;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;

/**
 * The POP3 side of {@link FaultScript#pop3Mailbox}: a mailbox that exists only as a count, whose
 * listings are generated one line at a time as they are sent.
 */
final class Pop3Mailbox {
  /** Every message is this many bytes (as LIST and STAT say, and RETR sends). */
  static final int SIZE = 100;

  private final long messages;

  Pop3Mailbox(long messages) {
    this.messages = messages;
  }

  /** {@return the reply to one command line, in pieces} */
  Iterator<String> answer(String line) {
    String[] parts = line.strip().split(" ");
    String verb = parts[0].toUpperCase(Locale.ROOT);
    long n = parts.length > 1 ? number(parts[1]) : 0;
    return switch (verb) {
      case "CAPA" -> one("+OK\r\nTOP\r\nUIDL\r\nUSER\r\n.\r\n");
      case "USER", "PASS", "NOOP", "RSET" -> one("+OK\r\n");
      case "STAT" -> one("+OK " + messages + " " + messages * SIZE + "\r\n");
      case "LIST" -> parts.length > 1 ? single(n, n + " " + SIZE) : listing(i -> i + " " + SIZE);
      case "UIDL" -> parts.length > 1 ? single(n, n + " uid-" + n) : listing(i -> i + " uid-" + i);
      case "RETR", "TOP" ->
          n >= 1 && n <= messages ? one("+OK\r\n" + message(n) + ".\r\n") : noSuch(n);
      case "DELE" -> n >= 1 && n <= messages ? one("+OK marked\r\n") : noSuch(n);
      case "QUIT" -> List.of("+OK bye\r\n").iterator();
      default -> one("-ERR unknown command\r\n");
    };
  }

  /** A message of exactly {@link #SIZE} bytes, CRLF line ends. */
  static String message(long n) {
    String head = "Subject: message " + n + "\r\n\r\n";
    return head + "x".repeat(SIZE - head.length() - 2) + "\r\n";
  }

  private Iterator<String> single(long n, String line) {
    return n >= 1 && n <= messages ? one("+OK " + line + "\r\n") : noSuch(n);
  }

  private static Iterator<String> noSuch(long n) {
    return one("-ERR no such message: " + n + "\r\n");
  }

  private static Iterator<String> one(String text) {
    return List.of(text).iterator();
  }

  private static long number(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** "+OK", one line per message from 1 to {@link #messages}, then ".": made as sent. */
  private Iterator<String> listing(java.util.function.LongFunction<String> line) {
    return new Iterator<>() {
      private long next = 0; // 0: the status line; messages + 1: the "."

      @Override
      public boolean hasNext() {
        return next <= messages + 1;
      }

      @Override
      public String next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        long i = next++;
        if (i == 0) {
          return "+OK " + messages + " messages\r\n";
        }
        return i <= messages ? line.apply(i) + "\r\n" : ".\r\n";
      }
    };
  }
}
