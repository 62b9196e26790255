package io.inetkit.testkit.host;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Serves an inetd-style server (one process per connection, talking on standard input and output,
 * such as {@code telnetd} and {@code gophernicus}) on a free 127.0.0.1 port, the way inetd would:
 * {@code socat TCP-LISTEN:PORT,bind=127.0.0.1,reuseaddr,fork EXEC:"COMMAND"}. {@link #close()}
 * stops socat and deletes its folder (its log and whatever the caller put there).
 *
 * <pre>{@code
 * int port = HostProcess.freePort();
 * try (InetdListener gopher = InetdListener.start("gophernicus", Files.createTempDirectory("g"),
 *     port, List.of("/usr/sbin/gophernicus", "-p", "" + port), Optional.of("nobody"))) {
 *   // connect to 127.0.0.1:gopher.port()
 * }
 * }</pre>
 */
public final class InetdListener implements AutoCloseable {
  /** Where Debian installs socat. */
  public static final Path SOCAT = Path.of("/usr/bin/socat");

  private final Path dir;
  private final Process process;
  private final int port;

  private InetdListener(Path dir, Process process, int port) {
    this.dir = dir;
    this.process = process;
    this.port = port;
  }

  /**
   * Why socat cannot serve here (missing, not root), or empty.
   *
   * @return why socat cannot serve here, or empty when it can
   */
  public static Optional<String> unavailable() {
    return HostProcess.unavailable(SOCAT, "socat");
  }

  /**
   * Starts listening; each connection runs {@code command} (a program and its arguments, no shell;
   * arguments must not hold {@code "} or {@code ,}) as {@code runAs} when given, else as root.
   * socat's messages and the command's standard error go to a log in {@code dir}, which {@link
   * #close()} deletes.
   *
   * @param name the service's name, for messages
   * @param dir the folder for the log
   * @param command the program and its arguments to run per connection
   * @param runAs the user to run it as, or empty for root
   * @return the running listener; close it to stop
   * @param portToUse the port to listen on; the command may need to know it in advance
   * @throws IOException when socat does not come up (the message holds its log)
   */
  public static InetdListener start(
      String name, Path dir, int portToUse, List<String> command, Optional<String> runAs)
      throws IOException {
    for (String arg : command) {
      if (arg.contains("\"") || arg.contains(",") || arg.contains(" ")) {
        throw new IllegalArgumentException("socat EXEC cannot quote this argument: " + arg);
      }
    }
    StringBuilder exec = new StringBuilder("EXEC:\"").append(String.join(" ", command)).append('"');
    runAs.ifPresent(user -> exec.append(",su=").append(user));
    exec.append(",stderr");
    List<String> socat =
        new ArrayList<>(
            List.of(
                SOCAT.toString(),
                "-d",
                "TCP-LISTEN:" + portToUse + ",bind=127.0.0.1,reuseaddr,fork",
                exec.toString()));
    Path log = dir.resolve("socat.log");
    Process p =
        new ProcessBuilder(socat).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    InetdListener listener = new InetdListener(dir, p, portToUse);
    try {
      HostProcess.awaitListening(name + " (socat)", p, portToUse, listener::logText);
      return listener;
    } catch (IOException | RuntimeException e) {
      listener.close();
      throw e;
    }
  }

  /**
   * The port on 127.0.0.1.
   *
   * @return the port on 127.0.0.1
   */
  public int port() {
    return port;
  }

  /**
   * What socat and the served program wrote to standard error so far.
   *
   * @return the log text so far
   */
  public String logText() {
    return HostProcess.logs(List.of(dir.resolve("socat.log")));
  }

  /** Stops listening and deletes the folder. Idempotent. */
  @Override
  public void close() {
    HostProcess.stop(process);
    HostProcess.deleteTree(dir);
  }
}
