package io.inetkit.transfer.ftp;

import io.inetkit.testkit.fault.FaultScript;
import io.inetkit.testkit.fault.FaultServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A hostile FTP server for tests, on testkit's {@link FaultServer}: answers the usual commands,
 * announces passive data at a foreign address (10.0.0.1) while listening on loopback, and can drop
 * the first download and the first upload part-way, serve a given listing, or stall or flood the
 * data connection. Speaks PORT and, when bound to {@code ::1}, EPSV/EPRT for IPv6 clients (on IPv4
 * it refuses EPSV, so clients fall back to the PASV reply with the foreign address). The SYST,
 * FEAT, SIZE and CWD replies and the reply that ends a RETR can be replaced to play other (or
 * lying) servers.
 */
final class FakeFtp implements AutoCloseable {
  /** What the data connection does. */
  enum Data {
    NORMAL,
    DROP_FIRST,
    STALL,
    ENDLESS
  }

  final byte[] file;
  final byte[] listing;
  final Data data;
  final int dropAfter;
  final List<String> commands = new CopyOnWriteArrayList<>();
  final AtomicInteger dataConnections = new AtomicInteger();
  final List<String> dataPeers = new CopyOnWriteArrayList<>();

  /** The SYST reply. */
  volatile String syst = "215 UNIX Type: L8\r\n";

  /** The FEAT reply. */
  volatile String feat = "211-Features:\r\n SIZE\r\n REST STREAM\r\n211 End\r\n";

  /** The SIZE reply, or null to tell the truth. */
  volatile String sizeReply;

  /** The reply to CWD (the default: a server without it). */
  volatile String cwdReply = "502 not implemented\r\n";

  /** The reply after a RETR's data went out (unless the transfer is dropped). */
  volatile String retrEnd = "226 done\r\n";

  private final Map<String, byte[]> stored = new ConcurrentHashMap<>();
  private final AtomicInteger retrs = new AtomicInteger();
  private final AtomicInteger stors = new AtomicInteger();
  private final InetAddress bind;
  private final FaultServer server;
  private final List<ServerSocket> sockets = new CopyOnWriteArrayList<>();
  private volatile DataOpener next;
  private volatile Thread transfer;
  private volatile long rest;

  /** How the server gets its end of the next data connection. */
  @FunctionalInterface
  private interface DataOpener {
    Socket open() throws IOException;
  }

  FakeFtp(byte[] file, byte[] listing, Data data, int dropAfter) throws IOException {
    this(file, listing, data, dropAfter, InetAddress.getLoopbackAddress());
  }

  /** A fake listening on {@code bind}, a loopback address such as {@code ::1}. */
  FakeFtp(byte[] file, byte[] listing, Data data, int dropAfter, InetAddress bind)
      throws IOException {
    this.file = file;
    this.listing = listing;
    this.data = data;
    this.dropAfter = dropAfter;
    this.bind = bind;
    this.server =
        FaultServer.start(
            FaultScript.create().send("220 fake ftp\r\n").respond(this::answer), bind);
  }

  io.inetkit.core.Endpoint endpoint() {
    return io.inetkit.core.Endpoint.of(server.host(), server.port());
  }

  FtpClient.Builder client() {
    return FtpClient.builder()
        .endpoint(endpoint())
        .tlsMode(io.inetkit.core.TlsMode.NONE)
        .timeouts(
            io.inetkit.core.Timeouts.DEFAULT
                .withConnect(java.time.Duration.ofSeconds(2))
                .withRead(java.time.Duration.ofSeconds(2)));
  }

  /** Returns what was uploaded to {@code name}, once its transfer has ended. */
  byte[] stored(String name) {
    awaitTransfer();
    return stored.get(name);
  }

