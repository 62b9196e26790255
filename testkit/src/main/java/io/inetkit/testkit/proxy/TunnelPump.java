package io.inetkit.testkit.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;

/** Copies a tunnel's bytes both ways, counting them, until both sides are done. */
final class TunnelPump {
  private TunnelPump() {}

  static void run(Socket client, Socket upstream, TunnelRecord record) throws IOException {
    Thread up =
        new Thread(() -> copy(client, upstream, record.toServer), "proxy-pump-" + client.getPort());
    up.setDaemon(true);
    up.start();
    copy(upstream, client, record.toClient);
    try {
      up.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Copies {@code from} to {@code to} until end of stream, then half-closes {@code to}. */
  private static void copy(Socket from, Socket to, AtomicLong count) {
    byte[] buf = new byte[64 * 1024];
    try {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      int n;
      while ((n = in.read(buf)) >= 0) {
        // counted before they are passed on: whoever has received the bytes sees them counted
        count.addAndGet(n);
        out.write(buf, 0, n);
        out.flush();
      }
      to.shutdownOutput();
    } catch (IOException e) {
      // one side went away: close both so the other direction ends too
      closeQuietly(from);
      closeQuietly(to);
    }
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // closing is all that was wanted
    }
  }
}
