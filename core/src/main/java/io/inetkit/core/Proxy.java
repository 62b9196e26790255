package io.inetkit.core;

import io.inetkit.core.internal.Inputs;
import io.inetkit.core.internal.Redaction;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A proxy that connections go through: SOCKS5 (RFC 1928, with RFC 1929 user name and password) or
 * HTTP {@code CONNECT} (with Basic authentication). The connection to the server is a tunnel
 * through the proxy; TLS, when used, is still negotiated with the server itself and verified
 * against the server's name, never the proxy's.
 *
 * <p>Written the way curl writes it ({@link #parse}): {@code socks5h://proxy:1080} resolves the
 * server's name on the proxy, {@code socks5://proxy:1080} resolves it locally and sends the
 * address, {@code http://user:password@proxy:3128} asks an HTTP proxy for a {@code CONNECT} tunnel.
 * As in curl, a URL without a scheme is an HTTP proxy and a URL without a port uses 1080.
 *
 * <pre>{@code
 * Proxy proxy = Proxy.parse("socks5h://proxy.example:1080");
 * SmtpClient client =
 *     SmtpClient.builder().endpoint(Endpoint.of("mail.example", 587)).proxy(proxy).build();
 * }</pre>
 *
 * {@link #toString()} never shows the credentials. Which connections use a proxy, and which go
 * direct, is said by {@link Proxies}.
 *
 * @param type how to talk to the proxy
 * @param host the proxy's host name or address
 * @param port the proxy's port
 * @param credentials the user name and password for the proxy, or null for none
 */
public record Proxy(Type type, String host, int port, Credentials credentials) {

  /** The port curl assumes when a proxy URL has none. */
  public static final int DEFAULT_PORT = 1080;

  /** How to talk to a proxy. */
  public enum Type {
    /** SOCKS5; the server's name is resolved locally and its address sent ({@code socks5://}). */
    SOCKS5("socks5"),
    /** SOCKS5; the server's name is sent and resolved by the proxy ({@code socks5h://}). */
    SOCKS5H("socks5h"),
    /** An HTTP proxy asked for a tunnel with {@code CONNECT host:port} ({@code http://}). */
    HTTP("http");

    private final String scheme;

    Type(String scheme) {
      this.scheme = scheme;
    }

    /** {@return the URL scheme, e.g. {@code socks5h}} */
    public String scheme() {
      return scheme;
    }

    /** {@return whether this is SOCKS5 (either way of resolving names), false for HTTP} */
    public boolean isSocks() {
      return this != HTTP;
    }
  }

  /**
   * Validates the parts.
   *
   * @param type how to talk to the proxy, not null
   * @param host the proxy's host name or address (IPv6 without brackets)
   * @param port the proxy's port, 1 to 65535
   * @param credentials the user name and password for the proxy, or null for none
   * @throws NullPointerException if {@code type} is null
   * @throws InvalidInputException if {@code host} is null or not a valid host, or {@code port} is
   *     out of range
   */
  public Proxy {
    Objects.requireNonNull(type, "type");
    Inputs.requireHost("proxy host", host);
    Inputs.requireRange("proxy port", port, 1, 65535);
  }

  /**
   * Returns a SOCKS5 proxy that resolves server names itself ({@code socks5h://host:port}).
   *
   * @param host the proxy's host name or address
   * @param port the proxy's port, 1 to 65535
   * @return the proxy, without credentials
   * @throws InvalidInputException if {@code host} or {@code port} is invalid
   */
  public static Proxy socks5h(String host, int port) {
    return new Proxy(Type.SOCKS5H, host, port, null);
  }

  /**
   * Returns a SOCKS5 proxy that is sent server addresses resolved locally ({@code
   * socks5://host:port}).
   *
   * @param host the proxy's host name or address
   * @param port the proxy's port, 1 to 65535
   * @return the proxy, without credentials
   * @throws InvalidInputException if {@code host} or {@code port} is invalid
   */
  public static Proxy socks5(String host, int port) {
    return new Proxy(Type.SOCKS5, host, port, null);
  }

  /**
   * Returns an HTTP proxy that is asked for tunnels with {@code CONNECT} ({@code
   * http://host:port}).
   *
   * @param host the proxy's host name or address
   * @param port the proxy's port, 1 to 65535
   * @return the proxy, without credentials
   * @throws InvalidInputException if {@code host} or {@code port} is invalid
   */
  public static Proxy http(String host, int port) {
    return new Proxy(Type.HTTP, host, port, null);
  }

  /**
   * Returns a copy that authenticates to the proxy with {@code credentials}.
   *
   * @param credentials a user name and password, or null for none
   * @return a copy with the credentials replaced
   * @throws InvalidInputException if {@code credentials} is not a user name and password
   */
  public Proxy withCredentials(Credentials credentials) {
    if (credentials != null && credentials.kind() != Credentials.Kind.PASSWORD) {
      throw new InvalidInputException(
          "credentials", "a proxy takes a user name and password, not " + credentials.kind());
    }
    return new Proxy(type, host, port, credentials);
  }

  /** {@return the credentials for the proxy; empty when it takes none} */
  public Optional<Credentials> credentialsIfAny() {
    return Optional.ofNullable(credentials);
  }

  /**
   * Parses a proxy URL in curl's syntax: {@code [scheme://][user[:password]@]host[:port][/]}, with
   * scheme {@code socks5}, {@code socks5h} or {@code http} (the default), port 1080 by default,
   * IPv6 hosts in brackets and percent-encoded user and password. The message of a rejected URL
   * never contains the credentials.
   *
   * @param url the proxy URL, e.g. {@code socks5h://proxy.example:1080}; surrounding white space is
   *     ignored
   * @return the proxy, with credentials when the URL has a user
   * @throws InvalidInputException when the URL is null, empty or malformed, or names another kind
   *     of proxy
   */
  public static Proxy parse(String url) {
    Inputs.requireNonEmpty("proxy", url);
    String rest = url.strip();
    Type type = Type.HTTP;
    int sep = rest.indexOf("://");
    if (sep >= 0) {
      String scheme = rest.substring(0, sep).toLowerCase(Locale.ROOT);
      type =
          switch (scheme) {
            case "socks5" -> Type.SOCKS5;
            case "socks5h" -> Type.SOCKS5H;
            case "http" -> Type.HTTP;
            default ->
                throw new InvalidInputException(
                    "proxy",
                    "unsupported proxy scheme "
                        + Inputs.quote(scheme)
                        + ": use socks5://, socks5h:// or http://");
          };
      rest = rest.substring(sep + 3);
    }
    int slash = rest.indexOf('/');
    if (slash >= 0) {
      if (slash != rest.length() - 1) {
        throw new InvalidInputException("proxy", "a proxy URL has no path: " + redacted(url));
      }
      rest = rest.substring(0, slash);
    }
    Credentials credentials = null;
    int at = rest.lastIndexOf('@');
    if (at >= 0) {
      String userInfo = rest.substring(0, at);
      rest = rest.substring(at + 1);
      int colon = userInfo.indexOf(':');
      String user;
      String password;
      try {
        user = UrlCodec.decode("proxy user", colon < 0 ? userInfo : userInfo.substring(0, colon));
        password = colon < 0 ? "" : UrlCodec.decode("proxy", userInfo.substring(colon + 1));
      } catch (InvalidInputException e) { // its message quotes the secret
        throw new InvalidInputException(
            "proxy",
            "bad percent-escape or control character in the user or password of the proxy URL");
      }
      credentials = Credentials.password(user, password.toCharArray());
    }
    String host;
    String portText = null;
    if (rest.startsWith("[")) {
      int close = rest.indexOf(']');
      if (close < 0) {
        throw new InvalidInputException("proxy", "unclosed '[' in " + redacted(url));
      }
      host = rest.substring(1, close);
      String after = rest.substring(close + 1);
      if (!after.isEmpty()) {
        if (!after.startsWith(":")) {
          throw new InvalidInputException("proxy", "malformed proxy URL " + redacted(url));
        }
        portText = after.substring(1);
      }
    } else {
      int colon = rest.lastIndexOf(':');
      host = colon < 0 ? rest : rest.substring(0, colon);
      portText = colon < 0 ? null : rest.substring(colon + 1);
    }
    if (host.isEmpty()) {
      throw new InvalidInputException("proxy", "no host in proxy URL " + redacted(url));
    }
    int port =
        portText == null || portText.isEmpty()
            ? DEFAULT_PORT
            : (int) UrlCodec.parsePositive("proxy port", portText, 65535);
    return new Proxy(type, host, port, credentials);
  }

  /** Returns {@code url} with anything before an '@' (user and password) masked. */
  static String redacted(String url) {
    int at = url.lastIndexOf('@');
    if (at < 0) {
      return Inputs.quote(url);
    }
    int sep = url.indexOf("://");
    String scheme = sep >= 0 && sep < at ? url.substring(0, sep + 3) : "";
    return Inputs.quote(scheme + Redaction.MASK + url.substring(at));
  }

  /**
   * Returns the proxy as a URL without its credentials: {@code socks5h://***@proxy.example:1080}
   * when it has some, {@code socks5h://proxy.example:1080} otherwise.
   */
  @Override
  public String toString() {
    String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    return type.scheme()
        + "://"
        + (credentials == null ? "" : Redaction.MASK + "@")
        + h
        + ":"
        + port;
  }
}
