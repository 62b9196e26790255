package io.inetkit.mail;

import io.inetkit.testkit.fault.FaultScript;
import io.inetkit.testkit.fault.FaultServer;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;

/**
 * A {@link FaultServer} responder that answers like a minimal IMAP server (plain LOGIN, one folder
 * INBOX with UIDVALIDITY {@value #UIDVALIDITY} holding UID 1), except where {@code special} returns
 * a reply of its own for a command ({@code null}: answer normally). Records each command without
 * its tag.
 */
final class ScriptedImap implements java.util.function.Function<String, String> {
  static final long UIDVALIDITY = 7;

  private final String capabilities;
  private final BiFunction<String, String, String> special;
  private final List<String> commands = new CopyOnWriteArrayList<>();

  private ScriptedImap(String capabilities, BiFunction<String, String, String> special) {
    this.capabilities = capabilities;
    this.special = special;
  }

  /**
   * Answers normally, announcing {@code capabilities}, except where {@code special.apply(tag,
   * command)} returns a reply (include the tagged completion and line ends).
   */
  static ScriptedImap normalExcept(
      String capabilities, BiFunction<String, String, String> special) {
    return new ScriptedImap(capabilities, special);
  }

  /** Starts a fault server that greets, then answers every line with {@code responder}. */
  static FaultServer start(ScriptedImap responder) throws Exception {
    return FaultServer.start(greeting().respond(responder));
  }

  /** Returns a script that sends the greeting; add the rest. */
  static FaultScript greeting() {
    return FaultScript.create().send("* OK fault IMAP ready\r\n");
  }

  /** Returns the tag of a client's command line. */
  static String tag(String line) {
    return line.split(" ", 2)[0];
  }

  /** Returns the commands received so far, without tags, in order. */
  List<String> commands() {
    return List.copyOf(commands);
  }

  @Override
  public String apply(String line) {
    String tag = tag(line);
    String command = line.length() > tag.length() ? line.substring(tag.length() + 1) : "";
    commands.add(command);
    String s = special.apply(tag, command);
    if (s != null) {
      return s;
    }
    String upper = command.toUpperCase(Locale.ROOT);
    if (upper.startsWith("CAPABILITY")) {
      return "* CAPABILITY " + capabilities + "\r\n" + tag + " OK done\r\n";
    }
    if (upper.startsWith("SELECT") || upper.startsWith("EXAMINE")) {
      return "* FLAGS (\\Seen \\Deleted \\Flagged)\r\n* 1 EXISTS\r\n* 0 RECENT\r\n"
          + "* OK [UIDVALIDITY "
          + UIDVALIDITY
          + "] ok\r\n* OK [UIDNEXT 2] ok\r\n"
          + tag
          + " OK [READ-WRITE] selected\r\n";
    }
    if (upper.startsWith("UID SEARCH")) {
      return "* SEARCH 1\r\n" + tag + " OK done\r\n";
    }
    if (upper.startsWith("LOGOUT")) {
      return "* BYE bye\r\n" + tag + " OK done\r\n";
    }
    return tag + " OK done\r\n";
  }
}
