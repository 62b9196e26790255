package io.inetkit.benchmarks.workloads;

import io.inetkit.benchmarks.Availability;
import io.inetkit.benchmarks.BenchContext;
import io.inetkit.benchmarks.Contender;
import io.inetkit.benchmarks.LatencyProxy;
import io.inetkit.benchmarks.Network;
import io.inetkit.benchmarks.RawClient;
import io.inetkit.benchmarks.Sample;
import io.inetkit.benchmarks.ServerProcess;
import io.inetkit.benchmarks.Tools;
import io.inetkit.benchmarks.Workload;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Base of workloads whose servers run in a {@link ServerProcess}: gets it, hands out the port for a
 * network (direct, or a latency proxy in front), and prepares data once per size.
 */
abstract class ServerWorkload implements Workload {

  /** The loopback address every contender connects to. */
  static final String HOST = "127.0.0.1";

  private BenchContext context;
  private ServerProcess server;
  private final Map<String, Map<Network, Integer>> ports = new HashMap<>();
  private final Set<String> prepared = new HashSet<>();

  /**
   * Every workload shares one server JVM running all the servers (each starts once per invocation;
   * mailboxes and uploads are emptied by the workloads that fill them).
   */
  static final Map<String, String> SERVERS =
      Map.of("services", "raw,ftp,vsftpd,mail,sink,gopher,telnet");

  @Override
  public void setUp(BenchContext context, long maxSize) throws Exception {
    this.context = context;
    this.server = context.servers(SERVERS);
  }

  /** The running server JVM. */
  final ServerProcess server() {
    return server;
  }

  /** The peers on this machine. */
  final Tools tools() {
    return context.tools();
  }

  /** The harness context. */
  final BenchContext context() {
    return context;
  }

  /**
   * The port to connect to for service port {@code key} on {@code network}: the server's own, or a
   * latency proxy's (started once, in {@code mode}).
   */
  final synchronized int port(String key, Network network, LatencyProxy.Mode mode)
      throws IOException {
    Map<Network, Integer> byNetwork = ports.computeIfAbsent(key, k -> new EnumMap<>(Network.class));
    Integer port = byNetwork.get(network);
    if (port == null) {
      int direct = server.port(key);
      port = network == Network.DIRECT ? direct : context.proxy(direct, mode).port();
      byNetwork.put(network, port);
    }
    return port;
  }

  /**
   * Sends an idempotent {@code command} to the server JVM once (e.g. to create a file), outside any
   * timing.
   */
  final synchronized void prepare(String command) throws IOException {
    if (prepared.add(command)) {
      server.command(command);
    }
  }

  /** Names (and prepares) the server-side data file for a trial size. */
  @FunctionalInterface
  interface DataFile {
    /** Returns the file's name relative to the data directory. */
    String name(long size) throws IOException;
  }

  /** A raw loopback download of the data file {@code file} names for the trial's size. */
  final Contender rawGet(DataFile file) {
    return new Contender(
        Workloads.RAW,
        RawClient.TIMING,
        Availability.AVAILABLE,
        trial -> {
          String name = file.name(trial.size());
          Sample s =
              RawClient.get(server.port("raw.port"), name, trial.scratch().resolve("raw.bin"));
          io.inetkit.benchmarks.Peers.requireSize(trial.scratch().resolve("raw.bin"), trial.size());
          return s;
        });
  }

  /** A local file of {@code size} pseudo-random bytes (created once per size) to upload. */
  final synchronized Path localFile(long size) throws IOException {
    Path file = context.scratch().resolve("local-" + size + ".bin");
    // Deleted with the workload's scratch directory.
    return io.inetkit.benchmarks.host.DataFiles.create(file, size);
  }

  @Override
  public void close() throws Exception {
    // The runner stops the (shared) server JVM; the context closes the proxies.
    prepared.clear();
    ports.clear();
  }
}
