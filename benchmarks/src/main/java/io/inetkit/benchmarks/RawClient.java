package io.inetkit.benchmarks;

import io.inetkit.benchmarks.host.RawServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * The physical-limit contender: moves a file to or from {@link RawServer} over loopback with no
 * protocol, through a 256 KiB direct buffer (GET) or {@code FileChannel.transferTo} (PUT).
 */
public final class RawClient {

  /** What raw timings cover. */
  public static final String TIMING =
      "in-process wall time from connect to the last byte (no protocol at all)";

  private RawClient() {}

  /** Downloads {@code name} into {@code target}; returns the sample. */
  public static Sample get(int port, String name, Path target) throws IOException {
    long start = System.nanoTime();
    long total = 0;
    try (SocketChannel socket = open(port);
        FileChannel file =
            FileChannel.open(
                target,
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
      socket.write(ByteBuffer.wrap(("GET " + name + "\n").getBytes(StandardCharsets.US_ASCII)));
      ByteBuffer buffer = ByteBuffer.allocateDirect(RawServer.BUFFER);
      while (socket.read(buffer) >= 0) {
        buffer.flip();
        while (buffer.hasRemaining()) {
          total += file.write(buffer);
        }
        buffer.clear();
      }
    }
    return new Sample(Duration.ofNanos(System.nanoTime() - start), total, Memory.UNKNOWN);
  }

  /** Reads {@code size} bytes the server generates in memory, discarding them. */
  public static Sample generate(int port, long size) throws IOException {
    long start = System.nanoTime();
    long total = 0;
    try (SocketChannel socket = open(port)) {
      socket.write(ByteBuffer.wrap(("GEN " + size + "\n").getBytes(StandardCharsets.US_ASCII)));
      ByteBuffer buffer = ByteBuffer.allocateDirect(RawServer.BUFFER);
      int n;
      while ((n = socket.read(buffer)) >= 0) {
        total += n;
        buffer.clear();
      }
    }
    if (total != size) {
      throw new IOException("raw server sent " + total + " bytes, expected " + size);
    }
    return new Sample(Duration.ofNanos(System.nanoTime() - start), total, Memory.UNKNOWN);
  }

  /** Uploads {@code source} as {@code name}; returns the sample once the server has stored it. */
  public static Sample put(int port, Path source, String name) throws IOException {
    long start = System.nanoTime();
    long total;
    try (SocketChannel socket = open(port);
        FileChannel file = FileChannel.open(source)) {
      socket.write(ByteBuffer.wrap(("PUT " + name + "\n").getBytes(StandardCharsets.US_ASCII)));
      long size = file.size();
      long pos = 0;
      while (pos < size) {
        pos += file.transferTo(pos, size - pos, socket);
      }
      socket.shutdownOutput();
      ByteBuffer reply = ByteBuffer.allocate(64);
      while (socket.read(reply) >= 0) {
        // Read "OK <bytes>" until the server closes.
      }
      String text =
          new String(reply.array(), 0, reply.position(), StandardCharsets.US_ASCII).strip();
      if (!text.equals("OK " + size)) {
        throw new IOException("raw server stored " + text + ", sent " + size);
      }
      total = size;
    }
    return new Sample(Duration.ofNanos(System.nanoTime() - start), total, Memory.UNKNOWN);
  }

  private static SocketChannel open(int port) throws IOException {
    return SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
  }
}
