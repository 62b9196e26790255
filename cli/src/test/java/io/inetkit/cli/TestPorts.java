package io.inetkit.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Loopback ports for tests. */
public final class TestPorts {
  private TestPorts() {}

  /** Returns a loopback port that was just free and now refuses connections. */
  public static int closed() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
