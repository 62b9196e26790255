package io.inetkit.mail.smtp;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the server said it supports in its EHLO reply, as data: extension keywords (upper case) with
 * their parameters.
 *
 * <pre>{@code
 * SmtpCapabilities caps = session.capabilities();
 * caps.supports("PIPELINING");          // true
 * caps.maxSize();                        // OptionalLong[35882577]
 * caps.authMechanisms();                 // [LOGIN, PLAIN, XOAUTH2]
 * caps.extensions();                     // {SIZE=35882577, 8BITMIME=, AUTH=LOGIN PLAIN XOAUTH2, ...}
 * }</pre>
 *
 * @param greeting the server's 220 greeting text
 * @param serverName the domain the server named in its EHLO reply
 * @param extensions keyword (upper case) to parameters ({@code ""} when none), in server order
 */
public record SmtpCapabilities(String greeting, String serverName, Map<String, String> extensions) {

  /**
   * Copies the map.
   *
   * @param greeting the server's 220 greeting text
   * @param serverName the domain the server named in its EHLO reply
   * @param extensions keyword (upper case) to parameters ({@code ""} when none), in server order
   */
  public SmtpCapabilities {
    Objects.requireNonNull(greeting, "greeting");
    Objects.requireNonNull(serverName, "serverName");
    extensions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
  }

  /**
   * {@return whether the server offers {@code keyword} (case-insensitive)}
   *
   * @param keyword the EHLO keyword, e.g. {@code PIPELINING}
   */
  public boolean supports(String keyword) {
    return extensions.containsKey(keyword.toUpperCase(Locale.ROOT));
  }

  /**
   * {@return the parameters of {@code keyword}, if offered}
   *
   * @param keyword the EHLO keyword, e.g. {@code AUTH}
   */
  public Optional<String> parameter(String keyword) {
    return Optional.ofNullable(extensions.get(keyword.toUpperCase(Locale.ROOT)));
  }

  /** {@return the SIZE limit in bytes, if the server declared one (SIZE 0 means no limit)} */
  public OptionalLong maxSize() {
    String p = extensions.get("SIZE");
    if (p == null || p.isBlank()) {
      return OptionalLong.empty();
    }
    try {
      long size = Long.parseLong(p.strip());
      return size > 0 ? OptionalLong.of(size) : OptionalLong.empty();
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  /** {@return the SASL mechanisms after {@code AUTH}, upper case} */
  public Set<String> authMechanisms() {
    Set<String> out = new TreeSet<>();
    String p = extensions.get("AUTH");
    if (p != null) {
      for (String m : p.strip().split("\\s+")) {
        if (!m.isEmpty()) {
          out.add(m.toUpperCase(Locale.ROOT));
        }
      }
    }
    return out;
  }
}
