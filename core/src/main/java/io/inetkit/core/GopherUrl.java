package io.inetkit.core;

import io.inetkit.core.internal.Inputs;
import java.util.Optional;

/**
 * The Gopher reading of a {@code gopher://} or {@code gophers://} URL (RFC 4266): {@code
 * /<type><selector>%09<search>%09<gopher+ string>}, percent-decoded. An empty path means the
 * server's root menu: type {@code 1}, selector {@code ""}. A {@code ?} or {@code #} belongs to the
 * selector. Immutable.
 *
 * <pre>{@code
 * GopherUrl menu = GopherUrl.parse("gopher://gopher.example.org/1/software");
 * menu.itemType(); // '1'
 * menu.selector(); // "/software"
 * GopherUrl q = GopherUrl.parse("gopher://gopher.example.org:7070/7/find%09inetkit");
 * q.search();      // Optional[inetkit]
 * GopherUrl.parse("gopher://gopher.example.org").selector(); // "" (type '1')
 * }</pre>
 */
public final class GopherUrl {
  private static final String SELECTOR_SAFE = UrlCodec.SEGMENT_SAFE + "/;";

  private final InetkitUrl url;
  private final char itemType;
  private final String selector;
  private final String search;
  private final String gopherPlus;

  private GopherUrl(InetkitUrl url, char itemType, String selector, String search, String plus) {
    this.url = url;
    this.itemType = itemType;
    this.selector = selector;
    this.search = search;
    this.gopherPlus = plus;
  }

  /**
   * Parses a {@code gopher://} or {@code gophers://} URL.
   *
   * @param text the URL
   * @return its Gopher parts
   * @throws InvalidInputException when the text is not a valid Gopher URL
   */
  public static GopherUrl parse(String text) {
    return from(InetkitUrl.parse(text));
  }

  /**
   * Reads the Gopher parts of a parsed URL.
   *
   * @param url a parsed {@code gopher} or {@code gophers} URL
   * @return its Gopher parts
   * @throws InvalidInputException when the URL is not a Gopher URL or its item type is invalid
   */
  public static GopherUrl from(InetkitUrl url) {
    if (url.scheme() != Scheme.GOPHER && url.scheme() != Scheme.GOPHERS) {
      throw new InvalidInputException("url", "not a gopher:// or gophers:// URL: " + url);
    }
    String path = url.path();
    if (path.length() <= 1) {
      return new GopherUrl(url, '1', "", null, null);
    }
    char type = path.charAt(1);
    if (type <= ' ' || type >= 0x7f) {
      throw new InvalidInputException(
          "itemType", "not a Gopher item type: " + Inputs.quote(String.valueOf(type)));
    }
    String[] parts = path.substring(2).split("\t", 3);
    return new GopherUrl(
        url,
        type,
        parts[0],
        parts.length > 1 ? parts[1] : null,
        parts.length > 2 ? parts[2] : null);
  }

  /** {@return the whole URL: host, port, TLS mode} */
  public InetkitUrl url() {
    return url;
  }

  /** {@return the item type character: {@code '0'} text, {@code '1'} menu, {@code '7'} search..} */
  public char itemType() {
    return itemType;
  }

  /** {@return the decoded selector to send; may be empty} */
  public String selector() {
    return selector;
  }

  /** {@return the search string (after the first {@code %09}), if the URL has one} */
  public Optional<String> search() {
    return Optional.ofNullable(search);
  }

  /** {@return the Gopher+ string (after the second {@code %09}), if the URL has one} */
  public Optional<String> gopherPlus() {
    return Optional.ofNullable(gopherPlus);
  }

  /** {@return the URL re-encoded in RFC 4266 form} */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(url.authorityPrefix()).append('/');
    // The type is one character of the path too: '%', '?' or '#' as a type must be encoded.
    sb.append(UrlCodec.encode(itemType + selector, SELECTOR_SAFE));
    if (search != null || gopherPlus != null) {
      sb.append("%09").append(UrlCodec.encode(search == null ? "" : search, SELECTOR_SAFE));
    }
    if (gopherPlus != null) {
      sb.append("%09").append(UrlCodec.encode(gopherPlus, SELECTOR_SAFE));
    }
    return sb.toString();
  }
}
