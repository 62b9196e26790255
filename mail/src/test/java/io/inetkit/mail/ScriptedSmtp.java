package io.inetkit.mail;

import io.inetkit.testkit.fault.FaultScript;
import io.inetkit.testkit.fault.FaultServer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A {@link FaultServer} responder that answers like a normal SMTP server, except where {@code
 * special} returns a reply of its own (or {@link #DROP} to close the connection without one), and
 * records the data of every message it accepted. Connections are served one after another by the
 * tests that use it, so one responder may serve several connections.
 */
final class ScriptedSmtp implements Function<String, String> {
  /** EHLO reply offering AUTH PLAIN and LOGIN. */
  static final String EHLO_PLAIN = "250-fault.test\r\n250 AUTH PLAIN LOGIN\r\n";

  /** Returned by {@code special}: close the connection without answering. */
  static final String DROP = "\0drop";

  private final Function<String, String> special;
  private final List<String> messages = new CopyOnWriteArrayList<>();
  private StringBuilder data;

  private ScriptedSmtp(Function<String, String> special) {
    this.special = special;
  }

  /** Answers like a normal server, except {@code special} where it returns non-null. */
  static ScriptedSmtp normalExcept(Function<String, String> special) {
    return new ScriptedSmtp(special);
  }

  /** Starts a fault server that greets, then answers every line with {@code responder}. */
  static FaultServer start(Function<String, String> responder) throws Exception {
    return FaultServer.start(
        FaultScript.create().send("220 fault.test ESMTP\r\n").respond(responder));
  }

  /** Returns the data of each accepted message (lines joined with LF, trailing blanks stripped). */
  List<String> messages() {
    return List.copyOf(messages);
  }

  @Override
  public synchronized String apply(String line) {
    if (data != null) {
      if (line.equals(".")) {
        messages.add(data.toString());
        data = null;
        return "250 2.0.0 queued as X" + messages.size() + "\r\n";
      }
      data.append(line).append('\n');
      return "";
    }
    String s = special.apply(line);
    if (s != null) {
      return DROP.equals(s) ? null : s;
    }
    if (line.startsWith("EHLO")) {
      return EHLO_PLAIN;
    }
    if (line.startsWith("AUTH PLAIN")) {
      return "235 2.7.0 ok\r\n";
    }
    if (line.equals("DATA")) {
      data = new StringBuilder();
      return "354 go ahead\r\n";
    }
    return line.equals("QUIT") ? "221 bye\r\n" : "250 ok\r\n";
  }
}
