package io.inetkit.testkit.host;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One started real server: its folder (configuration, logs, state), its process, and the 127.0.0.1
 * port of each of its listeners ({@code L}, an enum). {@link #close()} stops it (with the server's
 * own stop command when it has one, else SIGTERM), waits for it and deletes the folder.
 *
 * <pre>{@code
 * Map<Listener, Integer> ports = ServerProcess.freePorts(Listener.class);
 * // write a configuration naming those ports into dir, then:
 * ServerProcess<Listener> server = ServerProcess.start("dovecot", dir,
 *     List.of("/usr/sbin/dovecot", "-F", "-c", conf), List.of(), ports, List.of(dir.resolve("dovecot.log")));
 * }</pre>
 *
 * @param <L> the server's listeners
 */
public final class ServerProcess<L extends Enum<L>> implements AutoCloseable {
  private final String name;
  private final Path dir;
  private final Process process;
  private final List<String> stopCommand;
  private final Map<L, Integer> ports;
  private final List<Path> logs;

  private ServerProcess(
      String name,
      Path dir,
      Process process,
      List<String> stopCommand,
      Map<L, Integer> ports,
      List<Path> logs) {
    this.name = name;
    this.dir = dir;
    this.process = process;
    this.stopCommand = stopCommand;
    this.ports = ports;
    this.logs = logs;
  }

  /**
   * Returns a free 127.0.0.1 port for every listener of {@code type}.
   *
   * @param <L> the listener enum
   * @param type the listener enum's class
   * @return a port per listener
   * @throws java.io.IOException when no port can be bound
   */
  public static <L extends Enum<L>> Map<L, Integer> freePorts(Class<L> type) throws IOException {
    Map<L, Integer> ports = new EnumMap<>(type);
    for (L listener : type.getEnumConstants()) {
      ports.put(listener, HostProcess.freePort());
    }
    return ports;
  }

  /**
   * Runs {@code command} in the foreground (its output goes to {@code dir/stdout.log}) and waits
   * until every port in {@code ports} accepts connections.
   *
   * @param <L> the listener enum
   * @param name the server's name, for messages
   * @param dir the server's folder, for {@code stdout.log}
   * @param command the program and its arguments
   * @param ports the port of every listener
   * @return the running server; close it to stop
   * @param stopCommand what stops the server (empty: SIGTERM to the process)
   * @param logs the server's log files, shown with {@code stdout.log} in failure messages
   * @throws IOException when it does not come up (it is then stopped and {@code dir} deleted); the
   *     message holds its logs
   */
  public static <L extends Enum<L>> ServerProcess<L> start(
      String name,
      Path dir,
      List<String> command,
      List<String> stopCommand,
      Map<L, Integer> ports,
      List<Path> logs)
      throws IOException {
    Path out = dir.resolve("stdout.log");
    Process p =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    ServerProcess<L> server =
        new ServerProcess<>(
            name,
            dir,
            p,
            List.copyOf(stopCommand),
            Map.copyOf(ports),
            java.util.stream.Stream.concat(java.util.stream.Stream.of(out), logs.stream())
                .toList());
    try {
      HostProcess.awaitListening(name, p, List.copyOf(ports.values()), server::logText);
      return server;
    } catch (IOException | RuntimeException e) {
      server.close();
      throw e;
    }
  }

  /**
   * Returns the 127.0.0.1 port of {@code listener}.
   *
   * @param listener the listener
   * @return its port
   */
  public int port(L listener) {
    return ports.get(listener);
  }

  /**
   * What the server logged so far (for failure messages).
   *
   * @return the log text so far
   */
  public String logText() {
    return HostProcess.logs(logs);
  }

  /** Stops the server, waits for it and deletes its folder. */
  @Override
  public void close() {
    boolean asked = false;
    if (!stopCommand.isEmpty()) {
      try {
        HostProcess.run(stopCommand);
        asked = true;
      } catch (IOException notRunning) {
        // fall back to SIGTERM
      }
    }
    if (!asked) {
      process.destroy();
    }
    HostProcess.awaitExit(process);
    HostProcess.deleteTree(dir);
  }

  @Override
  public String toString() {
    return name + " " + ports;
  }
}
