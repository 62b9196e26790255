package io.inetkit.core;

import io.inetkit.core.internal.Inputs;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The FTP reading of an {@code ftp://} or {@code ftps://} URL (RFC 1738): path segments, each
 * percent-decoded on its own (so {@code %2F} is a slash inside a segment), and an optional {@code
 * ;type=a|i|d}. A trailing slash, or {@code ;type=d}, names a directory. Immutable.
 *
 * <p>As RFC 1738 says, the path is relative to the login directory: {@code ftp://host/pub/f} means
 * {@code pub/f}; an absolute path is written with an encoded first slash, {@code
 * ftp://host/%2Fetc/motd} meaning {@code /etc/motd}.
 *
 * <pre>{@code
 * FtpUrl u = FtpUrl.parse("ftp://anonymous@ftp.example.org/pub/README;type=a");
 * u.path();        // "pub/README"
 * u.segments();    // [pub, README]
 * u.typeCode();    // Optional[ASCII]
 * u.isDirectory(); // false
 * FtpUrl.parse("ftps://ftp.example.org/pub/").isDirectory(); // true
 * }</pre>
 */
public final class FtpUrl {

  /** The RFC 1738 {@code ;type=} codes. */
  public enum TypeCode {
    /** {@code a}: ASCII (text) transfer. */
    ASCII('a'),
    /** {@code i}: image (binary) transfer. */
    IMAGE('i'),
    /** {@code d}: a directory listing. */
    DIRECTORY('d');

    private final char code;

    TypeCode(char code) {
      this.code = code;
    }

    /** {@return the letter used in URLs} */
    public char code() {
      return code;
    }
  }

  private final InetkitUrl url;
  private final List<String> segments;
  private final boolean directory;
  private final TypeCode typeCode;

  private FtpUrl(InetkitUrl url, List<String> segments, boolean directory, TypeCode typeCode) {
    this.url = url;
    this.segments = List.copyOf(segments);
    this.directory = directory;
    this.typeCode = typeCode;
  }

  /**
   * Parses an {@code ftp://} or {@code ftps://} URL.
   *
   * @param text the URL
   * @return its FTP parts
   * @throws InvalidInputException when the text is not a valid FTP URL
   */
  public static FtpUrl parse(String text) {
    return from(InetkitUrl.parse(text));
  }

  /**
   * Reads the FTP parts of a parsed URL.
   *
   * @param url a parsed {@code ftp} or {@code ftps} URL
   * @return its FTP parts
   * @throws InvalidInputException when the URL is not an FTP URL, has a query, or a bad type
   */
  public static FtpUrl from(InetkitUrl url) {
    if (url.scheme() != Scheme.FTP && url.scheme() != Scheme.FTPS) {
      throw new InvalidInputException("url", "not an ftp:// or ftps:// URL: " + url);
    }
    if (url.rawQuery().isPresent()) {
      throw new InvalidInputException(
          "url", "an FTP URL has no query (write '?' in a name as %3F): " + url);
    }
    String raw = url.rawPath().isEmpty() ? "" : url.rawPath().substring(1);
    TypeCode type = null;
    int semi = raw.lastIndexOf(';');
    if (semi >= 0
        && raw.indexOf('/', semi) < 0
        && raw.regionMatches(true, semi + 1, "type=", 0, 5)) {
      type = typeCode(raw.substring(semi + 1));
      raw = raw.substring(0, semi);
    }
    List<String> segments = new ArrayList<>();
    for (String s : raw.split("/", -1)) {
      segments.add(UrlCodec.decode("path", s));
    }
    boolean trailingSlash = segments.get(segments.size() - 1).isEmpty();
    if (trailingSlash) {
      segments.remove(segments.size() - 1);
    }
    return new FtpUrl(url, segments, trailingSlash || type == TypeCode.DIRECTORY, type);
  }

  private static TypeCode typeCode(String param) {
    String p = param.toLowerCase(Locale.ROOT);
    for (TypeCode t : TypeCode.values()) {
      if (p.equals("type=" + t.code)) {
        return t;
      }
    }
    throw new InvalidInputException(
        "type", "expected ;type=a, i or d, got " + Inputs.quote(";" + param));
  }

  /** {@return the whole URL: host, port, user, TLS mode} */
  public InetkitUrl url() {
    return url;
  }

  /** {@return the decoded path segments, without the trailing empty one of a directory URL} */
  public List<String> segments() {
    return segments;
  }

  /**
   * {@return the decoded path relative to the login directory ({@code "pub/README"}), absolute when
   * the URL starts with {@code %2F}; {@code ""} for the login directory itself}
   */
  public String path() {
    return String.join("/", segments);
  }

  /** {@return the last segment when the URL names a file, empty for a directory} */
  public Optional<String> fileName() {
    return directory || segments.isEmpty()
        ? Optional.empty()
        : Optional.of(segments.get(segments.size() - 1));
  }

  /** {@return whether the URL names a directory: a trailing slash, no path, or {@code ;type=d}} */
  public boolean isDirectory() {
    return directory || segments.isEmpty();
  }

  /** {@return the {@code ;type=} code, if given} */
  public Optional<TypeCode> typeCode() {
    return Optional.ofNullable(typeCode);
  }

  /** {@return the URL re-encoded in RFC 1738 form, the password (if any) masked} */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(url.authorityPrefix());
    for (String s : segments) {
      sb.append('/').append(UrlCodec.encode(s, UrlCodec.SEGMENT_SAFE));
    }
    if (segments.isEmpty() || (directory && typeCode != TypeCode.DIRECTORY)) {
      sb.append('/');
    }
    return sb.append(typeCode == null ? "" : ";type=" + typeCode.code).toString();
  }
}
