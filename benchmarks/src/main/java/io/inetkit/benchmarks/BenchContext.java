package io.inetkit.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a workload needs from the harness: scratch space, the peers, child server JVMs and latency
 * proxies. Everything it starts is closed by {@link #closeAll()} after the workload.
 */
public final class BenchContext {

  private final Path scratch;
  private final Tools tools;
  private final ServerPool servers;
  private final boolean warmUp;
  private final List<AutoCloseable> resources = new ArrayList<>();

  /**
   * Uses {@code scratch} for data, {@code tools} for peers and {@code servers} for server JVMs;
   * {@code warmUp} is false for the smoke test (no warm-up runs, nothing slow in set-up).
   */
  public BenchContext(Path scratch, Tools tools, ServerPool servers, boolean warmUp) {
    this.scratch = scratch;
    this.tools = tools;
    this.servers = servers;
    this.warmUp = warmUp;
  }

  /** Whether this run warms up (a real run) rather than only checking the harness. */
  public boolean warmUp() {
    return warmUp;
  }

  /** A directory for this workload's data. */
  public Path scratch() {
    return scratch;
  }

  /** The peers found on this machine. */
  public Tools tools() {
    return tools;
  }

  /** Creates a fresh sub-directory of the scratch space. */
  public Path newDirectory(String prefix) throws IOException {
    return Files.createTempDirectory(scratch, prefix);
  }

  /**
   * The server JVM running the testkit servers named in {@code params} ({@code services=ftp,raw});
   * workloads asking for the same parameters share one. See {@link
   * io.inetkit.benchmarks.host.ServerHost}.
   */
  public ServerProcess servers(Map<String, String> params) throws IOException {
    return servers.get(params);
  }

  /** Starts a latency proxy in front of {@code port} on 127.0.0.1. */
  public LatencyProxy proxy(int port, LatencyProxy.Mode mode) throws IOException {
    LatencyProxy proxy =
        LatencyProxy.start(port, java.time.Duration.ofMillis(Network.ONE_WAY_DELAY_MILLIS), mode);
    resources.add(proxy);
    return proxy;
  }

  /** Closes every proxy started through this context. */
  public void closeAll() {
    for (int i = resources.size() - 1; i >= 0; i--) {
      try {
        resources.get(i).close();
      } catch (Exception e) {
        System.err.println("inetkit-bench: closing " + resources.get(i) + ": " + e);
      }
    }
    resources.clear();
  }
}
