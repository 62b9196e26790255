package io.inetkit.core;

import io.inetkit.core.internal.Inputs;
import io.inetkit.core.internal.Redaction;
import java.net.IDN;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A parsed {@code smtp[s]}, {@code imap[s]}, {@code pop3[s]} (or {@code pop[s]}), {@code ftp[s]},
 * {@code telnet} or {@code gopher[s]} URL: scheme, optional user and password, host (IPv6 literals
 * in brackets), port (the {@link Scheme#defaultPort() scheme's default} when none is given), path
 * and query. Immutable.
 *
 * <p>Every component is percent-decoded and checked: a CR, LF or NUL anywhere, raw or decoded
 * ({@code %0D}, {@code %0A}, {@code %00}), is rejected with {@link InvalidInputException}, so a URL
 * can never smuggle a second command onto the wire. The password is never shown: {@link
 * #toString()} prints {@code ***} in its place, and error messages never quote it.
 *
 * <p>The protocol views read the scheme-specific parts: {@link ImapUrl} (RFC 5092), {@link Pop3Url}
 * (RFC 2384), {@link FtpUrl} (RFC 1738) and {@link GopherUrl} (RFC 4266).
 *
 * <pre>{@code
 * InetkitUrl url = InetkitUrl.parse("ftps://alice:s3cret@[::1]:2990/pub/file.txt");
 * url.scheme();      // Scheme.FTPS
 * url.endpoint();    // [::1]:2990
 * url.tlsMode();     // TlsMode.IMPLICIT
 * url.credentials(); // Optional[Credentials[user=alice, PASSWORD=***]]
 * url.toString();    // "ftps://alice:***@[::1]:2990/pub/file.txt"
 * }</pre>
 */
public final class InetkitUrl {
  /** Characters left unescaped when a raw path or query is written back out. */
  private static final String RAW_SAFE = "%!$&'()*+,;=:@/?";

  /** Characters left unescaped in a written-out user name or AUTH mechanism. */
  private static final String USER_SAFE = "!$&'()*+,=";

  private final Scheme scheme;
  private final String user;
  private final String password;
  private final String authMechanism;
  private final String host;
  private final int explicitPort;
  private final String rawPath;
  private final String path;
  private final String rawQuery;
  private final String query;

  private InetkitUrl(
      Scheme scheme,
      String user,
      String password,
      String authMechanism,
      String host,
      int explicitPort,
      String rawPath,
      String rawQuery) {
    this.scheme = scheme;
    this.user = user;
    this.password = password;
    this.authMechanism = authMechanism;
    this.host = host;
    this.explicitPort = explicitPort;
    this.rawPath = rawPath;
    this.path = UrlCodec.decode("path", rawPath);
    this.rawQuery = rawQuery;
    this.query = rawQuery == null ? null : UrlCodec.decode("query", rawQuery);
  }

  /**
   * Parses a URL of one of the {@link Scheme schemes} inetkit speaks ({@code pop://} and {@code
   * pops://} are accepted for POP3). For {@code gopher[s]} a {@code ?} or {@code #} belongs to the
   * selector; for the other schemes a fragment is dropped.
   *
   * @param text the URL
   * @return the parsed URL
   * @throws InvalidInputException for an unknown scheme, a missing host, a bad port, an unclosed
   *     {@code [}, a malformed percent-escape, or CR, LF or NUL in any component
   */
  public static InetkitUrl parse(String text) {
    if (text == null) {
      throw new InvalidInputException("url", "must not be null");
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < ' ' || c == 0x7f) {
        throw new InvalidInputException(
            "url", "control character at index " + i + " in " + Inputs.quote(redact(text)));
      }
    }
    int sep = text.indexOf("://");
    if (sep <= 0 || !text.substring(0, sep).matches("[A-Za-z][A-Za-z0-9+.-]*")) {
      throw new InvalidInputException(
          "url", "expected scheme://host... but got " + Inputs.quote(redact(text)));
    }
    Scheme scheme = Scheme.of(text.substring(0, sep));
    String rest = text.substring(sep + 3);
    boolean gopher = scheme == Scheme.GOPHER || scheme == Scheme.GOPHERS;
    int end = authorityEnd(rest, gopher ? "/" : "/?#");
    String authority = rest.substring(0, end);
    String after = rest.substring(end);
    String rawQuery = null;
    if (!gopher) {
      int hash = after.indexOf('#');
      after = hash < 0 ? after : after.substring(0, hash);
      int q = after.indexOf('?');
      if (q >= 0) {
        rawQuery = after.substring(q + 1);
        after = after.substring(0, q);
      }
    }
    if (scheme == Scheme.TELNET && (after.length() > 1 || rawQuery != null)) {
      throw new InvalidInputException(
          "path", "a telnet URL has no path or query: " + Inputs.quote(redact(text)));
    }
    return fromParts(scheme, authority, after, rawQuery, text);
  }

  private static InetkitUrl fromParts(
      Scheme scheme, String authority, String rawPath, String rawQuery, String text) {
    int at = authority.lastIndexOf('@');
    String userInfo = at < 0 ? null : authority.substring(0, at);
    String hostPort = authority.substring(at + 1);
    String user = null;
    String password = null;
    String auth = null;
    if (userInfo != null) {
      String creds = userInfo;
      int semi = isMail(scheme) ? UrlCodec.indexOfIgnoreCase(userInfo, ";AUTH=", 0) : -1;
      if (semi >= 0) {
        creds = userInfo.substring(0, semi);
        auth = UrlCodec.decode("auth", userInfo.substring(semi + 6));
        Inputs.requireToken("auth", auth, 64);
      }
      int colon = creds.indexOf(':');
      String rawUser = colon < 0 ? creds : creds.substring(0, colon);
      if (isMail(scheme) && rawUser.indexOf(';') >= 0) {
        throw new InvalidInputException(
            "user", "unsupported parameter in " + Inputs.quote(rawUser) + " (only ;AUTH=)");
      }
      user = UrlCodec.decode("user", rawUser);
      user = user.isEmpty() ? null : user;
      password = colon < 0 ? null : decodePassword(creds.substring(colon + 1));
    }
    String host;
    String portText = null;
    if (hostPort.startsWith("[")) {
      int close = hostPort.indexOf(']');
      if (close < 0) {
        throw new InvalidInputException("host", "unclosed '[' in " + Inputs.quote(redact(text)));
      }
      host = ipv6(UrlCodec.decode("host", hostPort.substring(1, close)), text);
      String tail = hostPort.substring(close + 1);
      if (!tail.isEmpty() && !tail.startsWith(":")) {
        throw new InvalidInputException(
            "port", "expected ':port' after ']' in " + Inputs.quote(redact(text)));
      }
      portText = tail.isEmpty() ? null : tail.substring(1);
    } else {
      int colon = hostPort.lastIndexOf(':');
      host = UrlCodec.decode("host", colon < 0 ? hostPort : hostPort.substring(0, colon));
      portText = colon < 0 ? null : hostPort.substring(colon + 1);
      if (host.indexOf(':') >= 0) {
        throw new InvalidInputException(
            "host", "an IPv6 address must be in brackets: " + Inputs.quote(redact(text)));
      }
    }
    if (host.isEmpty()) {
      throw new InvalidInputException(
          "host", "the URL names no host: " + Inputs.quote(redact(text)));
    }
    host = Inputs.requireHost("host", toAscii(host));
    int port = portText == null || portText.isEmpty() ? -1 : Endpoint.parsePort(portText);
    return new InetkitUrl(scheme, user, password, auth, host, port, rawPath, rawQuery);
  }

  private static int authorityEnd(String rest, String delimiters) {
    for (int i = 0; i < rest.length(); i++) {
      if (delimiters.indexOf(rest.charAt(i)) >= 0) {
        return i;
      }
    }
    return rest.length();
  }

  /** Converts an internationalised host name to its ASCII (punycode) form, as DNS needs. */
  private static String toAscii(String host) {
    if (host.chars().allMatch(c -> c < 0x80)) {
      return host;
    }
    try {
      return IDN.toASCII(host, IDN.ALLOW_UNASSIGNED);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("host", "not a valid host name: " + Inputs.quote(host));
    }
  }

  private static String decodePassword(String raw) {
    try {
      return UrlCodec.decode("password", raw);
    } catch (InvalidInputException e) {
      // The value is a secret: never quote it.
      throw new InvalidInputException(
          "password", "bad percent-escape, invalid UTF-8, or CR, LF or NUL in the password");
    }
  }

  private static String ipv6(String literal, String text) {
    String address =
        literal.indexOf('%') < 0 ? literal : literal.substring(0, literal.indexOf('%'));
    if (address.indexOf(':') < 0 || !address.matches("[0-9A-Fa-f:.]+")) {
      throw new InvalidInputException(
          "host",
          "not an IPv6 literal: " + Inputs.quote(literal) + " in " + Inputs.quote(redact(text)));
    }
    return literal;
  }

  private static boolean isMail(Scheme s) {
    return switch (s) {
      case SMTP, SMTPS, IMAP, IMAPS, POP3, POP3S -> true;
      default -> false;
    };
  }

  /** {@return {@code text} with anything after the first ':' of the user info masked} */
  static String redact(String text) {
    int sep = text.indexOf("://");
    if (sep < 0) {
      return text;
    }
    int end = authorityEnd(text.substring(sep + 3), "/?#") + sep + 3;
    int at = text.lastIndexOf('@', end - 1);
    int colon = text.indexOf(':', sep + 3);
    if (at <= sep || colon < 0 || colon > at) {
      return text;
    }
    return text.substring(0, colon + 1) + Redaction.MASK + text.substring(at);
  }

  /** {@return the scheme; {@code pop://} URLs have {@link Scheme#POP3}} */
  public Scheme scheme() {
    return scheme;
  }

  /** {@return the decoded user name, if the URL names one} */
  public Optional<String> user() {
    return Optional.ofNullable(user);
  }

  /** {@return whether the URL carries a password (which only {@link #credentials()} reveals)} */
  public boolean hasPassword() {
    return password != null;
  }

  /** {@return user and password as {@link Credentials} when the URL carries both} */
  public Optional<Credentials> credentials() {
    if (user == null || password == null) {
      return Optional.empty();
    }
    return Optional.of(Credentials.password(user, password.toCharArray()));
  }

  /**
   * {@return the URL's credentials when it carries user and password, else those {@code netrc}
   * holds for this host (and for the URL's user, when it names one), as curl does}
   *
   * <pre>{@code
   * Credentials login = url.credentials(Netrc.load(Netrc.defaultFile())).orElseThrow();
   * }</pre>
   *
   * @param netrc the {@code .netrc} to fall back on ({@link Netrc#EMPTY} for none)
   */
  public Optional<Credentials> credentials(Netrc netrc) {
    Optional<Credentials> own = credentials();
    return own.isPresent() ? own : netrc.credentials(host, user);
  }

  /** {@return a fresh copy of the decoded password, if the URL carries one; clear it after use} */
  public Optional<char[]> password() {
    return Optional.ofNullable(password).map(String::toCharArray);
  }

  /**
   * {@return the {@code ;AUTH=} mechanism of an SMTP, IMAP or POP3 URL ({@code *} for any, {@code
   * +APOP}, {@code PLAIN}...), if given}
   */
  public Optional<String> authMechanism() {
    return Optional.ofNullable(authMechanism);
  }

  /** {@return the host: a name, an IPv4 literal, or an IPv6 literal without brackets} */
  public String host() {
    return host;
  }

  /** {@return the port: the one in the URL, else the scheme's default} */
  public int port() {
    return explicitPort < 0 ? scheme.defaultPort() : explicitPort;
  }

  /** {@return the port written in the URL, if any} */
  public OptionalInt explicitPort() {
    return explicitPort < 0 ? OptionalInt.empty() : OptionalInt.of(explicitPort);
  }

  /** {@return the path as written (still percent-encoded), {@code ""} or starting with '/'} */
  public String rawPath() {
    return rawPath;
  }

  /** {@return the percent-decoded path, {@code ""} or starting with '/'} */
  public String path() {
    return path;
  }

  /** {@return the query (after {@code ?}) as written, if any} Gopher URLs have none. */
  public Optional<String> rawQuery() {
    return Optional.ofNullable(rawQuery);
  }

  /** {@return the percent-decoded query, if any} */
  public Optional<String> query() {
    return Optional.ofNullable(query);
  }

  /** {@return the host and port to connect to} */
  public Endpoint endpoint() {
    return new Endpoint(host, port());
  }

  /** {@return the TLS mode the scheme implies ({@link Scheme#defaultTlsMode()})} */
  public TlsMode tlsMode() {
    return scheme.defaultTlsMode();
  }

  /** {@return {@code scheme://[user[:***][;AUTH=m]@]host[:port]}, the password masked} */
  String authorityPrefix() {
    StringBuilder sb = new StringBuilder(scheme.id()).append("://");
    if (user != null || password != null || authMechanism != null) {
      sb.append(user == null ? "" : UrlCodec.encode(user, USER_SAFE));
      sb.append(password == null ? "" : ":" + Redaction.MASK);
      sb.append(authMechanism == null ? "" : ";AUTH=" + UrlCodec.encode(authMechanism, USER_SAFE));
      sb.append('@');
    }
    String encodedHost = UrlCodec.encode(host, ":");
    sb.append(host.indexOf(':') >= 0 ? "[" + encodedHost + "]" : encodedHost);
    if (explicitPort >= 0) {
      sb.append(':').append(explicitPort);
    }
    return sb.toString();
  }

  /**
   * Same as {@link #toString()}: the URL with its password masked.
   *
   * @return the URL with its password replaced by {@code ***}
   */
  public String toRedactedString() {
    return toString();
  }

  /**
   * {@return the URL, re-encoded, with the password shown as {@code ***}: {@code
   * ftp://alice:***@host/pub}}
   */
  @Override
  public String toString() {
    String query = rawQuery == null ? "" : "?" + UrlCodec.encode(rawQuery, RAW_SAFE);
    return authorityPrefix() + UrlCodec.encode(rawPath, RAW_SAFE) + query;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof InetkitUrl u
        && scheme == u.scheme
        && explicitPort == u.explicitPort
        && host.equals(u.host)
        && rawPath.equals(u.rawPath)
        && Objects.equals(user, u.user)
        && Objects.equals(password, u.password)
        && Objects.equals(authMechanism, u.authMechanism)
        && Objects.equals(rawQuery, u.rawQuery);
  }

  @Override
  public int hashCode() {
    return Objects.hash(scheme, user, authMechanism, host, explicitPort, rawPath, rawQuery);
  }
}
