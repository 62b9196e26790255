package io.inetkit.benchmarks.host;

import io.inetkit.testkit.gopher.GopherServer;
import java.nio.file.Path;
import java.util.Map;

/**
 * testkit's {@link GopherServer} serving the data directory: {@code file big.bin 104857600} makes
 * selector {@code /big.bin} a binary item.
 *
 * <pre>{@code
 * services=gopher   ->   READY gopher.port=40125 ...
 * }</pre>
 */
final class GopherService implements HostedService {

  private GopherServer server;

  @Override
  public Map<String, String> start(Path data, Map<String, String> params) throws Exception {
    server = GopherServer.start(data);
    return Map.of("gopher.port", Integer.toString(server.port()));
  }

  @Override
  public void close() {
    if (server != null) {
      server.close();
    }
  }
}
