package io.inetkit.mail;

import io.inetkit.core.InvalidInputException;
import io.inetkit.core.internal.Inputs;

/**
 * An e-mail address with an optional display name. Validated when made: CR, LF, NUL, white space,
 * angle brackets and other characters that could break out of an SMTP command or a header are
 * rejected with {@link InvalidInputException} naming the offending value. Non-ASCII addresses (RFC
 * 6531) are allowed; sending them needs a server that offers SMTPUTF8.
 *
 * <pre>{@code
 * MailAddress alice = MailAddress.of("alice@example.org", "Alice Ärger");
 * MailAddress bob = MailAddress.parse("Bob <bob@example.org>");
 * }</pre>
 *
 * @param address the {@code local@domain} address
 * @param displayName the display name, or {@code ""} for none; encoded (RFC 2047) when sent
 */
public record MailAddress(String address, String displayName) {
  private static final int MAX_LOCAL = 64;
  private static final int MAX_ADDRESS = 254;
  private static final String FORBIDDEN = "<>()[],;:\\\"";

  /**
   * Validates the address and display name.
   *
   * @param address the {@code local@domain} address
   * @param displayName the display name, or {@code ""} for none; encoded (RFC 2047) when sent
   */
  public MailAddress {
    Inputs.requireNonEmpty("address", address);
    displayName =
        displayName == null ? "" : Inputs.requireMaxLength("displayName", displayName, 256);
    int at = address.lastIndexOf('@');
    if (at <= 0 || at == address.length() - 1 || at > MAX_LOCAL || address.length() > MAX_ADDRESS) {
      throw invalid(address);
    }
    for (int i = 0; i < address.length(); i++) {
      char c = address.charAt(i);
      if (c <= ' ' || c == 0x7f || FORBIDDEN.indexOf(c) >= 0 || (c == '@' && i != at)) {
        throw invalid(address);
      }
    }
    String domain = address.substring(at + 1);
    if (domain.startsWith(".") || domain.endsWith(".") || domain.contains("..")) {
      throw invalid(address);
    }
  }

  private static InvalidInputException invalid(String address) {
    return new InvalidInputException(
        "address", "not a valid e-mail address: " + Inputs.quote(address));
  }

  /**
   * {@return the address without a display name}
   *
   * @param address the address, e.g. {@code alice@example.org}
   */
  public static MailAddress of(String address) {
    return new MailAddress(address, "");
  }

  /**
   * {@return the address with a display name}
   *
   * @param address the address, e.g. {@code alice@example.org}
   * @param displayName the name shown, e.g. {@code Alice Smith}
   */
  public static MailAddress of(String address, String displayName) {
    return new MailAddress(address, displayName);
  }

  /**
   * Parses {@code alice@example.org}, {@code <alice@example.org>} or {@code Alice Smith
   * <alice@example.org>} (the name may be in double quotes).
   *
   * @param text the text to parse
   * @return the address
   * @throws InvalidInputException when the text is not one address
   */
  public static MailAddress parse(String text) {
    Inputs.requireNonEmpty("address", text);
    String t = text.strip();
    int open = t.lastIndexOf('<');
    if (open < 0) {
      return of(t);
    }
    if (!t.endsWith(">")) {
      throw invalid(text);
    }
    String name = t.substring(0, open).strip();
    if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
      name = name.substring(1, name.length() - 1);
    }
    return of(t.substring(open + 1, t.length() - 1), name);
  }

  /** {@return the part after the {@code @}} */
  public String domain() {
    return address.substring(address.lastIndexOf('@') + 1);
  }

  /** {@return whether the address has non-ASCII characters (needs SMTPUTF8 to be sent)} */
  public boolean isInternational() {
    return address.chars().anyMatch(c -> c > 0x7f);
  }

  /** Returns {@code "Name" <address>} or just the address. */
  @Override
  public String toString() {
    return displayName.isEmpty() ? address : "\"" + displayName + "\" <" + address + ">";
  }
}
