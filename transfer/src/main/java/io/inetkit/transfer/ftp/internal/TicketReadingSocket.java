package io.inetkit.transfer.ftp.internal;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import javax.net.ssl.SSLSocket;

/**
 * A TLS 1.3 data socket that, when an upload closes it, first half-closes (close_notify) and reads
 * to the end, so the JDK processes the server's NewSessionTicket and caches it for the next data
 * connection. Needed because a server with single-use TLS 1.3 tickets (OpenSSL's stateful cache, as
 * in vsftpd) will not resume the already-used control ticket again, and an upload never reads from
 * its data connection otherwise. The drain is bounded by {@code drainMillis}.
 */
final class TicketReadingSocket extends DelegatingSocket {
  private final SSLSocket tls;
  private final int drainMillis;
  private boolean closed;

  TicketReadingSocket(SSLSocket tls, int drainMillis) {
    super(tls);
    this.tls = tls;
    this.drainMillis = drainMillis;
  }

  @Override
  public OutputStream getOutputStream() throws IOException {
    return new FilterOutputStream(tls.getOutputStream()) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }

      @Override
      public void close() throws IOException {
        TicketReadingSocket.this.close();
      }
    };
  }

  @Override
  public synchronized void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      tls.getOutputStream().flush();
      tls.shutdownOutput();
      tls.setSoTimeout(drainMillis);
      InputStream in = tls.getInputStream();
      byte[] buf = new byte[8192];
      while (in.read(buf) >= 0) {
        // an upload's data connection carries nothing back; reading processes the ticket
      }
    } catch (IOException endOfDrain) {
      // the server may reset or time out here; the upload itself is judged by its reply
    } finally {
      tls.close();
    }
  }
}
