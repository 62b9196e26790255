package io.inetkit.benchmarks.host;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Map;

/**
 * The physical limit: a loopback server that moves file bytes with no protocol at all. One request
 * line per connection: {@code GET name} sends the file (FileChannel.transferTo) and closes; {@code
 * PUT name} stores everything up to EOF and answers {@code OK <bytes>}; {@code GEN n} sends {@code
 * n} bytes from memory.
 *
 * <pre>{@code
 * printf 'GET big.bin\n' | nc 127.0.0.1 $RAW_PORT > copy.bin
 * }</pre>
 */
public final class RawServer implements HostedService {

  /** Copy buffer for PUT and GEN. */
  public static final int BUFFER = 256 * 1024;

  private ServerSocket listener;
  private Path data;

  @Override
  public Map<String, String> start(Path data, Map<String, String> params) throws IOException {
    this.data = data;
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread t = new Thread(this::acceptLoop, "raw-accept");
    t.setDaemon(true);
    t.start();
    return Map.of("raw.port", Integer.toString(listener.getLocalPort()));
  }

  @Override
  public void close() throws IOException {
    if (listener != null) {
      listener.close();
    }
  }

  private void acceptLoop() {
    try {
      while (true) {
        Socket s = listener.accept();
        Thread t = new Thread(() -> serve(s), "raw-conn");
        t.setDaemon(true);
        t.start();
      }
    } catch (IOException e) {
      // Closed.
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      InputStream in = new BufferedInputStream(socket.getInputStream(), BUFFER);
      String request = readLine(in);
      String arg = request.substring(request.indexOf(' ') + 1);
      OutputStream out = socket.getOutputStream();
      if (request.startsWith("GET ")) {
        try (FileChannel file = FileChannel.open(resolve(arg))) {
          WritableByteChannel sink = Channels.newChannel(out);
          long pos = 0;
          long size = file.size();
          while (pos < size) {
            pos += file.transferTo(pos, size - pos, sink);
          }
        }
      } else if (request.startsWith("PUT ")) {
        long total = 0;
        try (FileChannel file =
            FileChannel.open(
                resolve(arg),
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
          byte[] buffer = new byte[BUFFER];
          int n;
          while ((n = in.read(buffer)) >= 0) {
            file.write(ByteBuffer.wrap(buffer, 0, n));
            total += n;
          }
        }
        out.write(("OK " + total + "\n").getBytes(StandardCharsets.US_ASCII));
      } else if (request.startsWith("GEN ")) {
        long left = Long.parseLong(arg);
        byte[] buffer = new byte[BUFFER];
        Arrays.fill(buffer, (byte) 'x');
        while (left > 0) {
          int n = (int) Math.min(buffer.length, left);
          out.write(buffer, 0, n);
          left -= n;
        }
      }
      out.flush();
    } catch (IOException | RuntimeException e) {
      System.err.println("raw server: " + e);
    }
  }

  private Path resolve(String name) throws IOException {
    Path p = data.resolve(name).normalize();
    if (!p.startsWith(data)) {
      throw new IOException("outside the data directory: " + name);
    }
    return p;
  }

  private static String readLine(InputStream in) throws IOException {
    StringBuilder sb = new StringBuilder();
    int c;
    while ((c = in.read()) >= 0 && c != '\n') {
      sb.append((char) c);
    }
    return sb.toString().strip();
  }
}
