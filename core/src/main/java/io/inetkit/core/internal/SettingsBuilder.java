package io.inetkit.core.internal;

import io.inetkit.core.ConnectionSettings;
import io.inetkit.core.Credentials;
import io.inetkit.core.Endpoint;
import io.inetkit.core.EventListener;
import io.inetkit.core.InetkitUrl;
import io.inetkit.core.InvalidInputException;
import io.inetkit.core.PlaintextLogin;
import io.inetkit.core.Proxies;
import io.inetkit.core.Scheme;
import io.inetkit.core.Timeouts;
import io.inetkit.core.TlsMode;
import io.inetkit.core.Trust;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The part of every client builder that holds the {@link ConnectionSettings}, unresolved: what the
 * user set and nothing more, so a client's {@code newBuilder()} copies this (not the resolved
 * settings) and derived values are recomputed by the next {@link #build}, as OkHttp's builder does.
 * A TLS mode comes from, in order: {@link #tlsMode(TlsMode)}, the scheme of the last {@link #url}
 * (forgotten when {@link #endpoint(Endpoint)} names another server), the protocol's rule for the
 * endpoint and login. Setters validate at once. Not part of the public API.
 *
 * <pre>{@code
 * public static final class Builder {
 *   private final SettingsBuilder conn;
 *   public Builder trust(Trust trust) {
 *     conn.trust(trust);
 *     return this;
 *   }
 * }
 * ConnectionSettings s = conn.build((endpoint, login) -> TlsMode.STARTTLS_REQUIRED);
 * }</pre>
 *
 * <p>A new connection setting is one field, one setter and one argument of {@link #build} here, one
 * component of {@link ConnectionSettings}, and one delegating setter in each client builder.
 */
public final class SettingsBuilder {
  /** The rule that derives a TLS mode when none was set. */
  @FunctionalInterface
  public interface TlsDefault {
    /** Returns the TLS mode for {@code endpoint} and {@code credentials} (may be empty). */
    TlsMode of(Endpoint endpoint, Optional<Credentials> credentials);
  }

  private Endpoint endpoint;
  private TlsMode tlsMode;
  private TlsMode urlTlsMode;
  private Trust trust = Trust.system();
  private Credentials credentials;
  private Timeouts timeouts = Timeouts.DEFAULT;
  private PlaintextLogin plaintextLogin = PlaintextLogin.REFUSED;
  private EventListener eventListener = EventListener.NONE;
  private Proxies proxy = Proxies.NONE;

  /** Starts with the safe defaults and no endpoint. */
  public SettingsBuilder() {}

  /** Returns an independent copy holding the same unresolved values. */
  public SettingsBuilder copy() {
    SettingsBuilder c = new SettingsBuilder();
    c.endpoint = endpoint;
    c.tlsMode = tlsMode;
    c.urlTlsMode = urlTlsMode;
    c.trust = trust;
    c.credentials = credentials;
    c.timeouts = timeouts;
    c.plaintextLogin = plaintextLogin;
    c.eventListener = eventListener;
    c.proxy = proxy;
    return c;
  }

  /** Sets the server; a TLS mode implied by an earlier URL's scheme no longer applies. */
  public void endpoint(Endpoint endpoint) {
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    this.urlTlsMode = null;
  }

  /** Sets the TLS mode; it then wins over every derived one, on variants too. */
  public void tlsMode(TlsMode tlsMode) {
    this.tlsMode = Objects.requireNonNull(tlsMode, "tlsMode");
  }

  /** Sets the trust. */
  public void trust(Trust trust) {
    this.trust = Objects.requireNonNull(trust, "trust");
  }

  /** Sets the credentials. */
  public void credentials(Credentials credentials) {
    this.credentials = Objects.requireNonNull(credentials, "credentials");
  }

  /** Sets the time limits. */
  public void timeouts(Timeouts timeouts) {
    this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
  }

  /** Sets whether credentials may travel without TLS. */
  public void plaintextLogin(PlaintextLogin plaintextLogin) {
    this.plaintextLogin = Objects.requireNonNull(plaintextLogin, "plaintextLogin");
  }

  /** Sets the event listener. */
  public void eventListener(EventListener eventListener) {
    this.eventListener = Objects.requireNonNull(eventListener, "eventListener");
  }

  /**
   * Sets the proxies connections go through.
   *
   * @param proxy the proxies; {@link Proxies#NONE} connects directly
   */
  public void proxy(Proxies proxy) {
    this.proxy = Objects.requireNonNull(proxy, "proxy");
  }

  /** {@return the proxies connections go through} */
  public Proxies proxy() {
    return proxy;
  }

  /**
   * Takes the server, the scheme's TLS mode and the URL's user and password (when it carries both)
   * from {@code url}. A TLS mode set with {@link #tlsMode} still wins.
   *
   * @param schemeDecidesTls false when the protocol's own rule decides for the scheme's plain
   *     variant (FTP: plain for anonymous, AUTH TLS for a login); implicit-TLS schemes always imply
   *     {@link TlsMode#IMPLICIT}
   * @throws InvalidInputException when the URL's scheme is not one of {@code accepted}
   */
  public void url(InetkitUrl url, boolean schemeDecidesTls, Scheme... accepted) {
    requireScheme(url, accepted);
    endpoint(url.endpoint());
    TlsMode implied = url.tlsMode();
    urlTlsMode = schemeDecidesTls || implied == TlsMode.IMPLICIT ? implied : null;
    url.credentials().ifPresent(this::credentials);
  }

  /**
   * Checks that {@code url} has one of the {@code accepted} schemes, for every client builder's
   * {@code url(...)}.
   *
   * @param url the URL a builder was given; not null
   * @param accepted the schemes the client speaks
   * @throws InvalidInputException when the URL's scheme is not one of {@code accepted}
   */
  public static void requireScheme(InetkitUrl url, Scheme... accepted) {
    Objects.requireNonNull(url, "url");
    List<Scheme> schemes = Arrays.asList(accepted);
    if (!schemes.contains(url.scheme())) {
      throw new InvalidInputException(
          "url",
          "expected a "
              + String.join("://, ", schemes.stream().map(Scheme::id).toList())
              + ":// URL, got "
              + Inputs.quote(url.toString()));
    }
  }

  /** Returns the endpoint, if set. */
  public Optional<Endpoint> endpoint() {
    return Optional.ofNullable(endpoint);
  }

  /** Returns the TLS mode as set (not derived), if set. */
  public Optional<TlsMode> tlsMode() {
    return Optional.ofNullable(tlsMode);
  }

  /** Returns the credentials, if set. */
  public Optional<Credentials> credentials() {
    return Optional.ofNullable(credentials);
  }

  /** Returns the time limits. */
  public Timeouts timeouts() {
    return timeouts;
  }

  /**
   * Resolves the settings.
   *
   * @param tlsDefault the protocol's rule, used when neither {@link #tlsMode} nor a URL set one
   * @throws IllegalStateException when no endpoint was set
   */
  public ConnectionSettings build(TlsDefault tlsDefault) {
    if (endpoint == null) {
      throw new IllegalStateException("endpoint is required");
    }
    return resolve(endpoint, tlsDefault);
  }

  /**
   * Resolves the settings for {@code target}, for clients without a fixed server (Gopher); the
   * endpoint set here, if any, is ignored.
   */
  public ConnectionSettings resolve(Endpoint target, TlsDefault tlsDefault) {
    TlsMode mode =
        tlsMode != null
            ? tlsMode
            : urlTlsMode != null
                ? urlTlsMode
                : tlsDefault.of(target, Optional.ofNullable(credentials));
    return new ConnectionSettings(
        target,
        mode,
        trust,
        Optional.ofNullable(credentials),
        timeouts,
        plaintextLogin,
        eventListener,
        proxy);
  }

  /**
   * Describes a client without secrets: {@code Name[endpoint, tlsMode, trust, credentials]}, the
   * credentials only when there are some (their {@code toString()} masks the secret).
   */
  public static String describe(String client, ConnectionSettings s) {
    return client
        + "["
        + s.endpoint()
        + ", "
        + s.tlsMode()
        + ", "
        + s.trust()
        + s.credentials().map(c -> ", " + c).orElse("")
        + "]";
  }
}
