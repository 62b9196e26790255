package io.inetkit.core.internal;

import java.util.Locale;

/**
 * Removes secrets from protocol command lines before they reach a listener, a log or an exception
 * message: the arguments of {@code PASS}, {@code AUTH}, {@code LOGIN}, {@code AUTHENTICATE} and
 * SASL continuation lines.
 *
 * <pre>{@code
 * Redaction.command("PASS hunter2");           // "PASS ***"
 * Redaction.command("a1 LOGIN alice hunter2"); // "a1 LOGIN alice ***"
 * Redaction.command("AUTH PLAIN AGFsaWNl...");  // "AUTH PLAIN ***"
 * }</pre>
 */
public final class Redaction {
  private Redaction() {}

  /** The text that stands in for a removed secret. */
  public static final String MASK = "***";

  /** Returns {@code line} with any secret replaced by {@link #MASK}. */
  public static String command(String line) {
    if (line == null) {
      return null;
    }
    String[] words = line.trim().split("[ \t]+");
    int verb = 0;
    // IMAP commands start with a tag: "a1 LOGIN user pass".
    if (words.length > 1 && isImapVerb(words[1])) {
      verb = 1;
    }
    String v = words[verb].toUpperCase(Locale.ROOT);
    int keep =
        switch (v) {
          case "PASS", "ACCT", "APOP" -> verb + (v.equals("APOP") ? 2 : 1);
          case "AUTH", "AUTHENTICATE" -> verb + 2;
          case "LOGIN" -> verb + 2;
          default -> -1;
        };
    if (keep < 0 || words.length <= keep) {
      return line;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < keep; i++) {
      sb.append(words[i]).append(' ');
    }
    return sb.append(MASK).toString();
  }

  private static boolean isImapVerb(String word) {
    String w = word.toUpperCase(Locale.ROOT);
    return w.equals("LOGIN") || w.equals("AUTHENTICATE");
  }
}
