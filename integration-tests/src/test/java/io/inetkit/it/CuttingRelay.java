package io.inetkit.it;

import io.inetkit.core.internal.Connector;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback TCP relay in front of a real testkit server that resets the first transfer once {@code
 * cutAfter} bytes of it have come from the server: the dropped connection of a flaky network, with
 * real client and real server on either side. Every later connection passes untouched.
 *
 * <p>{@link #tcp} cuts the first connection (Gopher). {@link #ftp} relays plain FTP: it rewrites
 * the port of each 229 (EPSV) and 227 (PASV) reply to a data relay of its own, so the cut lands on
 * the first data connection that carries more than {@code cutAfter} bytes.
 *
 * <pre>{@code
 * try (CuttingRelay relay = CuttingRelay.ftp(ftp.port(), 300_000)) {
 *   cli.run("ftp", "get", "ftp://alice@127.0.0.1:" + relay.port() + "/big.bin", "--retry", "0");
 *   assertThat(relay.cuts()).isEqualTo(1);
 * }
 * }</pre>
 */
final class CuttingRelay implements AutoCloseable {
  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
  private static final Pattern EPSV = Pattern.compile("^(229 .*\\(\\|\\|\\|)(\\d+)(\\|\\).*)$");
  private static final Pattern PASV =
      Pattern.compile("^(227 .*\\()\\d+,\\d+,\\d+,\\d+,(\\d+),(\\d+)(\\).*)$");

  private final int target;
  private final long cutAfter;
  private final boolean ftp;
  private final ServerSocket listener;
  private final AtomicBoolean armed = new AtomicBoolean(true);
  private final AtomicInteger cuts = new AtomicInteger();
  private final List<AutoCloseable> open = new CopyOnWriteArrayList<>();
  private final ExecutorService threads = Executors.newCachedThreadPool();

  private CuttingRelay(int target, long cutAfter, boolean ftp) throws IOException {
    this.target = target;
    this.cutAfter = cutAfter;
    this.ftp = ftp;
    this.listener = listen();
    daemon(this::acceptLoop);
  }

  /** Relays every connection to {@code port}, resetting the first after {@code cutAfter} bytes. */
  static CuttingRelay tcp(int port, long cutAfter) throws IOException {
    return new CuttingRelay(port, cutAfter, false);
  }

  /**
   * Relays plain FTP to {@code port}, resetting the first data connection past {@code cutAfter}.
   */
  static CuttingRelay ftp(int port, long cutAfter) throws IOException {
    return new CuttingRelay(port, cutAfter, true);
  }

  /** Returns the loopback port clients connect to. */
  int port() {
    return listener.getLocalPort();
  }

  /** Returns how many connections were cut (0 or 1). */
  int cuts() {
    return cuts.get();
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      try {
        Socket client = track(listener.accept());
        Socket server = track(new Socket(LOOPBACK, target));
        daemon(() -> pump(client, server, false));
        daemon(ftp ? () -> relayControlReplies(server, client) : () -> pump(server, client, true));
      } catch (IOException e) {
        return;
      }
    }
  }

  /** Copies {@code from} to {@code to}, resetting {@code to} at the cut when {@code mayCut}. */
  private void pump(Socket from, Socket to, boolean mayCut) {
    try (InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      byte[] buf = new byte[16 * 1024];
      long total = 0;
      for (int n; (n = in.read(buf)) >= 0; ) {
        if (mayCut && total + n > cutAfter && armed.compareAndSet(true, false)) {
          out.write(buf, 0, (int) (cutAfter - total));
          out.flush();
          Thread.sleep(300); // let the client take in what arrived before the reset
          cuts.incrementAndGet();
          to.setSoLinger(true, 0);
          to.close();
          from.close();
          return;
        }
        out.write(buf, 0, n);
        out.flush();
        total += n;
      }
    } catch (IOException | InterruptedException e) {
      // one side went away: the other follows below
    } finally {
      closeQuietly(from);
      closeQuietly(to);
    }
  }

  /** Copies FTP control replies line by line, pointing passive replies at data relays. */
  private void relayControlReplies(Socket server, Socket client) {
    try (InputStream in = new BufferedInputStream(server.getInputStream());
        OutputStream out = client.getOutputStream()) {
      StringBuilder line = new StringBuilder();
      for (int b; (b = in.read()) >= 0; ) {
        line.append((char) b);
        if (b == '\n') {
          String reply = rewrite(line.toString().stripTrailing()) + "\r\n";
          out.write(reply.getBytes(StandardCharsets.ISO_8859_1));
          out.flush();
          line.setLength(0);
        }
      }
    } catch (IOException e) {
      // one side went away: the other follows below
    } finally {
      closeQuietly(server);
      closeQuietly(client);
    }
  }

  /** Points a passive reply at a fresh data relay to the port the server named. */
  private String rewrite(String reply) throws IOException {
    Matcher epsv = EPSV.matcher(reply);
    if (epsv.matches()) {
      return epsv.group(1) + dataRelay(Integer.parseInt(epsv.group(2))) + epsv.group(3);
    }
    Matcher pasv = PASV.matcher(reply);
    if (pasv.matches()) {
      int port = dataRelay(Integer.parseInt(pasv.group(2)) * 256 + Integer.parseInt(pasv.group(3)));
      return pasv.group(1) + "127,0,0,1," + port / 256 + "," + port % 256 + pasv.group(4);
    }
    return reply;
  }

  private int dataRelay(int serverPort) throws IOException {
    ServerSocket data = listen();
    data.setSoTimeout(20_000);
    daemon(
        () -> {
          try (data) {
            Socket client = track(data.accept());
            Socket server = track(new Socket(LOOPBACK, serverPort));
            daemon(() -> pump(client, server, false));
            pump(server, client, true);
          } catch (IOException e) {
            // the client never came: nothing to relay
          }
        });
    return data.getLocalPort();
  }

  private ServerSocket listen() throws IOException {
    return track(new ServerSocket(0, 50, LOOPBACK));
  }

  private <T extends AutoCloseable> T track(T closeable) {
    open.add(closeable);
    return closeable;
  }

  private void daemon(Runnable body) {
    threads.execute(body);
  }

  private static void closeQuietly(AutoCloseable c) {
    Connector.closeQuietly(c);
  }

  /** Closes every socket, which ends every relaying thread. */
  @Override
  public void close() {
    open.forEach(CuttingRelay::closeQuietly);
    threads.shutdownNow();
  }
}
