package io.inetkit.testkit.fault;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scripted, plain-text FTP server on 127.0.0.1 and a free port that misbehaves in ways a polite
 * server never does, for proving that FTP clients stay bounded: it shows an {@linkplain
 * #endlessTree() endless folder tree}, {@linkplain #slowFile drips} a file's bytes, and {@linkplain
 * #delayReplyTo delays} the reply to a command. Any user and password log in; passive mode (EPSV
 * and PASV) only; listings are Unix {@code LIST} lines.
 *
 * <pre>{@code
 * try (FaultFtpServer server = FaultFtpServer.endlessTree().start()) {
 *   // every folder holds one more folder "d": /d, /d/d, /d/d/d, ...
 *   client.open().mirrorDown("/", target, MirrorMode.ALL);   // must stop at a limit
 *   server.deepestListing();                                 // how deep the client went
 * }
 * }</pre>
 */
public final class FaultFtpServer implements AutoCloseable {
  private final boolean endless;
  private final String slowName;
  private final byte[] slowContent;
  private final Duration dripInterval;
  private final Map<String, Duration> delays = new ConcurrentHashMap<>();
  private final AtomicInteger deepest = new AtomicInteger();
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private ServerSocket server;
  private volatile boolean closed;

  private FaultFtpServer(boolean endless, String slowName, byte[] slowContent, Duration interval) {
    this.endless = endless;
    this.slowName = slowName;
    this.slowContent = slowContent;
    this.dripInterval = interval;
  }

  /**
   * A server where every folder lists one subfolder {@code d}, for ever.
   *
   * @return a server (not started) with an endless folder tree
   */
  public static FaultFtpServer endlessTree() {
    return new FaultFtpServer(true, null, new byte[0], Duration.ZERO);
  }

  /**
   * A server whose root holds one file, {@code name} of {@code size} bytes ({@code x}), sent over
   * the data connection one byte every {@code interval}: each byte comes well within a read
   * timeout, so only an overall deadline ends the transfer early.
   *
   * @param name the file's name in the root folder
   * @param size the file's length in bytes
   * @param interval the pause before each byte
   * @return a server (not started) with that one slow file
   */
  public static FaultFtpServer slowFile(String name, int size, Duration interval) {
    byte[] content = new byte[size];
    java.util.Arrays.fill(content, (byte) 'x');
    return new FaultFtpServer(false, Objects.requireNonNull(name), content, interval);
  }

  /**
   * A polite server with an empty root, to combine with {@link #delayReplyTo}.
   *
   * @return a server (not started) with an empty root folder
   */
  public static FaultFtpServer empty() {
    return new FaultFtpServer(false, null, new byte[0], Duration.ZERO);
  }

  /**
   * Answers {@code verb} (e.g. {@code "LIST"}, {@code "PASS"}, {@code "greeting"} for the greeting)
   * only after {@code delay}. Set before {@link #start()}.
   *
   * @param verb the FTP command verb, or {@code "greeting"}
   * @param delay how long to wait before answering
   * @return this server
   */
  public FaultFtpServer delayReplyTo(String verb, Duration delay) {
    delays.put(verb.toUpperCase(Locale.ROOT), Objects.requireNonNull(delay));
    return this;
  }

