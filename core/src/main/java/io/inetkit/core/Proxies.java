package io.inetkit.core;

import io.inetkit.core.internal.Inputs;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which {@link Proxy} (if any) each connection goes through: a proxy for every scheme, proxies for
 * single schemes, and a list of hosts that are always reached directly. Immutable; every client
 * builder takes one ({@code proxy(Proxies)}), and {@link #NONE} (connect directly) is the default.
 *
 * <p>{@link #fromEnvironment()} reads the variables curl reads, in curl's order: {@code
 * <scheme>_proxy} then {@code <SCHEME>_PROXY} for the connection's scheme ({@code smtp_proxy},
 * {@code imaps_proxy}, {@code ftp_proxy}, {@code gopher_proxy}, …), then {@code all_proxy} and
 * {@code ALL_PROXY}; hosts in {@code no_proxy} or {@code NO_PROXY} go direct.
 *
 * <p>The no-proxy list follows curl: comma-separated entries (white space around them ignored);
 * {@code *} alone means every host; a host name matches an entry equal to it or ending in {@code
 * .entry} (a leading dot on the entry is ignored, so {@code example.com} and {@code .example.com}
 * both cover {@code mail.example.com}); an IP address matches an equal address or a CIDR range
 * ({@code 10.0.0.0/8}, {@code fd00::/8}). Names are compared without case and never resolved. As in
 * curl, {@code localhost} and loopback addresses are <em>not</em> excluded unless listed: add
 * {@code localhost,127.0.0.1,::1} to reach local servers directly.
 *
 * <pre>{@code
 * Proxies proxies = Proxies.fromEnvironment().withNoProxy("localhost,.internal.example");
 * ImapClient client = ImapClient.builder().endpoint(endpoint).proxy(proxies).build();
 * }</pre>
 */
public final class Proxies {
  /** Every connection goes directly to the server. */
  public static final Proxies NONE = new Proxies(null, Map.of(), "");

  private final Proxy all;
  private final Map<Scheme, Proxy> byScheme;
  private final String noProxy;
  private final List<String> noProxyEntries;

  private Proxies(Proxy all, Map<Scheme, Proxy> byScheme, String noProxy) {
    this.all = all;
    this.byScheme = byScheme;
    this.noProxy = noProxy;
    List<String> entries = new ArrayList<>();
    for (String entry : noProxy.split(",")) {
      String e = entry.strip().toLowerCase(Locale.ROOT);
      if (!e.isEmpty()) {
        entries.add(e);
      }
    }
    this.noProxyEntries = List.copyOf(entries);
  }

  /**
   * Returns the rule that sends every connection through {@code proxy}, with an empty no-proxy
   * list.
   *
   * @param proxy the proxy for every scheme, not null
   * @return the rule
   * @throws NullPointerException if {@code proxy} is null
   */
  public static Proxies of(Proxy proxy) {
    if (proxy == null) {
      throw new NullPointerException("proxy");
    }
    return new Proxies(proxy, Map.of(), "");
  }

  /**
   * Reads the proxy variables of this process's environment (see the class description).
   *
   * @return the rule the variables describe; direct for every connection when none is set
   * @throws InvalidInputException when a variable holds a malformed proxy URL
   */
  public static Proxies fromEnvironment() {
    return fromEnvironment(System.getenv());
  }

  /**
   * Reads the proxy variables from {@code env}, as curl does (see the class description). Empty
   * variables are ignored.
   *
   * @param env the variables, by name (e.g. {@link System#getenv()}); not null
   * @return the rule the variables describe; direct for every connection when none is set
   * @throws InvalidInputException when a variable holds a malformed proxy URL (the message names
   *     the variable and never shows credentials)
   */
  public static Proxies fromEnvironment(Map<String, String> env) {
    Proxy all = variable(env, "all_proxy");
    Map<Scheme, Proxy> byScheme = new EnumMap<>(Scheme.class);
    for (Scheme s : Scheme.values()) {
      Proxy p = variable(env, s.id() + "_proxy");
      if (p != null) {
        byScheme.put(s, p);
      }
    }
    String no = first(env, "no_proxy");
    return new Proxies(all, java.util.Collections.unmodifiableMap(byScheme), no == null ? "" : no);
  }

