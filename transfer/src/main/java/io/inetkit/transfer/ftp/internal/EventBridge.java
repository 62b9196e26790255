package io.inetkit.transfer.ftp.internal;

import io.inetkit.core.Endpoint;
import io.inetkit.core.EventListener;
import io.inetkit.core.internal.Redaction;
import org.apache.commons.net.ProtocolCommandEvent;
import org.apache.commons.net.ProtocolCommandListener;

/**
 * Bridges Commons Net's command/reply events to an inetkit {@link EventListener}, redacting secrets
 * ({@code PASS}, {@code ACCT}) before the listener sees them, and tells the control stream guard
 * that a new reply begins.
 */
final class EventBridge implements ProtocolCommandListener {
  private final Endpoint endpoint;
  private final EventListener events;
  private final Runnable onCommand;

  EventBridge(Endpoint endpoint, EventListener events, Runnable onCommand) {
    this.endpoint = endpoint;
    this.events = events;
    this.onCommand = onCommand;
  }

  @Override
  public void protocolCommandSent(ProtocolCommandEvent event) {
    onCommand.run();
    if (events != EventListener.NONE) {
      // redaction splits every command line: worth skipping when nobody listens (a mirror sends
      // two commands per file)
      events.commandSent(endpoint, Redaction.command(strip(event.getMessage())));
    }
  }

  @Override
  public void protocolReplyReceived(ProtocolCommandEvent event) {
    if (events != EventListener.NONE) {
      events.replyReceived(endpoint, strip(event.getMessage()));
    }
  }

  private static String strip(String message) {
    return message == null ? "" : message.stripTrailing();
  }
}
