package io.inetkit.mail.internal;

import io.inetkit.core.Endpoint;
import io.inetkit.core.EventListener;
import io.inetkit.core.internal.Redaction;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The protocol trace of one IMAP or POP3 connection, taken from the bytes Angus Mail writes and
 * reads: each command line becomes {@link EventListener#commandSent}, each reply line {@link
 * EventListener#replyReceived}, as SMTP and FTP report them. Secrets never reach the listener:
 * command lines go through {@link Redaction}, every client line of a SASL exchange
 * (AUTHENTICATE/AUTH continuation responses) is shown as {@code ***}, and literals are never shown
 * at all (a LOGIN password sent as a literal, APPEND data, FETCH bodies), only their size. The
 * trace is bounded: a line shows at most {@value #MAX_CHARS} characters, a reply at most {@value
 * #MAX_LINES} lines (the rest are counted), and POP3 message data (RETR, TOP) only as a line count.
 * Not part of the public API.
 */
final class WireTrace {
  /** Longest part of a line shown. */
  static final int MAX_CHARS = 300;

  /** Most lines of one reply shown; the rest are summarised. */
  static final int MAX_LINES = 20;

  private static final Pattern LITERAL = Pattern.compile("\\{(\\d{1,18})\\+?\\}$");
  private static final Pattern POP3_DATA = Pattern.compile("(?i)(RETR|TOP)( .*)?");

  private final EventListener events;
  private final Endpoint endpoint;
  private final boolean imap;
  private final Direction sent = new Direction(true);
  private final Direction received = new Direction(false);

  private boolean sasl; // the client is inside an AUTHENTICATE / AUTH exchange
  private String tag = ""; // the tag of the last IMAP command
  private boolean pop3DataNext; // the last POP3 command was RETR or TOP
  private boolean pop3Data; // reading a RETR/TOP message body
  private int replyLines;
  private long hiddenLines;

  private WireTrace(EventListener events, Endpoint endpoint, boolean imap) {
    this.events = events;
    this.endpoint = endpoint;
    this.imap = imap;
  }

  /**
   * Returns a trace of one IMAP (else POP3) connection to {@code events}, or null for {@link
   * EventListener#NONE}.
   */
  static WireTrace of(EventListener events, Endpoint endpoint, boolean imap) {
    return events == EventListener.NONE ? null : new WireTrace(events, endpoint, imap);
  }

  /** Returns {@code in} with what is read from it traced. */
  InputStream input(InputStream in) {
    return new FilterInputStream(in) {
      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
          feed(received, new byte[] {(byte) b}, 0, 1);
        }
        return b;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
          feed(received, b, off, n);
        }
        return n;
      }
    };
  }

  /** Returns {@code out} with what is written to it traced. */
  OutputStream output(OutputStream out) {
    return new FilterOutputStream(out) {
      @Override
      public void write(int b) throws IOException {
        out.write(b);
        feed(sent, new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        feed(sent, b, off, len);
      }
    };
  }

  private synchronized void feed(Direction d, byte[] b, int off, int len) {
    int end = off + len;
    int i = off;
    while (i < end) {
      if (d.literal > 0) {
        int skip = (int) Math.min(d.literal, end - i);
        d.literal -= skip;
        i += skip;
        if (d.literal == 0) {
          d.append("<" + d.literalSize + " bytes>");
        }
        continue;
      }
      byte c = b[i++];
      if (c == '\n') {
        d.endLine(this);
      } else if (c != '\r') {
        d.add(c);
      }
    }
  }

  /** A command line (or a segment of one before a literal) is complete. */
  private void sentLine(String line) {
    flushHidden();
    replyLines = 0;
    String shown;
    if (sasl) {
      shown = Redaction.MASK; // a SASL response: credentials, however encoded
    } else {
      shown = Redaction.command(line);
      String[] words = line.split(" ", 3);
      String verb = (imap && words.length > 1 ? words[1] : words[0]).toUpperCase(Locale.ROOT);
      if (imap && words.length > 1 && !line.startsWith("<")) {
        tag = words[0];
      }
      sasl = verb.equals("AUTHENTICATE") || verb.equals("AUTH");
      pop3DataNext = !imap && POP3_DATA.matcher(line).matches();
    }
    events.commandSent(endpoint, shown);
  }

  /** A reply line is complete. */
  private void receivedLine(String line) {
    if (sasl && !line.startsWith("+ ") && !line.equals("+")) {
      sasl = false; // the exchange ended (tagged reply, +OK or -ERR)
    }
    if (pop3Data) {
      if (line.equals(".")) {
        pop3Data = false;
        events.replyReceived(endpoint, "(message data: " + hiddenLines + " lines)");
        hiddenLines = 0;
        events.replyReceived(endpoint, line);
      } else {
        hiddenLines++;
      }
      return;
    }
    // Always shown: IMAP's tagged completion; POP3's status line and the end of a listing.
    boolean always = imap ? line.startsWith(tag + " ") : line.equals(".") || replyLines == 0;
    replyLines++;
    if (!imap && pop3DataNext && line.startsWith("+OK")) {
      pop3Data = true;
      pop3DataNext = false;
    }
    if (!always && replyLines > MAX_LINES) {
      hiddenLines++;
      return;
    }
    if (always) {
      flushHidden();
    }
    events.replyReceived(endpoint, line);
  }

  private void flushHidden() {
    if (hiddenLines > 0 && !pop3Data) {
      events.replyReceived(endpoint, "(" + hiddenLines + " more lines not shown)");
      hiddenLines = 0;
    }
  }

  /** The line being assembled in one direction, with literal bookkeeping. */
  private static final class Direction {
    private final boolean client;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final StringBuilder prefix = new StringBuilder(); // "<n bytes>" of a literal just ended
    private final StringBuilder tail = new StringBuilder(); // the last bytes beyond MAX_CHARS
    private long extra; // bytes beyond MAX_CHARS
    long literal; // bytes of literal still to skip
    long literalSize;

    Direction(boolean client) {
      this.client = client;
    }

    void add(byte c) {
      if (line.size() < MAX_CHARS) {
        line.write(c);
      } else {
        extra++;
        tail.append((char) (c & 0xff)); // kept to see a literal announced at the end of a long line
        if (tail.length() > 24) {
          tail.deleteCharAt(0);
        }
      }
    }

    void append(String text) {
      prefix.append(text);
    }

    void endLine(WireTrace trace) {
      String text = prefix + line.toString(StandardCharsets.UTF_8);
      long cut = extra;
      String end = cut == 0 ? text : tail.toString();
      line.reset();
      prefix.setLength(0);
      tail.setLength(0);
      extra = 0;
      Matcher m = trace.imap ? LITERAL.matcher(end) : null;
      boolean literalFollows = m != null && m.find();
      if (literalFollows) {
        literal = Long.parseLong(m.group(1));
        literalSize = literal;
        if (literal == 0) {
          prefix.append("<0 bytes>");
        }
      }
      String shown = cut > 0 ? text + "... (" + cut + " more bytes)" : text;
      if (client) {
        trace.sentLine(shown);
      } else {
        trace.receivedLine(shown);
      }
    }
  }
}
