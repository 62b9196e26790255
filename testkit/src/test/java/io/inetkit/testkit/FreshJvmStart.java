package io.inetkit.testkit;

import java.io.IOException;

/**
 * Starts and stops all six servers in the JVM it runs in; run in a child JVM by {@link
 * FreshJvmStartTest}.
 */
public final class FreshJvmStart {
  private FreshJvmStart() {}

  /** Starts all servers, prints how many listeners were open, stops them. */
  public static void main(String[] args) throws IOException {
    try (InetkitServers servers = InetkitServers.start()) {
      System.out.println("started " + servers.listeners().size() + " listeners");
    }
  }
}
