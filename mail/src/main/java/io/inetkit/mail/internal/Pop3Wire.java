package io.inetkit.mail.internal;

import io.inetkit.core.ConnectionClosedException;
import io.inetkit.core.Endpoint;
import io.inetkit.core.InetkitException;
import io.inetkit.core.ProtocolReplyException;
import io.inetkit.core.ProtocolViolationException;
import io.inetkit.core.Reply;
import io.inetkit.core.internal.BoundedLineReader;
import io.inetkit.core.internal.Inputs;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * POP3 commands inetkit sends itself on the connection Angus Mail logged in (see {@link
 * GuardedSockets#connection()}), where Angus would size memory by what the server announces: STAT
 * before Angus allocates a slot per announced message, and LIST and UIDL, which Angus reads whole
 * into memory. Multi-line replies are handed over one line at a time, so a listing of any length
 * costs only what the caller keeps. Not part of the public API.
 *
 * <pre>{@code
 * Pop3Wire wire = new Pop3Wire(sockets.connection(), endpoint, maxLine);
 * long messages = wire.stat();
 * wire.listing("UIDL", line -> ...);   // "1 abc", "2 def", ...; never held whole
 * }</pre>
 */
public final class Pop3Wire {
  /** Receives the lines of a multi-line reply, dot-stuffing undone, without line ends. */
  @FunctionalInterface
  public interface LineSink {
    /** Receives one line. */
    void line(String line) throws InetkitException;
  }

  private final Socket socket;
  private final Endpoint endpoint;
  private final int maxLine;

  /**
   * @param socket the logged-in connection, with no reply pending
   * @param endpoint the server, for messages
   * @param maxLine the longest reply line accepted
   */
  public Pop3Wire(Socket socket, Endpoint endpoint, int maxLine) {
    this.socket = socket;
    this.endpoint = endpoint;
    this.maxLine = maxLine;
  }

  /** Returns the number of messages STAT announces. */
  public long stat() throws IOException {
    String status = send("STAT", new BoundedLineReader(socket.getInputStream(), maxLine, endpoint));
    String[] f = status.substring(3).strip().split(" +");
    try {
      long count = Long.parseLong(f[0]);
      if (count >= 0) {
        return count;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ProtocolViolationException(
        "STAT: not a message count: " + Inputs.quote(status), endpoint, null);
  }

  /**
   * Sends {@code command} (LIST or UIDL, without arguments) and hands each line of its multi-line
   * reply to {@code sink} as it arrives.
   *
   * @return the number of lines
   * @throws ProtocolReplyException when the server answers {@code -ERR}
   * @throws ConnectionClosedException when the reply ends before its {@code .} line
   */
  public long listing(String command, LineSink sink) throws IOException {
    BoundedLineReader reader = new BoundedLineReader(socket.getInputStream(), maxLine, endpoint);
    send(command, reader);
    long lines = 0;
    while (true) {
      String line = reader.readLine();
      if (line == null) {
        throw new ConnectionClosedException(
            command
                + ": the server closed the connection after "
                + lines
                + " line(s) of the listing",
            endpoint,
            null);
      }
      if (line.equals(".")) {
        return lines;
      }
      lines++;
      sink.line(line.startsWith("..") ? line.substring(1) : line);
    }
  }

  /** Sends {@code command} and returns its {@code +OK} status line. */
  private String send(String command, BoundedLineReader reader) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
    String status = reader.readLine();
    if (status == null) {
      throw new ConnectionClosedException(
          command + ": the server closed the connection without a reply", endpoint, null);
    }
    if (status.startsWith("+OK")) {
      return status;
    }
    String text = status.startsWith("-ERR") ? status.substring(4).strip() : status;
    if (!status.startsWith("-ERR")) {
      throw new ProtocolViolationException(
          command + ": not a POP3 reply: " + Inputs.quote(status), endpoint, null);
    }
    throw new ProtocolReplyException(
        command, endpoint, new Reply("-ERR", text, Reply.Kind.PERMANENT_NEGATIVE), null);
  }
}
