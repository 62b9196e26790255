package io.inetkit.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Server JVMs shared by workloads that need the same servers (the FTP workloads share one FTP
 * server and its data), so each starts once per invocation; closed at the end.
 */
public final class ServerPool implements AutoCloseable {

  private final Path scratch;
  private final Map<Map<String, String>, ServerProcess> running = new LinkedHashMap<>();

  /** Server data goes under {@code scratch}. */
  public ServerPool(Path scratch) {
    this.scratch = scratch;
  }

  /** The server JVM for {@code params}, started on first use. */
  public synchronized ServerProcess get(Map<String, String> params) throws IOException {
    Map<String, String> key = new TreeMap<>(params);
    ServerProcess process = running.get(key);
    if (process == null) {
      process = ServerProcess.start(key, Files.createTempDirectory(scratch, "server"));
      running.put(key, process);
    }
    return process;
  }

  @Override
  public synchronized void close() {
    for (ServerProcess p : running.values()) {
      try {
        p.close();
      } catch (Exception e) {
        System.err.println("inetkit-bench: stopping " + p + ": " + e);
      }
    }
    running.clear();
  }
}
