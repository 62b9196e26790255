package io.inetkit.mail.imap;

import io.inetkit.core.InvalidInputException;
import io.inetkit.core.internal.Inputs;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An IMAP SEARCH, built from small pieces and executed on the server; the result is UIDs ({@link
 * MessageRef}s). Pieces combine with {@link #and}, {@link #or} and {@link #not}. Strings may be any
 * Unicode (sent as UTF-8); CR, LF and NUL are rejected when the criteria are built.
 *
 * <pre>{@code
 * SearchCriteria c = SearchCriteria.unseen()
 *     .and(SearchCriteria.from("alice@example.org"))
 *     .and(SearchCriteria.since(LocalDate.of(2026, 1, 1)))
 *     .and(SearchCriteria.not(SearchCriteria.subject("newsletter")));
 * List<MessageRef> hits = imap.search("INBOX", c);
 * }</pre>
 */
public final class SearchCriteria {
  private static final DateTimeFormatter IMAP_DATE =
      DateTimeFormatter.ofPattern("d-MMM-yyyy", Locale.ENGLISH);

  /** One token of the search program: an atom written as is, or a string that gets quoted. */
  record Token(String text, boolean quoted) {}

  private final List<Token> tokens;

  private SearchCriteria(List<Token> tokens) {
    this.tokens = List.copyOf(tokens);
  }

  private static SearchCriteria atoms(String... atoms) {
    List<Token> t = new ArrayList<>();
    for (String a : atoms) {
      t.add(new Token(a, false));
    }
    return new SearchCriteria(t);
  }

  private static SearchCriteria keyAndString(String key, String parameter, String value) {
    Inputs.requireNoControl(parameter, value);
    return new SearchCriteria(List.of(new Token(key, false), new Token(value, true)));
  }

  /**
   * Every message.
   *
   * @return the criteria
   */
  public static SearchCriteria all() {
    return atoms("ALL");
  }

  /**
   * Messages without {@code \Seen}.
   *
   * @return the criteria
   */
  public static SearchCriteria unseen() {
    return atoms("UNSEEN");
  }

  /**
   * Messages with {@code \Seen}.
   *
   * @return the criteria
   */
  public static SearchCriteria seen() {
    return atoms("SEEN");
  }

  /**
   * Messages with {@code \Flagged}.
   *
   * @return the criteria
   */
  public static SearchCriteria flagged() {
    return atoms("FLAGGED");
  }

  /**
   * Messages carrying the custom keyword.
   *
   * @param keyword the keyword, e.g. {@code $Label1}
   * @return the criteria
   */
  public static SearchCriteria keyword(String keyword) {
    return atoms("KEYWORD", ImapNames.keyword(keyword));
  }

  /**
   * Messages received on or after {@code date} (server's time zone, per IMAP).
   *
   * @param date the first day included
   * @return the criteria
   */
  public static SearchCriteria since(LocalDate date) {
    return atoms("SINCE", IMAP_DATE.format(Objects.requireNonNull(date, "date")));
  }

  /**
   * Messages received before {@code date}.
   *
   * @param date the first day left out
   * @return the criteria
   */
  public static SearchCriteria before(LocalDate date) {
    return atoms("BEFORE", IMAP_DATE.format(Objects.requireNonNull(date, "date")));
  }

  /**
   * Messages whose From contains {@code text}.
   *
   * @param text the text to look for (case-insensitive on most servers)
   * @return the criteria
   */
  public static SearchCriteria from(String text) {
    return keyAndString("FROM", "from", text);
  }

  /**
   * Messages whose To contains {@code text}.
   *
   * @param text the text to look for
   * @return the criteria
   */
  public static SearchCriteria to(String text) {
    return keyAndString("TO", "to", text);
  }

  /**
   * Messages whose Subject contains {@code text}.
   *
   * @param text the text to look for
   * @return the criteria
   */
  public static SearchCriteria subject(String text) {
    return keyAndString("SUBJECT", "subject", text);
  }

  /**
   * Messages whose body contains {@code text}.
   *
   * @param text the text to look for
   * @return the criteria
   */
  public static SearchCriteria body(String text) {
    return keyAndString("BODY", "body", text);
  }

  /**
   * Messages with header {@code name} containing {@code value}.
   *
   * @param name the header name
   * @param value the text to look for
   * @return the criteria
   */
  public static SearchCriteria header(String name, String value) {
    Inputs.requireToken("header name", name, 200);
    for (char c : name.toCharArray()) {
      if (c == ':' || c > 126) {
        throw new InvalidInputException("header name", "not a header name: " + Inputs.quote(name));
      }
    }
    Inputs.requireNoControl("header value", value);
    return new SearchCriteria(
        List.of(new Token("HEADER", false), new Token(name, true), new Token(value, true)));
  }

  /**
   * Messages with UIDs from {@code first} to {@code last} inclusive.
   *
   * @param first the lowest UID
   * @param last the highest UID, below 2^32
   * @return the criteria
   */
  public static SearchCriteria uidRange(long first, long last) {
    if (first < 1 || last < first || last > 0xFFFF_FFFFL) {
      throw new InvalidInputException(
          "uid range", "need 1 <= first <= last < 2^32: " + first + ":" + last);
    }
    return atoms("UID", first + ":" + last);
  }

  /**
   * Messages larger than {@code bytes}.
   *
   * @param bytes the size in bytes (RFC 822 size)
   * @return the criteria
   */
  public static SearchCriteria larger(long bytes) {
    Inputs.requireRange("bytes", bytes, 0, 0xFFFF_FFFFL);
    return atoms("LARGER", Long.toString(bytes));
  }

  /**
   * Messages smaller than {@code bytes}.
   *
   * @param bytes the size in bytes (RFC 822 size)
   * @return the criteria
   */
  public static SearchCriteria smaller(long bytes) {
    Inputs.requireRange("bytes", bytes, 1, 0xFFFF_FFFFL);
    return atoms("SMALLER", Long.toString(bytes));
  }

  /**
   * Messages matching neither {@code c}.
   *
   * @param c the criteria to negate
   * @return the criteria
   */
  public static SearchCriteria not(SearchCriteria c) {
    List<Token> t = new ArrayList<>();
    t.add(new Token("NOT", false));
    t.addAll(c.grouped());
    return new SearchCriteria(t);
  }

  /**
   * Messages matching {@code a} or {@code b}.
   *
   * @param a one criteria
   * @param b the other criteria
   * @return the criteria
   */
  public static SearchCriteria or(SearchCriteria a, SearchCriteria b) {
    List<Token> t = new ArrayList<>();
    t.add(new Token("OR", false));
    t.addAll(a.grouped());
    t.addAll(b.grouped());
    return new SearchCriteria(t);
  }

  /**
   * Messages matching this and {@code other}.
   *
   * @param other the criteria to combine with
   * @return the combined criteria
   */
  public SearchCriteria and(SearchCriteria other) {
    List<Token> t = new ArrayList<>(tokens);
    t.addAll(other.tokens);
    return new SearchCriteria(t);
  }

  private List<Token> grouped() {
    List<Token> t = new ArrayList<>();
    t.add(new Token("(", false));
    t.addAll(tokens);
    t.add(new Token(")", false));
    return t;
  }

  List<Token> tokens() {
    return tokens;
  }

  /** Returns whether a string needs UTF-8 ({@code CHARSET UTF-8}). */
  boolean needsUtf8() {
    return tokens.stream().anyMatch(t -> t.quoted() && !t.text().chars().allMatch(c -> c < 128));
  }

  /** Returns the search program as IMAP would show it (strings quoted), for messages. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (Token t : tokens) {
      if (sb.length() > 0 && !t.text().equals(")") && sb.charAt(sb.length() - 1) != '(') {
        sb.append(' ');
      }
      sb.append(t.quoted() ? Inputs.quote(t.text()) : t.text());
    }
    return sb.toString();
  }
}