  /**
   * Starts listening on 127.0.0.1 and a free port.
   *
   * @return this server, now listening
   * @throws java.io.IOException when the listener cannot be bound
   */
  public FaultFtpServer start() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::acceptLoop, "fault-ftp-" + server.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
    return this;
  }

  /** {@return {@code 127.0.0.1}} */
  public String host() {
    return server.getInetAddress().getHostAddress();
  }

  /** {@return the control port} */
  public int port() {
    return server.getLocalPort();
  }

  /**
   * Stops accepting connections (new ones are refused) while those already open carry on: a server
   * that went away after the first connection, for reconnect tests.
   */
  public void refuseNewConnections() {
    Sockets.closeQuietly(server);
  }

  /** {@return the most path segments of a folder a client listed so far} */
  public int deepestListing() {
    return deepest.get();
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        Socket s = server.accept();
        open.add(s);
        Thread t = new Thread(() -> serve(s), "fault-ftp-conn-" + s.getPort());
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket control) {
    ServerSocket passive = null;
    try (control) {
      control.setTcpNoDelay(true);
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(control.getInputStream(), StandardCharsets.UTF_8));
      OutputStream out = control.getOutputStream();
      reply(out, "GREETING", "220 fault ftp ready");
      String cwd = "/";
      String line;
      while (!closed && (line = in.readLine()) != null) {
        String[] parts = line.split(" ", 2);
        String verb = parts[0].toUpperCase(Locale.ROOT);
        String arg = parts.length > 1 ? parts[1].strip() : "";
        switch (verb) {
          case "USER" -> reply(out, verb, "331 password please");
          case "PASS" -> reply(out, verb, "230 logged in");
          case "SYST" -> reply(out, verb, "215 UNIX Type: L8");
          case "FEAT" -> reply(out, verb, "211-Features:\r\n SIZE\r\n EPSV\r\n211 End");
          case "TYPE", "OPTS", "NOOP", "MODE", "STRU" -> reply(out, verb, "200 ok");
          case "PWD" -> reply(out, verb, "257 \"" + cwd + "\"");
          case "CWD" -> {
            cwd = arg.startsWith("/") ? arg : cwd + (cwd.endsWith("/") ? "" : "/") + arg;
            reply(out, verb, "250 ok");
          }
          case "SIZE" ->
              reply(out, verb, isSlowFile(arg) ? "213 " + slowContent.length : "550 no such file");
          case "EPSV", "PASV" -> {
            if (passive != null) {
              passive.close();
            }
            passive = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            int p = passive.getLocalPort();
            reply(
                out,
                verb,
                verb.equals("EPSV")
                    ? "229 Entering Extended Passive Mode (|||" + p + "|)"
                    : "227 Entering Passive Mode (127,0,0,1," + (p >> 8) + "," + (p & 0xff) + ")");
          }
          case "LIST", "NLST", "MLSD" -> {
            String dir = arg.isEmpty() || arg.startsWith("-") ? cwd : arg;
            deepest.accumulateAndGet(depth(dir), Math::max);
            sendData(out, passive, verb, listing().getBytes(StandardCharsets.UTF_8), Duration.ZERO);
            passive = null;
          }
          case "RETR" -> {
            if (!isSlowFile(arg)) {
              reply(out, verb, "550 no such file");
            } else {
              sendData(out, passive, verb, slowContent, dripInterval);
              passive = null;
            }
          }
          case "QUIT" -> {
            reply(out, verb, "221 bye");
            return;
          }
          default -> reply(out, verb, "502 not implemented");
        }
      }
    } catch (IOException | InterruptedException e) {
      // the client hung up, or the server closes: normal for fault tests
    } finally {
      open.remove(control);
      Sockets.closeQuietly(passive);
    }
  }

  private boolean isSlowFile(String arg) {
    return slowName != null && (arg.equals(slowName) || arg.equals("/" + slowName));
  }

  private String listing() {
    if (endless) {
      return "drwxr-xr-x 1 ftp ftp 0 Jan 01 2026 d\r\n";
    }
    return slowName == null
        ? ""
        : "-rw-r--r-- 1 ftp ftp " + slowContent.length + " Jan 01 2026 " + slowName + "\r\n";
  }

  private static int depth(String dir) {
    int n = 0;
    for (String part : dir.split("/")) {
      n += part.isEmpty() || part.equals(".") ? 0 : 1;
    }
    return n;
  }

  private void sendData(
      OutputStream out, ServerSocket passive, String verb, byte[] data, Duration interval)
      throws IOException, InterruptedException {
    if (passive == null) {
      reply(out, verb, "425 use EPSV or PASV first");
      return;
    }
    try (passive;
        Socket conn = passive.accept()) {
      open.add(conn);
      reply(out, verb, "150 here it comes");
      OutputStream d = conn.getOutputStream();
      if (interval.isZero()) {
        d.write(data);
      } else {
        for (byte b : data) {
          Thread.sleep(interval.toMillis());
          d.write(b);
          d.flush();
        }
      }
      d.flush();
      open.remove(conn);
    }
    out.write("226 done\r\n".getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  private void reply(OutputStream out, String verb, String text)
      throws IOException, InterruptedException {
    Duration delay = delays.get(verb);
    if (delay != null) {
      Thread.sleep(delay.toMillis());
    }
    out.write((text + "\r\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /** Stops the server and every connection. Idempotent. */
  @Override
  public void close() {
    closed = true;
    Sockets.closeQuietly(server);
    Sockets.closeQuietly(open);
  }
}
