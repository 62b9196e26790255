package io.inetkit.it.realserver;

import io.inetkit.testkit.host.HostProcess;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * What the real-server launchers share: running a system command (useradd, postfix, chown), picking
 * a free 127.0.0.1 port, waiting until a started server listens, stopping a process and deleting a
 * folder tree. Running, free ports, deleting and logs are testkit's {@link HostProcess} (shared
 * with its vsftpd, telnetd and gophernicus launchers); waiting for several ports (Dovecot and
 * Postfix start slower, up to 15 s) and a gentle exit are this suite's own.
 */
public final class Commands {
  private static final long START_TIMEOUT_MILLIS = 15_000;

  private Commands() {}

  /**
   * Runs {@code command}, waits at most a minute and returns what it printed (standard output and
   * error together).
   *
   * @throws IOException when it cannot start, fails (the message holds its output) or hangs
   */
  public static String run(List<String> command) throws IOException {
    return HostProcess.run(command);
  }

  /** Returns a port that was free on 127.0.0.1 a moment ago. */
  public static int freePort() throws IOException {
    return HostProcess.freePort();
  }

  /**
   * Waits until every port in {@code ports} accepts connections on 127.0.0.1.
   *
   * @param name the server's name, for the message
   * @param process the server's process: when it exits, waiting stops
   * @param log the server's log so far, for the message
   * @throws IOException when the process exits or 15 s pass first; the message holds the log
   */
  public static void awaitListening(
      String name, Process process, Supplier<String> log, List<Integer> ports) throws IOException {
    long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
    for (int port : ports) {
      while (!accepts(port)) {
        if (!process.isAlive() || System.currentTimeMillis() > deadline) {
          throw new IOException(
              name + " did not start listening on 127.0.0.1:" + port + ": " + log.get());
        }
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted while waiting for " + name, e);
        }
      }
    }
  }

  private static boolean accepts(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1_000);
      return true;
    } catch (IOException notYet) {
      return false;
    }
  }

  /** Waits at most 10 s for {@code process} to exit after it was asked to, then kills it. */
  public static void awaitExit(Process process) {
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  /** Deletes {@code dir} and everything under it, if it exists. */
  public static void deleteTree(Path dir) {
    HostProcess.deleteTree(dir);
  }

  /** Returns the text of {@code files} that exist, each under a {@code --- name ---} line. */
  public static String logs(List<Path> files) {
    return HostProcess.logs(files);
  }
}
