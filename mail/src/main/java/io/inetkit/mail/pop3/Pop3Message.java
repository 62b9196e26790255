package io.inetkit.mail.pop3;

import io.inetkit.core.internal.Inputs;

/**
 * A message in a POP3 maildrop, as LIST and UIDL describe it.
 *
 * <pre>{@code
 * for (Pop3Message m : pop3.list()) {
 *   System.out.println(m.number() + " " + m.size() + " " + m.uidl());
 * }
 * }</pre>
 *
 * @param number the message number in this session (1-based; changes between sessions)
 * @param size the size in octets, as LIST reports it
 * @param uidl the server's unique id (stable across sessions)
 */
public record Pop3Message(int number, long size, String uidl) {

  /**
   * Validates.
   *
   * @param number the message number in this session (1-based; changes between sessions)
   * @param size the size in octets, as LIST reports it
   * @param uidl the server's unique id (stable across sessions)
   */
  public Pop3Message {
    if (number < 1) {
      throw new IllegalArgumentException("number must be positive");
    }
    Inputs.requireToken("uidl", uidl, 70);
  }
}
