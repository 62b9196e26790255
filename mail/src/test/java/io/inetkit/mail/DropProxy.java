package io.inetkit.mail;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * A loopback TCP relay to a test server whose connections a test can cut at will, to prove
 * reconnection. Not a mock: bytes flow unchanged between real client and real server, unless it was
 * made to {@linkplain #hidingCapabilities hide capabilities}, which rewrites only the server's
 * CAPABILITY lists (to make a real server look as if it lacked an extension) and records the
 * client's lines.
 */
final class DropProxy implements AutoCloseable {
  private final ServerSocket listener;
  private final int targetPort;
  private final Set<String> hidden;
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private final List<String> clientLines = new CopyOnWriteArrayList<>();
  private volatile int connections;

  DropProxy(int targetPort) throws IOException {
    this(targetPort, Set.of());
  }

  /**
   * A relay to a plain-text IMAP server that removes {@code capabilities} (e.g. {@code MOVE}) from
   * every {@code CAPABILITY} list the server sends and records each line the client sends.
   */
  static DropProxy hidingCapabilities(int targetPort, String... capabilities) throws IOException {
    Set<String> hidden = new HashSet<>();
    for (String c : capabilities) {
      hidden.add(c.toUpperCase(Locale.ROOT));
    }
    return new DropProxy(targetPort, Set.copyOf(hidden));
  }

  private DropProxy(int targetPort, Set<String> hidden) throws IOException {
    this.targetPort = targetPort;
    this.hidden = hidden;
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread accept = new Thread(this::acceptLoop, "drop-proxy");
    accept.setDaemon(true);
    accept.start();
  }

  int port() {
    return listener.getLocalPort();
  }

  int connections() {
    return connections;
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        open.add(client);
        open.add(server);
        connections++;
        if (hidden.isEmpty()) {
          pump(client, server);
          pump(server, client);
        } else {
          pumpLines(
              client,
              server,
              line -> {
                clientLines.add(line.stripTrailing());
                return line;
              });
          pumpLines(server, client, this::hideCapabilities);
        }
      } catch (IOException e) {
        return;
      }
    }
  }

  /** Returns the lines clients sent so far (only when hiding capabilities), without line ends. */
  List<String> clientLines() {
    return List.copyOf(clientLines);
  }

  private String hideCapabilities(String line) {
    String upper = line.toUpperCase(Locale.ROOT);
    if (!upper.startsWith("* CAPABILITY ") && !upper.contains("[CAPABILITY ")) {
      return line;
    }
    String rewritten = line;
    for (String h : hidden) {
      rewritten = rewritten.replaceAll("(?i) " + Pattern.quote(h) + "(?=[ \\]\\r\\n])", "");
    }
    return rewritten;
  }

  /** Relays line by line (ISO-8859-1, so bytes survive), passing each line through {@code edit}. */
  private static void pumpLines(Socket from, Socket to, UnaryOperator<String> edit) {
    Thread t =
        new Thread(
            () -> {
              try (InputStream in = new BufferedInputStream(from.getInputStream());
                  OutputStream out = to.getOutputStream()) {
                ByteArrayOutputStream line = new ByteArrayOutputStream();
                int b;
                while ((b = in.read()) >= 0) {
                  line.write(b);
                  if (b == '\n') { // IMAP lines always end with CRLF, literals included
                    String edited = edit.apply(line.toString(StandardCharsets.ISO_8859_1));
                    out.write(edited.getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    line.reset();
                  }
                }
              } catch (IOException ignored) {
                // cut by dropAll() or closed by a peer
              } finally {
                closeQuietly(from);
                closeQuietly(to);
              }
            },
            "drop-proxy-lines");
    t.setDaemon(true);
    t.start();
  }

  private static void pump(Socket from, Socket to) {
    Thread t =
        new Thread(
            () -> {
              byte[] buf = new byte[64 * 1024];
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buf)) > 0) {
                  out.write(buf, 0, n);
                  out.flush();
                }
              } catch (IOException ignored) {
                // cut by dropAll() or closed by a peer
              } finally {
                closeQuietly(from);
                closeQuietly(to);
              }
            },
            "drop-proxy-pump");
    t.setDaemon(true);
    t.start();
  }

  /** Cuts every connection open now (a reset, as when a network path dies). */
  void dropAll() {
    for (Socket s : open) {
      try {
        s.setSoLinger(true, 0);
      } catch (IOException ignored) {
        // already closed
      }
      closeQuietly(s);
    }
    open.clear();
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // nothing to do
    }
  }

  @Override
  public void close() throws IOException {
    listener.close();
    dropAll();
  }
}
