package io.inetkit.cli;

import java.io.PrintWriter;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * An SLF4J logger that prints to the command's error writer, so the {@code -v} protocol trace of
 * {@link io.inetkit.core.LoggingEventListener} (secrets already redacted) goes where the user, or a
 * test, is looking.
 */
final class WriterLogger extends LegacyAbstractLogger {
  private static final long serialVersionUID = 1L;

  private final transient PrintWriter err;

  WriterLogger(PrintWriter err) {
    this.err = err;
    this.name = "io.inetkit.wire";
  }

  @Override
  protected String getFullyQualifiedCallerName() {
    return null;
  }

  @Override
  protected void handleNormalizedLoggingCall(
      Level level, Marker marker, String pattern, Object[] args, Throwable throwable) {
    err.println("* " + MessageFormatter.basicArrayFormat(pattern, args));
    err.flush();
  }

  @Override
  public boolean isTraceEnabled() {
    return false;
  }

  @Override
  public boolean isDebugEnabled() {
    return true;
  }

  @Override
  public boolean isInfoEnabled() {
    return true;
  }

  @Override
  public boolean isWarnEnabled() {
    return true;
  }

  @Override
  public boolean isErrorEnabled() {
    return true;
  }
}