  private static Proxy variable(Map<String, String> env, String lower) {
    String name =
        env.get(lower) != null && !env.get(lower).isBlank()
            ? lower
            : lower.toUpperCase(Locale.ROOT);
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Proxy.parse(value);
    } catch (InvalidInputException e) {
      throw new InvalidInputException(name, "environment variable " + name + ": " + e.getMessage());
    }
  }

  private static String first(Map<String, String> env, String lower) {
    String value = env.get(lower);
    return value != null && !value.isBlank() ? value : env.get(lower.toUpperCase(Locale.ROOT));
  }

  /**
   * Returns a copy whose no-proxy list is {@code list} (curl's {@code --noproxy} syntax, see the
   * class description), replacing the list read from the environment.
   *
   * @param list comma-separated hosts, domains and address ranges; empty or null: none
   * @return a copy with the no-proxy list replaced
   * @throws InvalidInputException if {@code list} contains CR, LF or NUL
   */
  public Proxies withNoProxy(String list) {
    return new Proxies(all, byScheme, Inputs.requireNoControl("noproxy", list == null ? "" : list));
  }

  /**
   * Returns a copy that sends connections of {@code scheme} through {@code proxy}, replacing that
   * scheme's proxy if it had one; other schemes keep theirs.
   *
   * @param scheme the scheme whose connections use the proxy, not null
   * @param proxy the proxy, not null
   * @return a copy with the scheme's proxy set
   * @throws NullPointerException if {@code scheme} or {@code proxy} is null
   */
  public Proxies withProxy(Scheme scheme, Proxy proxy) {
    Map<Scheme, Proxy> copy = new EnumMap<>(Scheme.class);
    copy.putAll(byScheme);
    copy.put(scheme, java.util.Objects.requireNonNull(proxy, "proxy"));
    return new Proxies(all, java.util.Collections.unmodifiableMap(copy), noProxy);
  }

  /** {@return the no-proxy list, as given; empty when there is none} */
  public String noProxy() {
    return noProxy;
  }

  /**
   * Returns the proxy that a connection of {@code scheme} to {@code host} goes through, or empty
   * when it goes directly: the scheme's own proxy, else the proxy for all schemes, unless the host
   * is in the no-proxy list.
   *
   * @param scheme the connection's scheme
   * @param host the server's host name or address, as given (not resolved)
   * @return the proxy to use, or empty to connect directly
   */
  public Optional<Proxy> select(Scheme scheme, String host) {
    Proxy p = byScheme.getOrDefault(scheme, all);
    if (p == null || bypasses(host)) {
      return Optional.empty();
    }
    return Optional.of(p);
  }

  /**
   * Returns whether {@code host} is in the no-proxy list (curl's rules; see the class description).
   *
   * @param host a host name or address (IPv6 may be in brackets); null or empty never matches
   * @return true when connections to {@code host} go directly
   */
  public boolean bypasses(String host) {
    return NoProxyMatch.matches(noProxyEntries, host);
  }

  /** Describes the rule without any credentials. */
  @Override
  public String toString() {
    if (all == null && byScheme.isEmpty()) {
      return "Proxies[direct]";
    }
    StringBuilder sb = new StringBuilder("Proxies[");
    if (all != null) {
      sb.append("all=").append(all);
    }
    byScheme.forEach(
        (s, p) -> sb.append(sb.length() > 8 ? ", " : "").append(s.id()).append('=').append(p));
    if (!noProxy.isEmpty()) {
      sb.append(", noProxy=").append(noProxy);
    }
    return sb.append(']').toString();
  }
}
