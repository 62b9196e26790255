package io.inetkit.mail.internal;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks the shape of each untagged IMAP data response ({@code * LIST}, {@code * STATUS}, {@code *
 * 1 FETCH}...) before Angus Mail parses it: parentheses balanced and quoted strings closed (outside
 * literals, counted across them), and the parts Angus's parser can loop on without reading — the
 * attribute list of {@code STATUS}, the attributes and delimiter of {@code LIST}/{@code LSUB} — in
 * the form RFC 3501 gives them. Angus's {@code Status} parser spins forever on {@code * STATUS
 * INBOX (MESSAGES 1 ())}, out of reach of any socket deadline, and its {@code ListInfo} parser
 * reads garbage as folder names; a response caught here never reaches it. Status responses ({@code
 * * OK}, {@code NO}, {@code BAD}, {@code BYE}, {@code PREAUTH}) carry free text and are not
 * checked. One per connection, fed by {@link WireWatch}. Not part of the public API.
 */
final class ImapResponseShape {
  private static final int KEEP = 512;
  private static final Set<String> STATUS_RESPONSES = Set.of("OK", "NO", "BAD", "BYE", "PREAUTH");
  private static final String ATOM = "[^\\x00-\\x20()\\[\\]{}\"%*\\\\\\x7f]+";

  /** The end of a STATUS response: {@code (NAME number NAME number ...)}, extra spaces allowed. */
  private static final Pattern STATUS_ITEMS =
      Pattern.compile(
          "(?s).*\\( *(?:" + ATOM + " +\\d{1,20}(?: +" + ATOM + " +\\d{1,20})*)? *\\)\\s*");

  /** The start of a LIST or LSUB response: attributes, delimiter, then a mailbox name. */
  private static final Pattern LIST_START =
      Pattern.compile(
          "(?is)\\* (?:LIST|LSUB) \\( *(?:\\\\?"
              + ATOM
              + "(?: +\\\\?"
              + ATOM
              + ")*)? *\\)"
              + " (?:NIL|\"(?:\\\\[\\\\\"]|[^\\\\\"])\") [^ ()].*");

  private int depth;
  private boolean quoted;
  private boolean escaped;
  private boolean closedUnopened;
  private String first; // the response's first line (its first KEEP chars), or null
  private String checked = ""; // the first line of the response checked last
  // the current line's last 2 * KEEP bytes, round a ring (one store per byte)
  private final byte[] tail = new byte[2 * KEEP];
  private int tailPos;
  private int tailLength;

  /**
   * Takes bytes {@code from} to {@code to} of a response line outside literals, line end excluded.
   */
  void add(byte[] b, int from, int to) {
    int d = depth;
    boolean q = quoted;
    boolean esc = escaped;
    boolean unopened = closedUnopened;
    int pos = tailPos;
    int mask = tail.length - 1;
    for (int k = from; k < to; k++) {
      byte c = b[k];
      tail[pos] = c;
      pos = (pos + 1) & mask;
      if (q) {
        if (esc) {
          esc = false;
        } else if (c == '\\') {
          esc = true;
        } else if (c == '"') {
          q = false;
        }
      } else if (c == '"') {
        q = true;
      } else if (c == '(') {
        d++;
      } else if (c == ')') {
        unopened |= --d < 0;
      }
    }
    depth = d;
    quoted = q;
    escaped = esc;
    closedUnopened = unopened;
    tailPos = pos;
    tailLength = (int) Math.min(tail.length, (long) tailLength + (to - from));
  }

  /**
   * Ends a line: {@code line} is its start (stripped), {@code literalFollows} whether it announced
   * a literal (the response goes on after it). Returns what is wrong with the response, or null
   * when it is well formed, not finished or not checked.
   */
  String lineEnd(String line, boolean literalFollows) {
    if (first == null) {
      first = line;
    }
    checked = first;
    String problem = problem(literalFollows);
    if (!literalFollows || problem != null) {
      reset();
    }
    tailLength = 0;
    return problem;
  }

  /** Returns the first line of the response the last {@link #lineEnd} checked, for messages. */
  String firstLine() {
    return checked;
  }

  private String problem(boolean literalFollows) {
    String[] words = first.split(" ", 3);
    if (words.length < 2
        || !words[0].equals("*")
        || STATUS_RESPONSES.contains(words[1].toUpperCase(Locale.ROOT))) {
      return null;
    }
    if (quoted) {
      return "a quoted string is not closed";
    }
    if (closedUnopened) {
      return "a ')' closes no '('";
    }
    if (literalFollows) {
      return null;
    }
    if (depth != 0) {
      return depth + " '(' not closed";
    }
    String kind = words[1].toUpperCase(Locale.ROOT);
    if (kind.equals("STATUS") && !STATUS_ITEMS.matcher(tail()).matches()) {
      return "STATUS items are not (NAME number ...)";
    }
    if ((kind.equals("LIST") || kind.equals("LSUB")) && !LIST_START.matcher(first).matches()) {
      return kind + " is not (attributes) delimiter mailbox";
    }
    return null;
  }

  /** {@return the current line's last bytes (up to 2 * KEEP), in order} */
  private String tail() {
    byte[] ordered = new byte[tailLength];
    int start = (tailPos - tailLength) & (tail.length - 1);
    for (int i = 0; i < tailLength; i++) {
      ordered[i] = tail[(start + i) & (tail.length - 1)];
    }
    return new String(ordered, java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  private void reset() {
    first = null;
    depth = 0;
    quoted = false;
    escaped = false;
    closedUnopened = false;
  }
}
