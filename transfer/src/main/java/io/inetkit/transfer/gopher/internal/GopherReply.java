package io.inetkit.transfer.gopher.internal;

import io.inetkit.core.ConnectionClosedException;
import io.inetkit.core.Endpoint;
import io.inetkit.core.internal.BoundedLineReader;
import io.inetkit.core.internal.Deadline;
import java.io.IOException;
import java.io.InputStream;

/**
 * The server's side of one request: lines (bounded in length) and raw bytes, read from the same
 * buffer, under the reply's byte budget and the exchange's overall deadline.
 */
public final class GopherReply {
  private final LimitedInputStream in;
  private final BoundedLineReader reader;
  private final Endpoint endpoint;
  private final GopherSettings settings;
  private final String selector;

  /** A reply without a deadline of its own (bytes already in memory). */
  GopherReply(InputStream socketIn, Endpoint endpoint, GopherSettings settings, String selector) {
    this(socketIn, endpoint, settings, selector, new Deadline(endpoint));
  }

  /** A reply read under the exchange's overall {@code deadline}. */
  GopherReply(
      InputStream socketIn,
      Endpoint endpoint,
      GopherSettings settings,
      String selector,
      Deadline deadline) {
    this.in = new LimitedInputStream(socketIn, endpoint, settings.maxTotalBytes(), deadline);
    this.reader = new BoundedLineReader(in, settings.maxLineLength(), endpoint);
    this.endpoint = endpoint;
    this.settings = settings;
    this.selector = selector;
  }

  /** Returns the next line without its line end, or {@code null} at the end of the stream. */
  public byte[] readLine() throws IOException {
    return reader.readLineBytes();
  }

  /** Returns whether the line {@link #readLine} returned last ended with its line end. */
  public boolean lastLineEnded() {
    return reader.lastLineEnded();
  }

  /** Reads raw bytes after (or instead of) lines; -1 at the end of the stream. */
  public int read(byte[] b, int off, int len) throws IOException {
    return reader.read(b, off, len);
  }

  /** Returns the bytes received so far (read ahead into the buffer included). */
  public long bytesReceived() {
    return in.count();
  }

  /** Returns the server. */
  public Endpoint endpoint() {
    return endpoint;
  }

  /** Returns the client's settings and limits. */
  public GopherSettings settings() {
    return settings;
  }

  /**
   * Returns the failure for a dot-terminated reply (menu, text) that ended without its lone {@code
   * .} line: the server closed early, so what arrived may be only part of it.
   *
   * @param what the reply, e.g. {@code menu "/"}
   * @param lines how many lines arrived before the end
   */
  public ConnectionClosedException truncated(String what, long lines) {
    String got =
        lines == 0 && in.count() == 0 ? "before sending anything" : "after " + lines + " line(s)";
    return new ConnectionClosedException(
        what
            + ": truncated reply: the server closed the connection "
            + got
            + ", without the \".\" line that ends it",
        endpoint,
        null);
  }

  /** Returns the selector that was asked for, for messages. */
  public String selector() {
    return selector;
  }
}
