package io.inetkit.testkit.mail;

import java.io.IOException;
import java.io.InputStream;

/**
 * The plain-text part of one protocol's STARTTLS conversation, spoken by {@link StartTlsFront}
 * before it upgrades the connection and hands it to GreenMail. One implementation per protocol.
 */
interface StartTlsDialogue {

  /** What to do after sending an answer's reply. */
  enum Next {
    /** Read the next command. */
    CONTINUE,
    /** Upgrade to TLS, then relay to GreenMail. */
    UPGRADE,
    /** Close the connection. */
    CLOSE
  }

  /** A reply to send (with its line ends) and what follows it. */
  record Answer(String reply, Next next) {
    static Answer reply(String text) {
      return new Answer(text, Next.CONTINUE);
    }
  }

  /** {@return the greeting sent on connect (with its line end)} */
  String greeting();

  /** Answers one command line received before TLS (line end removed). */
  Answer answer(String line);

  /** Reads and discards GreenMail's greeting, which the client already had from the front. */
  default void swallowGreeting(InputStream upstream) throws IOException {
    Upstream.readLine(upstream);
  }

  /** {@return the command verb of {@code line}, upper-cased} */
  static String verb(String line) {
    String trimmed = line.strip();
    int space = trimmed.indexOf(' ');
    return (space < 0 ? trimmed : trimmed.substring(0, space)).toUpperCase(java.util.Locale.ROOT);
  }
}
