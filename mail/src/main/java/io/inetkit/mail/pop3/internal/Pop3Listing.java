package io.inetkit.mail.pop3.internal;

import io.inetkit.core.Endpoint;
import io.inetkit.core.NotFoundException;
import io.inetkit.core.ProtocolReplyException;
import io.inetkit.core.ProtocolViolationException;
import io.inetkit.core.Reply;
import io.inetkit.core.internal.Inputs;
import io.inetkit.mail.internal.Pop3Wire;
import io.inetkit.mail.pop3.Pop3Message;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The mailbox's messages by UIDL: UIDL and LIST read line by line as they arrive (listings can be
 * millions of lines long), and the messages a listing or a lookup named so far.
 */
public final class Pop3Listing {
  private final Pop3Connection conn;
  private final Endpoint endpoint;

  /** The messages a listing or a lookup named so far, by UIDL. */
  private final Map<String, Pop3Message> known = new HashMap<>();

  /** Listings on {@code conn}. */
  public Pop3Listing(Pop3Connection conn) {
    this.conn = conn;
    this.endpoint = conn.endpoint();
  }

  /**
   * Lists the newest {@code n} messages (the highest numbers) with size and UIDL, oldest first,
   * keeping only the lines of these messages.
   */
  public List<Pop3Message> newest(int n) throws IOException, MessagingException {
    int count = conn.count(); // STAT's count, kept by Angus since the folder opened
    int first = Math.max(1, count - n + 1);
    int k = count - first + 1;
    long[] sizes = new long[k];
    Arrays.fill(sizes, -1);
    String[] uidls = new String[k];
    Pop3Wire wire = conn.wire();
    try {
      wire.listing(
          "UIDL",
          line -> {
            String[] f = fields(line, "UIDL");
            int i = number(f[0], line, "UIDL") - first;
            if (i >= 0 && i < k) {
              uidls[i] = f[1];
            }
          });
    } catch (ProtocolReplyException e) {
      throw new ProtocolReplyException(
          "UIDL",
          endpoint,
          new Reply(
              "-ERR",
              "the server does not support UIDL: " + e.reply().text(),
              Reply.Kind.PERMANENT_NEGATIVE),
          e);
    }
    wire.listing(
        "LIST",
        line -> {
          String[] f = fields(line, "LIST");
          int i = number(f[0], line, "LIST") - first;
          if (i >= 0 && i < k) {
            sizes[i] = size(f[1], line);
          }
        });
    List<Pop3Message> result = new ArrayList<>(k);
    known.clear();
    for (int i = 0; i < k; i++) {
      if (sizes[i] < 0 || uidls[i] == null) {
        throw new ProtocolViolationException(
            (sizes[i] < 0 ? "LIST" : "UIDL")
                + " has no line for message "
                + (first + i)
                + " of "
                + count,
            endpoint,
            null);
      }
      Pop3Message m = new Pop3Message(first + i, sizes[i], uidls[i]);
      result.add(m);
      known.put(m.uidl(), m);
    }
    return List.copyOf(result);
  }

  /** Returns the message with {@code uidl}, looking it up when no listing named it yet. */
  public Pop3Message find(String uidl) throws IOException, MessagingException {
    Inputs.requireToken("uidl", uidl, 70);
    Pop3Message m = known.get(uidl);
    if (m == null) {
      m = lookUp(uidl);
      known.put(uidl, m);
    }
    return m;
  }

  /**
   * Finds a message no listing named yet: streams UIDL, then LIST, keeping only the lines of the
   * match. Memory stays O(1) whatever the mailbox holds.
   */
  private Pop3Message lookUp(String uidl) throws IOException, MessagingException {
    int count = conn.count();
    int[] number = {0};
    Pop3Wire wire = conn.wire();
    wire.listing(
        "UIDL",
        line -> {
          String[] f = fields(line, "UIDL");
          int n = number(f[0], line, "UIDL");
          if (number[0] == 0 && f[1].equals(uidl) && n >= 1 && n <= count) {
            number[0] = n;
          }
        });
    if (number[0] == 0) {
      throw new NotFoundException(
          "UIDL " + uidl,
          endpoint,
          new Reply("-ERR", "no message with UIDL " + uidl, Reply.Kind.PERMANENT_NEGATIVE),
          null);
    }
    long[] size = {-1};
    wire.listing(
        "LIST",
        line -> {
          String[] f = fields(line, "LIST");
          if (number(f[0], line, "LIST") == number[0]) {
            size[0] = size(f[1], line);
          }
        });
    if (size[0] < 0) {
      throw new ProtocolViolationException(
          "LIST has no line for message " + number[0] + " (UIDL " + uidl + ")", endpoint, null);
    }
    return new Pop3Message(number[0], size[0], uidl);
  }

  /**
   * Splits a listing line into message number and value (what follows the value is ignored); no
   * regular expression: this runs once per line of listings millions of lines long.
   */
  private String[] fields(String line, String command) throws ProtocolViolationException {
    String t = line.strip();
    int space = t.indexOf(' ');
    if (space <= 0) {
      throw malformed(command, line);
    }
    int start = space + 1;
    while (start < t.length() && t.charAt(start) == ' ') {
      start++;
    }
    int end = t.indexOf(' ', start);
    String value = t.substring(start, end < 0 ? t.length() : end);
    if (value.isEmpty()) {
      throw malformed(command, line);
    }
    return new String[] {t.substring(0, space), value};
  }

  private int number(String text, String line, String command) throws ProtocolViolationException {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw malformed(command, line);
    }
  }

  private long size(String text, String line) throws ProtocolViolationException {
    try {
      long size = Long.parseLong(text);
      if (size >= 0) {
        return size;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw malformed("LIST", line);
  }

  private ProtocolViolationException malformed(String command, String line) {
    return new ProtocolViolationException(
        command + ": malformed listing line: " + Inputs.quote(line), endpoint, null);
  }
}
