package io.inetkit.benchmarks.host;

import java.nio.file.Path;
import java.util.Map;

/**
 * A server the {@link ServerHost} runs for one workload.
 *
 * <pre>{@code
 * HostedService raw = new RawServer();
 * Map<String, String> published = raw.start(dataDir, Map.of());  // {raw.port=40123}
 * }</pre>
 */
public interface HostedService extends AutoCloseable {

  /**
   * Starts the service and returns what clients need (ports, users, CA file), keys prefixed with
   * the service name.
   *
   * @param data the directory holding the files named in the {@code files} parameter
   * @param params every {@code key=value} argument of the host
   */
  Map<String, String> start(Path data, Map<String, String> params) throws Exception;

  /** Handles a command from the parent; returns null when the command is not this service's. */
  default String command(String line) throws Exception {
    return null;
  }
}
