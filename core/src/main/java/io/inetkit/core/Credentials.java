package io.inetkit.core;

import io.inetkit.core.internal.Inputs;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Who to log in as, and the secret that proves it: a password or an OAuth2 bearer token.
 *
 * <p>The secret is held behind a {@link Supplier} so it can come from a vault, a prompt or a token
 * service, and is asked for each time a connection authenticates (an expired OAuth2 token is
 * fetched anew). {@link #toString()} never shows it.
 *
 * <pre>{@code
 * Credentials alice = Credentials.password("alice", "s3cret".toCharArray());
 * Credentials bob = Credentials.oauth2("bob@example.org", tokenService::currentToken);
 * Credentials fromEnv = Credentials.fromEnvironment("alice", "MAIL_PASSWORD");
 * }</pre>
 */
public final class Credentials {

  /** The kind of secret. */
  public enum Kind {
    /** A password, for USER/PASS, LOGIN, AUTH PLAIN and AUTH LOGIN. */
    PASSWORD,
    /** An OAuth2 bearer token, for AUTH XOAUTH2 / OAUTHBEARER. */
    OAUTH2_TOKEN
  }

  private final String user;
  private final Kind kind;
  private final Supplier<char[]> secret;

  private Credentials(String user, Kind kind, Supplier<char[]> secret) {
    this.user = Inputs.requireNonEmpty("user", user);
    this.kind = kind;
    this.secret = Objects.requireNonNull(secret, "secret");
  }

  /**
   * {@return password credentials} The array is copied, so the caller may clear its own.
   *
   * @param user the login name; not empty
   * @param password the password; copied
   * @throws InvalidInputException when the user is empty or either value holds CR, LF or NUL
   */
  public static Credentials password(String user, char[] password) {
    Objects.requireNonNull(password, "password");
    char[] copy = requireNoControl(password.clone());
    return new Credentials(user, Kind.PASSWORD, copy::clone);
  }

  /**
   * {@return password credentials whose password is asked of {@code password} when needed}
   *
   * @param user the login name; not empty
   * @param password called at each login for the password; the array it returns is cleared after
   *     use
   */
  public static Credentials password(String user, Supplier<char[]> password) {
    return new Credentials(user, Kind.PASSWORD, password);
  }

  /**
   * {@return OAuth2 credentials whose token is asked of {@code tokenProvider} at each login}
   *
   * @param user the login name; not empty
   * @param tokenProvider called at each login for a current access token
   */
  public static Credentials oauth2(String user, Supplier<String> tokenProvider) {
    Objects.requireNonNull(tokenProvider, "tokenProvider");
    return new Credentials(user, Kind.OAUTH2_TOKEN, () -> toChars(tokenProvider.get()));
  }

  /**
   * {@return password credentials whose password is read from the environment variable {@code
   * variable} when needed}
   *
   * @param user the login name; not empty
   * @param variable the name of the environment variable that holds the password
   * @throws InvalidInputException when the variable is not set
   */
  public static Credentials fromEnvironment(String user, String variable) {
    Inputs.requireToken("variable", variable, 256);
    if (System.getenv(variable) == null) {
      throw new InvalidInputException(
          "variable", "environment variable " + variable + " is not set");
    }
    return password(user, () -> toChars(System.getenv(variable)));
  }

  /** {@return the characters of {@code s}, or null (which {@link #secret()} reports) for null} */
  private static char[] toChars(String s) {
    return s == null ? null : s.toCharArray();
  }

  /** {@return the user name} */
  public String user() {
    return user;
  }

  /** {@return the kind of secret} */
  public Kind kind() {
    return kind;
  }

  /**
   * {@return a fresh copy of the secret; the caller should {@link Arrays#fill(char[], char) clear}
   * it after use}
   *
   * @throws InvalidInputException when the supplier returns null or a value with CR, LF or NUL
   */
  public char[] secret() {
    char[] value = secret.get();
    if (value == null) {
      throw new InvalidInputException("secret", "the secret supplier returned null");
    }
    return requireNoControl(value);
  }

  /** {@return the secret as a String, for APIs (Jakarta Mail, Commons Net) that take one} */
  public String secretAsString() {
    char[] value = secret();
    try {
      return new String(value);
    } finally {
      Arrays.fill(value, '\0');
    }
  }

  private static char[] requireNoControl(char[] value) {
    for (char c : value) {
      if (c == '\r' || c == '\n' || c == '\0') {
        Arrays.fill(value, '\0');
        // The value itself is a secret: never quote it.
        throw new InvalidInputException("secret", "must not contain CR, LF or NUL");
      }
    }
    return value;
  }

  /** {@return {@code Credentials[user=alice, PASSWORD=***]}: the secret is never shown} */
  @Override
  public String toString() {
    return "Credentials[user=" + user + ", " + kind + "=***]";
  }
}
