package io.inetkit.core;

import io.inetkit.core.internal.Inputs;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The IMAP reading of an {@code imap://} or {@code imaps://} URL (RFC 5092): a mailbox with an
 * optional {@code ;UIDVALIDITY=}, then either a {@code ?search} or a message {@code /;UID=} with an
 * optional {@code /;SECTION=} and {@code /;PARTIAL=}. The user info may carry {@code
 * ;AUTH=<mechanism>} ({@code *} for any). The mailbox is percent-decoded UTF-8, hierarchy
 * delimiters ({@code /}) included. Immutable.
 *
 * <pre>{@code
 * ImapUrl u = ImapUrl.parse(
 *     "imap://alice;AUTH=*@mail.example.org/INBOX;UIDVALIDITY=385759045/;UID=20/;SECTION=1.2");
 * u.mailbox();     // Optional[INBOX]
 * u.uidValidity(); // OptionalLong[385759045]
 * u.uid();         // OptionalLong[20]
 * u.section();     // Optional[1.2]
 * ImapUrl.parse("imaps://mail.example.org/gray%20council?SUBJECT%20shadows").search();
 *                  // Optional[SUBJECT shadows]
 * }</pre>
 */
public final class ImapUrl {
  private static final long MAX_NZ_NUMBER = 0xFFFF_FFFFL;
  private static final String MAILBOX_SAFE = UrlCodec.SEGMENT_SAFE + "/";

  private final InetkitUrl url;
  private final String mailbox;
  private final long uidValidity;
  private final long uid;
  private final String section;
  private final String partial;
  private final String search;

  private ImapUrl(
      InetkitUrl url,
      String mailbox,
      long uidValidity,
      long uid,
      String section,
      String partial,
      String search) {
    this.url = url;
    this.mailbox = mailbox;
    this.uidValidity = uidValidity;
    this.uid = uid;
    this.section = section;
    this.partial = partial;
    this.search = search;
  }

  /**
   * Parses an {@code imap://} or {@code imaps://} URL.
   *
   * @param text the URL
   * @return its IMAP parts
   * @throws InvalidInputException when the text is not a valid IMAP URL
   */
  public static ImapUrl parse(String text) {
    return from(InetkitUrl.parse(text));
  }

  /**
   * Reads the IMAP parts of a parsed URL.
   *
   * @param url a parsed {@code imap} or {@code imaps} URL
   * @return its IMAP parts
   * @throws InvalidInputException when the URL is not an IMAP URL or its path is malformed
   */
  public static ImapUrl from(InetkitUrl url) {
    if (url.scheme() != Scheme.IMAP && url.scheme() != Scheme.IMAPS) {
      throw new InvalidInputException("url", "not an imap:// or imaps:// URL: " + url);
    }
    String raw = url.rawPath();
    int parts = raw.indexOf("/;");
    int boxEnd = parts < 0 ? raw.length() : parts;
    String box = raw.substring(Math.min(1, boxEnd), boxEnd);
    long uidValidity = -1;
    int semi = box.indexOf(';');
    if (semi >= 0) {
      uidValidity = number(param(box.substring(semi + 1), "UIDVALIDITY"), "uidValidity");
      box = box.substring(0, semi);
    }
    String mailbox = box.isEmpty() ? null : UrlCodec.decode("mailbox", box);
    long uid = -1;
    String section = null;
    String partial = null;
    for (String segment : parts < 0 ? new String[0] : raw.substring(parts + 2).split("/;", -1)) {
      for (String p : segment.split(";", -1)) {
        String name = p.substring(0, Math.max(0, p.indexOf('='))).toUpperCase(Locale.ROOT);
        String value = p.substring(p.indexOf('=') + 1);
        switch (name) {
          case "UID" -> uid = number(value, "uid");
          case "SECTION" -> section = UrlCodec.decode("section", value);
          case "PARTIAL" -> partial = partial(value);
          default ->
              throw new InvalidInputException(
                  "url", "unsupported IMAP URL part " + Inputs.quote(";" + p) + " in " + url);
        }
      }
    }
    String search = url.query().orElse(null);
    if (mailbox == null && (uidValidity >= 0 || uid >= 0 || search != null)) {
      throw new InvalidInputException("mailbox", "the URL names a message but no mailbox: " + url);
    }
    if (search != null && uid >= 0) {
      throw new InvalidInputException("search", "a URL names either a UID or a search: " + url);
    }
    if (uid < 0 && (section != null || partial != null)) {
      throw new InvalidInputException("uid", ";SECTION and ;PARTIAL need a ;UID: " + url);
    }
    return new ImapUrl(url, mailbox, uidValidity, uid, section, partial, search);
  }

  private static String param(String text, String expected) {
    if (!text.regionMatches(true, 0, expected + "=", 0, expected.length() + 1)) {
      throw new InvalidInputException(
          "mailbox",
          "expected ;" + expected + "= after the mailbox, got " + Inputs.quote(";" + text));
    }
    return text.substring(expected.length() + 1);
  }

  private static long number(String text, String name) {
    return UrlCodec.parsePositive(name, text, MAX_NZ_NUMBER);
  }

  private static String partial(String value) {
    if (!value.matches("[0-9]{1,10}(\\.[1-9][0-9]{0,9})?")) {
      throw new InvalidInputException(
          "partial", "expected offset[.length], got " + Inputs.quote(value));
    }
    return value;
  }

  /** {@return the whole URL: host, port, user, TLS mode} */
  public InetkitUrl url() {
    return url;
  }

  /** {@return the decoded mailbox name (e.g. {@code "INBOX"}, {@code "~peter/日本語"}), if any} */
  public Optional<String> mailbox() {
    return Optional.ofNullable(mailbox);
  }

  /** {@return the {@code ;UIDVALIDITY=} the UIDs are valid for, if given} */
  public OptionalLong uidValidity() {
    return uidValidity < 0 ? OptionalLong.empty() : OptionalLong.of(uidValidity);
  }

  /** {@return the message {@code ;UID=}, if the URL names one message} */
  public OptionalLong uid() {
    return uid < 0 ? OptionalLong.empty() : OptionalLong.of(uid);
  }

  /** {@return the body {@code ;SECTION=} (e.g. {@code "1.2"}, {@code "HEADER"}), if given} */
  public Optional<String> section() {
    return Optional.ofNullable(section);
  }

  /** {@return the {@code ;PARTIAL=} byte range {@code offset[.length]}, if given} */
  public Optional<String> partial() {
    return Optional.ofNullable(partial);
  }

  /** {@return the decoded IMAP SEARCH criteria after {@code ?}, if given} */
  public Optional<String> search() {
    return Optional.ofNullable(search);
  }

  /** {@return the {@code ;AUTH=} mechanism ({@code *} for any), if given} */
  public Optional<String> authMechanism() {
    return url.authMechanism();
  }

  /** {@return the URL re-encoded in RFC 5092 form, the password (if any) masked} */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(url.authorityPrefix()).append('/');
    if (mailbox != null) {
      sb.append(UrlCodec.encode(mailbox, MAILBOX_SAFE));
    }
    sb.append(uidValidity < 0 ? "" : ";UIDVALIDITY=" + uidValidity);
    sb.append(uid < 0 ? "" : "/;UID=" + uid);
    sb.append(
        section == null ? "" : "/;SECTION=" + UrlCodec.encode(section, UrlCodec.SEGMENT_SAFE));
    sb.append(partial == null ? "" : "/;PARTIAL=" + partial);
    sb.append(search == null ? "" : "?" + UrlCodec.encode(search, UrlCodec.SEGMENT_SAFE + "/?"));
    return sb.toString();
  }
}
