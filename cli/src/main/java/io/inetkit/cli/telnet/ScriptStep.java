package io.inetkit.cli.telnet;

import io.inetkit.core.InvalidInputException;
import java.util.Locale;

/**
 * One step of a scripted Telnet session, from {@code --send}/{@code --expect}/{@code --run} or a
 * line of a {@code --script} file ({@code send TEXT}, {@code expect REGEX}, {@code run COMMAND},
 * {@code login}; blank lines and {@code #} comments are skipped).
 *
 * @param kind what to do
 * @param argument the text, pattern or command ({@code ""} for login)
 */
record ScriptStep(Kind kind, String argument) {

  /** What a step does. */
  enum Kind {
    /** Send a line. */
    SEND,
    /** Wait for a regular expression; print what came before it and the match. */
    EXPECT,
    /** Send a command and print its output up to the next prompt. */
    RUN,
    /** Log in at the login and password prompts with the user and password sources. */
    LOGIN
  }

  /**
   * Parses one script line; returns {@code null} for blank and comment lines.
   *
   * @throws InvalidInputException for an unknown verb, naming the line
   */
  static ScriptStep parse(String line, int number) {
    String trimmed = line.strip();
    if (trimmed.isEmpty() || trimmed.startsWith("#")) {
      return null;
    }
    int space = trimmed.indexOf(' ');
    String verb = (space < 0 ? trimmed : trimmed.substring(0, space)).toLowerCase(Locale.ROOT);
    String argument = space < 0 ? "" : trimmed.substring(space + 1);
    Kind kind =
        switch (verb) {
          case "send" -> Kind.SEND;
          case "expect" -> Kind.EXPECT;
          case "run" -> Kind.RUN;
          case "login" -> Kind.LOGIN;
          default ->
              throw new InvalidInputException(
                  "script",
                  "line "
                      + number
                      + ": unknown step '"
                      + verb
                      + "' (use send, expect, run or login)");
        };
    if (kind != Kind.LOGIN && kind != Kind.SEND && argument.isEmpty()) {
      throw new InvalidInputException(
          "script", "line " + number + ": " + verb + " needs an argument");
    }
    return new ScriptStep(kind, argument);
  }
}