  private String answer(String line) {
    commands.add(line);
    String[] parts = line.split(" ", 2);
    String verb = parts[0].toUpperCase(Locale.ROOT);
    String arg = parts.length > 1 ? parts[1] : "";
    try {
      return switch (verb) {
        case "USER" -> "331 password please\r\n";
        case "PASS" -> "230 logged in\r\n";
        case "TYPE", "NOOP" -> "200 ok\r\n";
        case "FEAT" -> feat;
        case "SYST" -> syst;
        case "SIZE" -> {
          awaitTransfer();
          byte[] up = stored.get(arg);
          yield sizeReply != null
              ? sizeReply
              : "213 " + (up != null ? up.length : file.length) + "\r\n";
        }
        case "REST" -> {
          rest = Long.parseLong(arg);
          yield "350 restarting at " + rest + "\r\n";
        }
        case "PASV" -> pasv();
        case "EPSV" ->
            bind instanceof java.net.Inet6Address // an IPv4 fake is an old server: PASV only
                ? "229 Entering Extended Passive Mode (|||" + listen().getLocalPort() + "|)\r\n"
                : "502 not implemented\r\n";
        case "PORT" -> {
          String[] n = arg.split(",");
          connectTo(
              String.join(".", Arrays.copyOf(n, 4)),
              Integer.parseInt(n[4]) * 256 + Integer.parseInt(n[5]));
          yield "200 PORT ok\r\n";
        }
        case "EPRT" -> {
          String[] f = arg.substring(1).split(java.util.regex.Pattern.quote(arg.substring(0, 1)));
          connectTo(f[1], Integer.parseInt(f[2]));
          yield "200 EPRT ok\r\n";
        }
        case "RETR" -> {
          awaitTransfer();
          long from = rest;
          rest = 0;
          boolean drop = data == Data.DROP_FIRST && retrs.getAndIncrement() == 0;
          serve(
              Arrays.copyOfRange(file, (int) from, drop ? (int) from + dropAfter : file.length),
              drop);
          yield drop ? "150 sending\r\n426 connection lost\r\n" : "150 sending\r\n" + retrEnd;
        }
        case "STOR", "APPE" -> {
          awaitTransfer();
          byte[] before = stored.getOrDefault(arg, new byte[0]);
          int from = verb.equals("APPE") ? before.length : (int) Math.min(rest, before.length);
          rest = 0;
          boolean drop = data == Data.DROP_FIRST && stors.getAndIncrement() == 0;
          receive(arg, Arrays.copyOf(before, from), drop);
          yield drop
              ? "150 receiving\r\n426 connection lost\r\n"
              : "150 receiving\r\n226 stored\r\n";
        }
        case "LIST" -> {
          serve(listing, false);
          yield "150 listing\r\n226 done\r\n";
        }
        case "CWD" -> cwdReply;
        case "PWD" -> "257 \"/\" is the current folder\r\n";
        case "QUIT" -> "221 bye\r\n";
        default -> "502 not implemented\r\n";
      };
    } catch (IOException e) {
      return "425 " + e.getMessage() + "\r\n";
    }
  }

  /** Listens on loopback but announces 10.0.0.1: a client must ignore that address. */
  private String pasv() throws IOException {
    int p = listen().getLocalPort();
    return "227 Entering Passive Mode (10,0,0,1," + (p >> 8) + "," + (p & 0xff) + ")\r\n";
  }

  private ServerSocket listen() throws IOException {
    ServerSocket s = new ServerSocket();
    s.bind(new InetSocketAddress(bind, 0));
    s.setSoTimeout(10_000);
    sockets.add(s);
    next = s::accept;
    return s;
  }

  /** Active mode: the server connects to the client, which must be on loopback. */
  private void connectTo(String host, int port) throws IOException {
    InetAddress address = InetAddress.getByName(host);
    if (!address.isLoopbackAddress()) {
      throw new IOException("refusing to connect to " + host);
    }
    next =
        () -> {
          Socket s = new Socket();
          s.connect(new InetSocketAddress(address, port), 10_000);
          return s;
        };
  }

  private Socket accepted() throws IOException {
    Socket c = next.open();
    dataConnections.incrementAndGet();
    dataPeers.add(c.getInetAddress().getHostAddress());
    return c;
  }

  private void serve(byte[] bytes, boolean drop) {
    start(
        () -> {
          try (Socket c = accepted()) {
            OutputStream out = c.getOutputStream();
            switch (data) {
              case STALL -> Thread.sleep(30_000);
              case ENDLESS -> {
                byte[] x = new byte[8192];
                Arrays.fill(x, (byte) 'x');
                while (true) {
                  out.write(x);
                }
              }
              default -> {
                out.write(bytes);
                out.flush();
                if (drop) {
                  c.setSoLinger(true, 0); // RST, like a crash
                }
              }
            }
          } catch (IOException | InterruptedException e) {
            // the client hung up
          }
        });
  }

  /**
   * Stores {@code kept} plus what arrives under {@code name}; a drop keeps {@link #dropAfter}
   * bytes.
   */
  private void receive(String name, byte[] kept, boolean drop) {
    start(
        () -> {
          try (Socket c = accepted()) {
            InputStream in = c.getInputStream();
            byte[] got = in.readNBytes(drop ? dropAfter : Integer.MAX_VALUE - 16);
            byte[] all = Arrays.copyOf(kept, kept.length + got.length);
            System.arraycopy(got, 0, all, kept.length, got.length);
            stored.put(name, all);
            if (drop) {
              c.setSoLinger(true, 0); // RST, like a crash
            }
          } catch (IOException e) {
            // the client hung up
          }
        });
  }

  private void start(Runnable work) {
    Thread t = new Thread(work, "fake-ftp-data");
    t.setDaemon(true);
    transfer = t;
    t.start();
  }

  /** Waits for the last data transfer to end, so SIZE and the next transfer see its result. */
  private void awaitTransfer() {
    Thread t = transfer;
    if (t != null && data != Data.STALL && data != Data.ENDLESS) {
      try {
        t.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  String received() {
    return server.received();
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (ServerSocket s : sockets) {
      s.close();
    }
  }
}
