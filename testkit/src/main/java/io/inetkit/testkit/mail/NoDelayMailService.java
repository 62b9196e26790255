package io.inetkit.testkit.mail;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.server.ProtocolHandler;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.Socket;
import java.net.SocketException;
import java.util.function.BiFunction;

/**
 * One of GreenMail's plain listeners (SMTP, IMAP or POP3) whose accepted sockets have {@code
 * TCP_NODELAY} on.
 *
 * <p>GreenMail leaves Nagle's algorithm on and writes a reply in pieces (POP3 {@code RETR}: the
 * status line, then the message, then {@code .}; IMAP: untagged lines, then the tagged one; SMTP:
 * each {@code EHLO} line). Nagle holds every piece after the first until the client acknowledges
 * the first, and the client, still waiting for the rest, delays that ACK by about 40 ms: every
 * multi-piece reply cost 40-45 ms on loopback, for every client alike.
 */
final class NoDelayMailService extends AbstractServer {
  private final BiFunction<Managers, Socket, ProtocolHandler> handlers;

  /**
   * @param handlers makes the protocol's handler for one accepted socket, as GreenMail's own {@code
   *     SmtpServer}, {@code ImapServer} or {@code Pop3Server} would
   */
  NoDelayMailService(
      ServerSetup setup,
      Managers managers,
      BiFunction<Managers, Socket, ProtocolHandler> handlers) {
    super(setup, managers);
    this.handlers = handlers;
  }

  @Override
  protected ProtocolHandler createProtocolHandler(Socket clientSocket) {
    return handlers.apply(managers, clientSocket);
  }

  @Override
  protected void handleClientSocket(Socket clientSocket) throws SocketException {
    clientSocket.setTcpNoDelay(true);
    super.handleClientSocket(clientSocket);
  }
}
