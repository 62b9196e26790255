package io.inetkit.transfer.ftp.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Guards the control connection against a hostile server: fails as soon as one line grows past
 * {@code maxLine} bytes or one reply (everything since the last command) past {@code maxReply}
 * bytes, so Commons Net's unbounded line reader never holds more than that, and at the first NUL
 * byte (which Commons Net would pass on silently).
 */
final class ControlLimitInputStream extends FilterInputStream {
  private final int maxLine;
  private final int maxReply;
  private int line;
  private int reply;

  ControlLimitInputStream(InputStream in, int maxLine, int maxReply) {
    super(in);
    this.maxLine = maxLine;
    this.maxReply = maxReply;
  }

  /** Called when a command is sent: the next reply starts counting from zero. */
  void commandSent() {
    reply = 0;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      count((byte) b);
    }
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    for (int i = 0; i < n; i++) {
      count(b[off + i]);
    }
    return n;
  }

  private void count(byte b) throws IOException {
    if (b == 0) {
      throw new NulInReplyException();
    }
    reply++;
    line = b == '\n' ? 0 : line + 1;
    if (line > maxLine) {
      throw new ReplyTooLongException("reply line longer than " + maxLine + " bytes", maxLine);
    }
    if (reply > maxReply) {
      throw new ReplyTooLongException("reply longer than " + maxReply + " bytes", maxReply);
    }
  }

  /** The server's reply holds a NUL byte; translated to {@code ProtocolViolationException}. */
  static final class NulInReplyException extends IOException {
    private static final long serialVersionUID = 1L;

    NulInReplyException() {
      super("the server sent a NUL byte in a reply line");
    }
  }

  /** The server's reply crossed a limit; translated to {@code LimitExceededException}. */
  static final class ReplyTooLongException extends IOException {
    private static final long serialVersionUID = 1L;
    final long limit;

    ReplyTooLongException(String message, long limit) {
      super(message);
      this.limit = limit;
    }
  }
}
