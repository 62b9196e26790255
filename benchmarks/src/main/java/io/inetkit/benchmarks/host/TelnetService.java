package io.inetkit.benchmarks.host;

import io.inetkit.testkit.telnet.TelnetServer;
import java.nio.file.Path;
import java.util.Map;

/**
 * testkit's {@link TelnetServer} with its defaults: no login, prompt {@code "$ "}; {@code flood N}
 * writes exactly N bytes.
 *
 * <pre>{@code
 * services=telnet  ->  READY telnet.port=40131
 * }</pre>
 */
final class TelnetService implements HostedService {

  private TelnetServer server;

  @Override
  public Map<String, String> start(Path data, Map<String, String> params) throws Exception {
    server = TelnetServer.start();
    return Map.of("telnet.port", Integer.toString(server.port()));
  }

  @Override
  public void close() {
    if (server != null) {
      server.close();
    }
  }
}
