package io.inetkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.AbstractLogger;
import org.slf4j.helpers.MessageFormatter;

class LoggingEventListenerTest {

  /** Records every formatted message with its level. */
  static final class RecordingLogger extends AbstractLogger {
    private static final long serialVersionUID = 1L;
    final List<String> lines = new ArrayList<>();

    @Override
    protected String getFullyQualifiedCallerName() {
      return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(
        Level level, Marker marker, String pattern, Object[] args, Throwable t) {
      lines.add(level + " " + MessageFormatter.basicArrayFormat(pattern, args));
    }

    @Override
    public boolean isTraceEnabled() {
      return true;
    }

    @Override
    public boolean isTraceEnabled(Marker marker) {
      return true;
    }

    @Override
    public boolean isDebugEnabled() {
      return true;
    }

    @Override
    public boolean isDebugEnabled(Marker marker) {
      return true;
    }

    @Override
    public boolean isInfoEnabled() {
      return true;
    }

    @Override
    public boolean isInfoEnabled(Marker marker) {
      return true;
    }

    @Override
    public boolean isWarnEnabled() {
      return true;
    }

    @Override
    public boolean isWarnEnabled(Marker marker) {
      return true;
    }

    @Override
    public boolean isErrorEnabled() {
      return true;
    }

    @Override
    public boolean isErrorEnabled(Marker marker) {
      return true;
    }
  }

  @Test
  void logsEventsAndRedactsCommandsFedDirectly() {
    RecordingLogger log = new RecordingLogger();
    LoggingEventListener listener = new LoggingEventListener(log);
    Endpoint ep = Endpoint.of("127.0.0.1", 110);
    listener.connectStart(ep);
    listener.commandSent(ep, "PASS hunter2");
    listener.commandSent(ep, "a1 LOGIN alice hunter2");
    listener.replyReceived(ep, "+OK");
    listener.transferEnd(ep, new TransferProgress("1", 2048, 2048, Duration.ofMillis(250)));
    listener.closed(ep);
    assertThat(log.lines)
        .containsExactly(
            "INFO connecting to 127.0.0.1:110",
            "DEBUG 127.0.0.1:110 > PASS ***",
            "DEBUG 127.0.0.1:110 > a1 LOGIN alice ***",
            "DEBUG 127.0.0.1:110 < +OK",
            "INFO 127.0.0.1:110: 2048 bytes of 1 in 250 ms",
            "INFO closed 127.0.0.1:110");
    assertThat(String.join("\n", log.lines)).doesNotContain("hunter2");
  }
}
