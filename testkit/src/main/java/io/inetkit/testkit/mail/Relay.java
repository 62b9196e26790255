package io.inetkit.testkit.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Copies bytes both ways between a client socket and an upstream socket, one daemon thread per
 * direction, with 256 KiB buffers so the relay is never the bottleneck. When either side ends, both
 * sockets are closed. Shared by every TLS front.
 */
final class Relay {
  static final int BUFFER = 256 * 1024;

  private final Socket client;
  private final Socket upstream;
  private final AtomicBoolean closed = new AtomicBoolean();

  private Relay(Socket client, Socket upstream) {
    this.client = client;
    this.upstream = upstream;
  }

  /** Starts relaying between {@code client} and {@code upstream}; returns at once. */
  static void start(Socket client, Socket upstream, String name) throws IOException {
    Relay relay = new Relay(client, upstream);
    relay.pump(client.getInputStream(), upstream.getOutputStream(), name + "-up");
    relay.pump(upstream.getInputStream(), client.getOutputStream(), name + "-down");
  }

  private void pump(InputStream in, OutputStream out, String name) {
    Thread t =
        new Thread(
            () -> {
              byte[] buffer = new byte[BUFFER];
              try {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                  out.write(buffer, 0, n);
                  out.flush();
                }
              } catch (IOException e) {
                // one side hung up or was closed: the relay ends
              } finally {
                closeBoth();
              }
            },
            name);
    t.setDaemon(true);
    t.start();
  }

  private void closeBoth() {
    if (closed.compareAndSet(false, true)) {
      closeQuietly(client);
      closeQuietly(upstream);
    }
  }

  static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // already closed
    }
  }
}
