package io.inetkit.core;

import io.inetkit.core.internal.Redaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link EventListener} that logs every event through SLF4J at DEBUG (commands and replies) and
 * INFO (connections, TLS, authentication), under the logger {@code io.inetkit.wire}. Secrets never
 * reach the log: commands are redacted (the arguments of {@code PASS}, {@code AUTH}, {@code LOGIN}
 * and {@code AUTHENTICATE} become {@code ***}) before listeners see them, and this listener redacts
 * again in case a caller feeds it directly.
 *
 * <pre>{@code
 * FtpClient ftp = FtpClient.builder().endpoint("ftp.example.org", 21)
 *     .eventListener(new LoggingEventListener()).build();
 * }</pre>
 */
public class LoggingEventListener extends EventListener {
  private final Logger log;

  /** Logs to {@code io.inetkit.wire}. */
  public LoggingEventListener() {
    this(LoggerFactory.getLogger("io.inetkit.wire"));
  }

  /**
   * Logs to {@code log}.
   *
   * @param log where events are logged
   */
  public LoggingEventListener(Logger log) {
    this.log = log;
  }

  @Override
  public void connectStart(Endpoint endpoint) {
    log.info("connecting to {}", endpoint);
  }

  @Override
  public void connectEnd(Endpoint endpoint) {
    log.info("connected to {}", endpoint);
  }

  @Override
  public void connectFailed(Endpoint endpoint, InetkitException failure) {
    log.info("connecting to {} failed: {}", endpoint, failure.getMessage());
  }

  @Override
  public void tlsEnd(Endpoint endpoint, String protocol, String cipherSuite) {
    log.info("TLS with {}: {} {}", endpoint, protocol, cipherSuite);
  }

  @Override
  public void authStart(Endpoint endpoint, String user, String mechanism) {
    log.info("authenticating to {} as {} ({})", endpoint, user, mechanism);
  }

  @Override
  public void authFailed(Endpoint endpoint, String user, InetkitException failure) {
    log.info("authentication as {} to {} failed: {}", user, endpoint, failure.getMessage());
  }

  @Override
  public void commandSent(Endpoint endpoint, String command) {
    log.debug("{} > {}", endpoint, Redaction.command(command));
  }

  @Override
  public void replyReceived(Endpoint endpoint, String reply) {
    log.debug("{} < {}", endpoint, reply);
  }

  @Override
  public void transferEnd(Endpoint endpoint, TransferProgress p) {
    log.info(
        "{}: {} bytes of {} in {}",
        endpoint,
        p.bytesDone(),
        p.name(),
        Timeouts.format(p.elapsed()));
  }

  @Override
  public void transferFailed(Endpoint endpoint, String name, InetkitException failure) {
    log.info("{}: transfer of {} failed: {}", endpoint, name, failure.getMessage());
  }

  @Override
  public void closed(Endpoint endpoint) {
    log.info("closed {}", endpoint);
  }
}
