package io.inetkit.testkit.fault;

import java.io.Closeable;
import java.io.IOException;

/** Closing for the fault servers, where a socket the client already dropped is normal. */
final class Sockets {
  private Sockets() {}

  /** Closes each of {@code sockets} (nulls skipped), ignoring failures. */
  static void closeQuietly(Iterable<? extends Closeable> sockets) {
    for (Closeable s : sockets) {
      closeQuietly(s);
    }
  }

  /** Closes {@code socket} (null skipped), ignoring failures. */
  static void closeQuietly(Closeable socket) {
    if (socket == null) {
      return;
    }
    try {
      socket.close();
    } catch (IOException ignored) {
      // already closed, or the client hung up
    }
  }
}
