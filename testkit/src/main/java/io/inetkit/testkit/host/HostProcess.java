package io.inetkit.testkit.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Process plumbing shared by the real-server launchers: a free loopback port, a command run to
 * completion, waiting until a started server accepts connections, stopping it, and deleting its
 * folder.
 *
 * <pre>{@code
 * int port = HostProcess.freePort();
 * Process p = new ProcessBuilder("/usr/sbin/vsftpd", conf.toString()).start();
 * HostProcess.awaitListening("vsftpd", p, port, () -> Files.readString(log));
 * HostProcess.stop(p);
 * }</pre>
 */
public final class HostProcess {
  private static final long START_TIMEOUT_MILLIS = 15_000;

  private HostProcess() {}

  /**
   * Why real servers cannot run here: not root, or {@code executable} missing; else empty.
   *
   * @param executable the server's program
   * @param debianPackage the Debian package that installs it, for the message
   * @return why the server cannot run here, or empty when it can
   */
  public static Optional<String> unavailable(Path executable, String debianPackage) {
    if (!Files.isExecutable(executable)) {
      return Optional.of(
          executable + " not installed (.ci/install-real-servers installs " + debianPackage + ")");
    }
    if (!"root".equals(System.getProperty("user.name"))) {
      return Optional.of(debianPackage + " needs root (system users, setuid logins)");
    }
    return Optional.empty();
  }

  /**
   * {@return a port on 127.0.0.1 that was free a moment ago}
   *
   * @throws java.io.IOException when no port can be bound
   */
  public static int freePort() throws IOException {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return probe.getLocalPort();
    }
  }

  /**
   * Runs {@code command} to completion (at most a minute) and returns its output.
   *
   * @param command the program and its arguments
   * @return what it wrote to standard output and standard error
   * @throws IOException when it fails; the message holds the command and its output
   */
  public static String run(List<String> command) throws IOException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!p.waitFor(1, TimeUnit.MINUTES) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new IOException(command + " failed: " + out.strip());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(command + " interrupted", e);
    }
    return out;
  }

  /**
   * Waits (at most 15 s) until 127.0.0.1:{@code port} accepts connections.
   *
   * @param name the server's name, for the message
   * @param process the server's process: when it exits, waiting stops
   * @param port the port to wait for
   * @param log the server's log so far, for the message
   * @throws IOException when {@code process} died or the port stayed closed; the message holds
   *     {@code log}
   */
  public static void awaitListening(String name, Process process, int port, Supplier<String> log)
      throws IOException {
    awaitListening(name, process, List.of(port), log);
  }

  /**
   * Waits (at most 15 s in all: Dovecot and Postfix start slower than vsftpd) until every port in
   * {@code ports} accepts connections on 127.0.0.1.
   *
   * @param ports the ports to wait for
   * @param name the server's name, for the message
   * @param process the server's process: when it exits, waiting stops
   * @param log the server's log so far, for the message
   * @throws IOException when {@code process} died or a port stayed closed; the message holds {@code
   *     log}
   */
  public static void awaitListening(
      String name, Process process, List<Integer> ports, Supplier<String> log) throws IOException {
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

  /**
   * Waits at most 10 s for {@code process} to exit after it was asked to (a stop command or a
   * signal), then kills it.
   *
   * @param process the process to wait for
   */
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

  /**
   * Stops {@code process} (TERM, then KILL after 5 s) and waits for it.
   *
   * @param process the process to stop
   */
  public static void stop(Process process) {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Deletes {@code dir} and everything in it; a missing folder is fine.
   *
   * @param dir the folder to delete
   */
  public static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads {@code files} (those that exist) for a failure message.
   *
   * @param files the log files to read
   * @return their text, each headed by its name
   */
  public static String logs(List<Path> files) {
    StringBuilder sb = new StringBuilder();
    for (Path file : files) {
      try {
        if (Files.exists(file)) {
          sb.append("--- ")
              .append(file.getFileName())
              .append(" ---\n")
              .append(Files.readString(file));
        }
      } catch (IOException e) {
        sb.append("(cannot read ").append(file).append(": ").append(e.getMessage()).append(")\n");
      }
    }
    return sb.toString();
  }
}
