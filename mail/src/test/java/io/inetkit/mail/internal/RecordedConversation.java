package io.inetkit.mail.internal;

import io.inetkit.core.Endpoint;
import io.inetkit.core.EventListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records a session's trace as {@code "> command"} and {@code "< reply"} lines, for tests. */
public final class RecordedConversation extends EventListener {
  private final List<String> lines = new CopyOnWriteArrayList<>();

  @Override
  public void commandSent(Endpoint endpoint, String command) {
    lines.add("> " + command);
  }

  @Override
  public void replyReceived(Endpoint endpoint, String reply) {
    lines.add("< " + reply);
  }

  /** Returns the lines so far. */
  public List<String> lines() {
    return List.copyOf(lines);
  }

  /** Returns the lines so far, joined with line feeds. */
  public String text() {
    return String.join("\n", lines);
  }
}
