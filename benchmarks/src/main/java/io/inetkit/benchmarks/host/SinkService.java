package io.inetkit.benchmarks.host;

import io.inetkit.testkit.mail.SmtpSink;
import java.nio.file.Path;
import java.util.Map;

/**
 * testkit's {@link SmtpSink}: an SMTP server that counts messages and throws them away, the faster
 * server the SMTP clients are also measured against. {@code sink.take} answers how many messages
 * arrived since the last {@code sink.take}.
 *
 * <pre>{@code
 * services=sink  ->  READY sink.port=40133
 * }</pre>
 */
final class SinkService implements HostedService {

  private SmtpSink sink;
  private int taken;

  @Override
  public Map<String, String> start(Path data, Map<String, String> params) throws Exception {
    sink = SmtpSink.start();
    return Map.of("sink.port", Integer.toString(sink.port()));
  }

  @Override
  public String command(String line) {
    if (!line.equals("sink.take")) {
      return null;
    }
    int total = sink.messageCount();
    int since = total - taken;
    taken = total;
    return Integer.toString(since);
  }

  @Override
  public void close() {
    if (sink != null) {
      sink.close();
    }
  }
}
