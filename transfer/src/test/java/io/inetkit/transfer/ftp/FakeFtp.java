package io.inetkit.transfer.ftp;

import io.inetkit.testkit.fault.FaultScript;
import io.inetkit.testkit.fault.FaultServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A hostile FTP server for tests, on testkit's {@link FaultServer}: answers the usual commands,
 * announces passive data at a foreign address (10.0.0.1) while listening on loopback, and can drop
 * the first download part-way, serve a given listing, or stall or flood the data connection.
 */
final class FakeFtp implements AutoCloseable {
  /** What the data connection does. */
  enum Data {
    NORMAL, DROP_FIRST, STALL, ENDLESS
  }

  final byte[] file;
  final byte[] listing;
  final Data data;
  final int dropAfter;
  final List<String> commands = new CopyOnWriteArrayList<>();
  final AtomicInteger dataConnections = new AtomicInteger();
  final List<String> dataPeers = new CopyOnWriteArrayList<>();
  private final AtomicInteger retrs = new AtomicInteger();
  private final FaultServer server;
  private final List<ServerSocket> sockets = new CopyOnWriteArrayList<>();
  private volatile ServerSocket passive;
  private volatile long rest;

  FakeFtp(byte[] file, byte[] listing, Data data, int dropAfter) throws IOException {
    this.file = file;
    this.listing = listing;
    this.data = data;
    this.dropAfter = dropAfter;
    this.server = FaultServer.start(FaultScript.create().send("220 fake ftp\r\n").respond(this::answer));
  }

  io.inetkit.core.Endpoint endpoint() {
    return io.inetkit.core.Endpoint.of("127.0.0.1", server.port());
  }

  FtpClient.Builder client() {
    return FtpClient.builder().endpoint(endpoint()).tlsMode(io.inetkit.core.TlsMode.NONE)
        .timeouts(io.inetkit.core.Timeouts.DEFAULT.withConnect(java.time.Duration.ofSeconds(2))
            .withRead(java.time.Duration.ofSeconds(2)));
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
        case "FEAT" -> "211-Features:\r\n SIZE\r\n REST STREAM\r\n211 End\r\n";
        case "SYST" -> "215 UNIX Type: L8\r\n";
        case "SIZE" -> "213 " + file.length + "\r\n";
        case "REST" -> {
          rest = Long.parseLong(arg);
          yield "350 restarting at " + rest + "\r\n";
        }
        case "PASV" -> pasv();
        case "RETR" -> {
          long from = rest;
          rest = 0;
          boolean drop = data == Data.DROP_FIRST && retrs.getAndIncrement() == 0;
          serve(Arrays.copyOfRange(file, (int) from, drop ? (int) from + dropAfter : file.length), drop);
          yield drop ? "150 sending\r\n426 connection lost\r\n" : "150 sending\r\n226 done\r\n";
        }
        case "LIST" -> {
          serve(listing, false);
          yield "150 listing\r\n226 done\r\n";
        }
        case "QUIT" -> "221 bye\r\n";
        default -> "502 not implemented\r\n";
      };
    } catch (IOException e) {
      return "425 " + e.getMessage() + "\r\n";
    }
  }

  /** Listens on loopback but announces 10.0.0.1: a client must ignore that address. */
  private String pasv() throws IOException {
    ServerSocket s = new ServerSocket();
    s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    s.setSoTimeout(10_000);
    sockets.add(s);
    passive = s;
    int p = s.getLocalPort();
    return "227 Entering Passive Mode (10,0,0,1," + (p >> 8) + "," + (p & 0xff) + ")\r\n";
  }

  private void serve(byte[] bytes, boolean drop) {
    ServerSocket s = passive;
    Thread t = new Thread(() -> {
      try (Socket c = s.accept()) {
        dataConnections.incrementAndGet();
        dataPeers.add(c.getInetAddress().getHostAddress());
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
    }, "fake-ftp-data");
    t.setDaemon(true);
    t.start();
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
