package io.inetkit.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TCP relay on 127.0.0.1 that delays every byte by a fixed time in each direction, keeping byte
 * order: per direction, a reader stamps each chunk with {@code now + delay} and a writer sends the
 * chunks in order once their time has come. Bandwidth is not limited; only round trips get slower.
 *
 * <p>In {@link Mode#FTP} mode the proxy also rewrites the server's {@code 227} (PASV) and {@code
 * 229} (EPSV) replies on a plain control connection so that data connections go through a delayed
 * relay too, as they would to a distant server.
 */
public final class LatencyProxy implements Closeable {

  /** What the proxy understands of the traffic. */
  public enum Mode {
    /** Bytes only. */
    PLAIN,
    /** Plain-text FTP control connection: passive data connections are relayed too. */
    FTP
  }

  private static final int CHUNK = 64 * 1024;
  private static final int MAX_QUEUED_BYTES = 32 * 1024 * 1024;
  private static final Pattern PASV = Pattern.compile("(\\d+),(\\d+),(\\d+),(\\d+),(\\d+),(\\d+)");
  private static final Pattern EPSV = Pattern.compile("\\(\\|\\|\\|(\\d+)\\|\\)");
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final ServerSocket listener;
  private final int targetPort;
  private final long delayNanos;
  private final Mode mode;
  private final boolean oneShot;
  private final Set<Closeable> open = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  private LatencyProxy(int targetPort, Duration delay, Mode mode, boolean oneShot)
      throws IOException {
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.targetPort = targetPort;
    this.delayNanos = delay.toNanos();
    this.mode = mode;
    this.oneShot = oneShot;
    daemon("latency-proxy-accept", this::acceptLoop);
  }

  /** Starts a proxy on an ephemeral 127.0.0.1 port relaying to 127.0.0.1:{@code targetPort}. */
  public static LatencyProxy start(int targetPort, Duration oneWayDelay, Mode mode)
      throws IOException {
    return new LatencyProxy(targetPort, oneWayDelay, mode, false);
  }

  /** The port clients connect to. */
  public int port() {
    return listener.getLocalPort();
  }

  @Override
  public void close() {
    closed = true;
    closeQuietly(listener);
    for (Closeable c : open) {
      closeQuietly(c);
    }
    open.clear();
  }

  @Override
  public String toString() {
    return "LatencyProxy[" + port() + " -> " + targetPort + ", " + mode + "]";
  }

  private void acceptLoop() {
    try {
      if (oneShot) {
        listener.setSoTimeout(60_000);
      }
      do {
        Socket client = listener.accept();
        Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        client.setTcpNoDelay(true);
        upstream.setTcpNoDelay(true);
        open.add(client);
        open.add(upstream);
        Connection connection = new Connection(client, upstream);
        connection.start(client, upstream, false);
        connection.start(upstream, client, mode == Mode.FTP);
      } while (!oneShot && !closed);
    } catch (IOException e) {
      // Closed, or a one-shot data listener nobody connected to.
    } finally {
      if (oneShot) {
        closeQuietly(listener);
      }
    }
  }

  /** Two sockets relayed both ways; closed when both directions have ended. */
  private final class Connection {
    private final Socket a;
    private final Socket b;
    private final AtomicInteger directions = new AtomicInteger(2);

    Connection(Socket a, Socket b) {
      this.a = a;
      this.b = b;
    }

    void start(Socket from, Socket to, boolean rewriteFtp) throws IOException {
      BlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();
      Semaphore budget = new Semaphore(MAX_QUEUED_BYTES);
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      daemon("latency-proxy-read", () -> read(in, queue, budget, rewriteFtp));
      daemon("latency-proxy-write", () -> write(out, to, queue, budget));
    }

    private void read(
        InputStream in, BlockingQueue<Chunk> queue, Semaphore budget, boolean rewriteFtp) {
      try {
        while (true) {
          byte[] chunk = rewriteFtp ? readFtpReplyLine(in) : readChunk(in);
          if (chunk == null) {
            break;
          }
          budget.acquire(chunk.length);
          queue.put(new Chunk(System.nanoTime() + delayNanos, chunk));
        }
      } catch (IOException e) {
        // Socket closed: end of this direction.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      try {
        queue.put(new Chunk(System.nanoTime() + delayNanos, new byte[0]));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    private void write(OutputStream out, Socket to, BlockingQueue<Chunk> queue, Semaphore budget) {
      try {
        while (true) {
          Chunk next = queue.take();
          byte[] chunk = next.bytes();
          long wait;
          while ((wait = next.dueNanos() - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
          }
          if (chunk.length == 0) {
            to.shutdownOutput();
            break;
          }
          out.write(chunk);
          budget.release(chunk.length);
        }
      } catch (IOException e) {
        closeQuietly(a);
        closeQuietly(b);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        if (directions.decrementAndGet() == 0) {
          closeQuietly(a);
          closeQuietly(b);
          open.remove(a);
          open.remove(b);
        }
      }
    }
  }

  /** Bytes to send once {@code System.nanoTime()} reaches {@code dueNanos}; empty means EOF. */
  private record Chunk(long dueNanos, byte[] bytes) {}

  private static byte[] readChunk(InputStream in) throws IOException {
    byte[] buffer = new byte[CHUNK];
    int n = in.read(buffer);
    return n < 0 ? null : Arrays.copyOf(buffer, n);
  }

  /** Reads one reply line and, for 227/229, points the data connection at a delayed relay. */
  private byte[] readFtpReplyLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(128);
    int c;
    while ((c = in.read()) >= 0) {
      line.write(c);
      if (c == '\n') {
        break;
      }
    }
    if (line.size() == 0) {
      return null;
    }
    String text = line.toString(StandardCharsets.ISO_8859_1);
    if (text.startsWith("227 ")) {
      Matcher m = PASV.matcher(text);
      if (m.find()) {
        int dataPort = Integer.parseInt(m.group(5)) * 256 + Integer.parseInt(m.group(6));
        int relay = dataRelay(dataPort);
        text =
            text.substring(0, m.start())
                + "127,0,0,1,"
                + (relay / 256)
                + ","
                + (relay % 256)
                + text.substring(m.end());
      }
    } else if (text.startsWith("229 ")) {
      Matcher m = EPSV.matcher(text);
      if (m.find()) {
        int relay = dataRelay(Integer.parseInt(m.group(1)));
        text = text.substring(0, m.start()) + "(|||" + relay + "|)" + text.substring(m.end());
      }
    }
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  private int dataRelay(int dataPort) throws IOException {
    LatencyProxy relay = new LatencyProxy(dataPort, Duration.ofNanos(delayNanos), Mode.PLAIN, true);
    open.add(relay);
    return relay.port();
  }

  private static void daemon(String name, Runnable body) {
    Thread t = new Thread(body, name + "-" + THREADS.incrementAndGet());
    t.setDaemon(true);
    t.start();
  }

  private static void closeQuietly(Closeable c) {
    try {
      c.close();
    } catch (IOException e) {
      // Closing anyway.
    }
  }
}
