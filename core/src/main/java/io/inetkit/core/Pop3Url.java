package io.inetkit.core;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * The POP3 reading of a {@code pop://}, {@code pop3://}, {@code pops://} or {@code pop3s://} URL
 * (RFC 2384): user, {@code ;AUTH=} mechanism ({@code +APOP}, {@code *} for any, or a SASL name),
 * host and port, and, as an inetkit extension, a message number path ({@code /3}) for commands that
 * read one message. Immutable.
 *
 * <pre>{@code
 * Pop3Url u = Pop3Url.parse("pop://rg;AUTH=+APOP@mail.eudora.com:8110");
 * u.url().user();      // Optional[rg]
 * u.authMechanism();   // Optional[+APOP]
 * u.url().endpoint();  // mail.eudora.com:8110
 * Pop3Url.parse("pop3://mail.example.org/3").messageNumber(); // OptionalInt[3]
 * }</pre>
 */
public final class Pop3Url {
  private final InetkitUrl url;
  private final int messageNumber;

  private Pop3Url(InetkitUrl url, int messageNumber) {
    this.url = url;
    this.messageNumber = messageNumber;
  }

  /**
   * Parses a {@code pop[3][s]://} URL.
   *
   * @param text the URL
   * @return its POP3 parts
   * @throws InvalidInputException when the text is not a valid POP3 URL
   */
  public static Pop3Url parse(String text) {
    return from(InetkitUrl.parse(text));
  }

  /**
   * Reads the POP3 parts of a parsed URL.
   *
   * @param url a parsed {@code pop3} or {@code pop3s} URL
   * @return its POP3 parts
   * @throws InvalidInputException when the URL is not a POP3 URL or its path is not a number
   */
  public static Pop3Url from(InetkitUrl url) {
    if (url.scheme() != Scheme.POP3 && url.scheme() != Scheme.POP3S) {
      throw new InvalidInputException("url", "not a pop3:// or pop3s:// URL: " + url);
    }
    if (url.rawQuery().isPresent()) {
      throw new InvalidInputException("url", "a POP3 URL has no query: " + url);
    }
    String path = url.path().isEmpty() ? "" : url.path().substring(1);
    int number =
        path.isEmpty()
            ? -1
            : (int) UrlCodec.parsePositive("messageNumber", path, Integer.MAX_VALUE);
    return new Pop3Url(url, number);
  }

  /** {@return the whole URL: host, port, user, TLS mode} */
  public InetkitUrl url() {
    return url;
  }

  /** {@return the {@code ;AUTH=} mechanism: {@code +APOP}, {@code *}, or a SASL name} */
  public Optional<String> authMechanism() {
    return url.authMechanism();
  }

  /** {@return the message number (1-based, as POP3 counts), if the path names one} */
  public OptionalInt messageNumber() {
    return messageNumber < 0 ? OptionalInt.empty() : OptionalInt.of(messageNumber);
  }

  /** {@return the URL re-encoded, the password (if any) masked} */
  @Override
  public String toString() {
    return url.authorityPrefix() + (messageNumber < 0 ? "" : "/" + messageNumber);
  }
}
