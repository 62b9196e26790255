package io.inetkit.transfer.ftp.internal;

import io.inetkit.core.ConnectionClosedException;
import io.inetkit.core.Endpoint;
import io.inetkit.core.InetkitException;
import io.inetkit.core.InetkitTimeoutException;
import io.inetkit.core.LimitExceededException;
import io.inetkit.core.ProtocolReplyException;
import io.inetkit.core.internal.Connector;
import io.inetkit.core.internal.Deadline;
import io.inetkit.transfer.ftp.FtpClient;
import io.inetkit.transfer.ftp.FtpFeatures;
import io.inetkit.transfer.ftp.TransferType;
import java.io.IOException;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * One logged-in control connection (replaced by a new one when a dropped transfer is resumed) and
 * the steps run on it: each step names its phase on the deadline and has its failure translated by
 * {@link FtpFailures}, here and nowhere else. A session has one; a parallel mirror has one per
 * worker, all under the session's deadline.
 */
final class FtpConnection {
  final FtpClient config;
  final Endpoint endpoint;
  final Deadline deadline;
  private final FtpConnector connector;
  private volatile FtpConnector.Watched watched;
  private volatile boolean aborted;
  private final boolean another;

  /** The Commons Net client of the current connection. */
  SecureFtpClient ftp;

  /** What the server offers (FEAT), read once by the first connection. */
  final FtpFeatures features;

  private FtpConnection(FtpConnector connector, FtpConnector.Logged logged, boolean another) {
    this.connector = connector;
    this.another = another;
    this.config = connector.config;
    this.endpoint = connector.endpoint;
    this.deadline = connector.deadline;
    this.watched = logged.connection();
    this.ftp = watched.client;
    this.features = logged.features();
  }

  /** Connects and logs in the session's connection, reading FEAT. */
  static FtpConnection open(FtpConnector connector) throws InetkitException {
    return new FtpConnection(connector, connector.connect(null), false);
  }

  /**
   * Connects and logs in another connection beside the session's (a mirror's worker), with the
   * session's {@code features} and a TLS context of its own.
   */
  static FtpConnection another(FtpConnector connector, FtpFeatures features)
      throws InetkitException {
    return new FtpConnection(connector, connector.connectAnother(features), true);
  }

  @FunctionalInterface
  interface Call<T> {
    T run() throws IOException;
  }

  /** Runs one control-connection step, translating failures at this one boundary. */
  <T> T call(String what, Call<T> call) throws InetkitException {
    return call(what, config.timeouts().read(), call);
  }

  /** Runs a step that moves data: a timeout there is the data timeout. */
  <T> T callData(String what, Call<T> call) throws InetkitException {
    return call(what, config.dataTimeout(), call);
  }

  private <T> T call(String what, Duration timeout, Call<T> call) throws InetkitException {
    deadline.enter(what);
    try {
      return call.run();
    } catch (IllegalArgumentException e) {
      throw FtpFailures.unusableReply(e, what, ftp, endpoint);
    } catch (IOException e) {
      IOException explained = deadline.explain(e);
      if (explained != e) {
        throw (InetkitException) explained; // the overall deadline passed: the server is not asked
      }
      InetkitException failure =
          connector.named(
              FtpFailures.translate(e, what, endpoint, timeout),
              e,
              what,
              InetkitTimeoutException.Limit.READ);
      if (timeout.equals(config.dataTimeout()) && !(e instanceof InetkitException) && !aborted) {
        // read the transfer's reply either way, so the next command gets its own
        InetkitException refusal = pendingRefusal(what);
        // our own limit cut the transfer: the server's "426 aborted" only echoes that
        if (refusal != null && !(failure instanceof LimitExceededException)) {
          refusal.addSuppressed(failure);
          throw refusal;
        }
      }
      throw failure;
    }
  }

  /** Translates a failure of a whole transfer step (local files included). */
  InetkitException translate(IOException e, String what) {
    return FtpFailures.translate(e, what, endpoint, config.dataTimeout());
  }

  /**
   * After a data connection failed, reads (for at most two seconds) the reply the server may have
   * sent on the control connection to say why, e.g. vsftpd's "522 session reuse required". Returns
   * the refusal, or null when there is none.
   */
  private InetkitException pendingRefusal(String what) {
    try {
      int before = ftp.getSoTimeout();
      ftp.setSoTimeout(Math.min(2000, before));
      try {
        int code = ftp.getReply();
        return code >= 400 ? FtpFailures.refused(ftp, what, endpoint) : null;
      } finally {
        ftp.setSoTimeout(before);
      }
    } catch (IOException | RuntimeException noReply) {
      return null;
    }
  }

  /** Throws the server's refusal of {@code command} unless {@code ok}. */
  void require(boolean ok, String command) throws InetkitException {
    FtpFailures.require(ftp, ok, command, endpoint);
  }

  /** Returns the refusal of {@code command} as the server's last reply gives it. */
  InetkitException refused(String command) {
    return FtpFailures.refused(ftp, command, endpoint);
  }

  /** Whether {@code path} is a folder: CWD there and back (PWD first). */
  boolean isDirectory(String path) throws IOException {
    String here = ftp.printWorkingDirectory();
    if (!ftp.changeWorkingDirectory(path)) {
      return false;
    }
    if (here != null) {
      ftp.changeWorkingDirectory(here);
    }
    return true;
  }

  /**
   * Whether line ends are converted (ASCII type). Then the local byte count differs from SIZE and a
   * byte offset in one copy is not the same place in the other: no size check, no REST or APPE; a
   * dropped transfer starts again from zero.
   */
  boolean converting() {
    return config.transferType() == TransferType.ASCII;
  }

  @FunctionalInterface
  interface Attempt {
    void run(int attempt) throws IOException;
  }

  /**
   * Runs {@code attempt}; when the connection drops or times out, reconnects and runs it again (it
   * resumes from what arrived, or starts again), up to {@link FtpClient#retries()} times while
   * {@code canRetry} says so, the connection was not {@link #abort aborted} and the overall
   * deadline has not passed. Returns the number of reconnects. When it gives up, the first failure
   * is the one thrown (it is the cause; a refused reconnect is only its consequence), with the
   * later ones suppressed.
   */
  int withRetries(BooleanSupplier canRetry, Attempt attempt) throws IOException {
    int reconnects = 0;
    InetkitException first = null;
    while (true) {
      try {
        attempt.run(reconnects);
        return reconnects;
      } catch (InetkitException e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
        if (!retriable(e)
            || reconnects >= config.retries()
            || !canRetry.getAsBoolean()
            || aborted
            || deadline.expired()
            || isOverallTimeout(e)) {
          throw first;
        }
        reconnects++;
        try {
          reconnect();
        } catch (InetkitException refused) {
          first.addSuppressed(refused);
          throw first;
        }
      }
    }
  }

  private static boolean retriable(InetkitException e) {
    if (e instanceof ConnectionClosedException || e instanceof InetkitTimeoutException) {
      return true;
    }
    return e instanceof ProtocolReplyException p
        && (p.reply().code() == 421 || p.reply().code() == 425 || p.reply().code() == 426);
  }

  private static boolean isOverallTimeout(InetkitException e) {
    return e instanceof InetkitTimeoutException t
        && t.limit().orElse(null) == InetkitTimeoutException.Limit.OVERALL;
  }

  /** Drops the current connection and logs in again on a new one (within the deadline). */
  private void reconnect() throws InetkitException {
    watched.close();
    watched =
        (another ? connector.connectAnother(features) : connector.connect(features)).connection();
    ftp = watched.client;
  }

  /**
   * Returns SIZE of {@code remote}, or -1 when the server does not support SIZE or answers
   * something that is not a size (as other clients do, the transfer then goes on without one).
   */
  long sizeOrUnknown(String remote) throws InetkitException {
    return call(
        "SIZE " + remote,
        () -> {
          String reply = ftp.getSize(remote);
          if (reply != null) {
            return parseSize(reply.strip());
          }
          int code = ftp.getReplyCode();
          if (code == 500 || code == 502 || code == 504) {
            return -1L;
          }
          throw refused("SIZE " + remote);
        });
  }

  /** Returns the size a SIZE reply's text gives, or -1 when it is not a size. */
  private static long parseSize(String text) {
    try {
      long size = Long.parseLong(text.split(" ")[0]);
      return size >= 0 ? size : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** The smallest copy buffer: below it, a shorter buffer saves nothing worth a special case. */
  private static final int MIN_BUFFER = 8 * 1024;

  /**
   * Sizes the buffers of the next data connection for a transfer of {@code bytes} (-1: unknown).
   * Commons Net's copy buffers (two per transfer: the buffered stream and the copy loop's array)
   * get the configured size, but no more than the file needs; the data socket's kernel buffers are
   * raised to {@link Connector#SOCKET_BUFFER} only for transfers that can use them, and otherwise
   * left to the system's defaults. A mirror of many small files otherwise allocates half a MiB per
   * file, and sets up large socket buffers, for a few KiB.
   */
  void sizeBuffersFor(long bytes) {
    int size = config.bufferSize();
    if (bytes >= 0 && bytes < size) {
      // one byte more than the file, so that the read that sees its end needs no second pass
      size = (int) Math.max(MIN_BUFFER, bytes + 1);
    }
    ftp.setBufferSize(size);
    boolean small = bytes >= 0 && bytes < Connector.SOCKET_BUFFER;
    int socketBuffer = small ? 0 : Connector.SOCKET_BUFFER; // 0: the system's default
    ftp.setReceieveDataSocketBufferSize(socketBuffer);
    ftp.setSendDataSocketBufferSize(socketBuffer);
  }

  /**
   * Closes at once without QUIT, from another thread: a transfer in progress fails and is not
   * retried. For a parallel mirror that stops after another worker's failure.
   */
  void abort() {
    aborted = true;
    watched.abort();
  }

  /** Sends QUIT (waiting at most 5 s for its reply) and closes. Never throws. */
  void close() {
    try {
      if (!aborted && ftp.isConnected()) {
        ftp.setSoTimeout(Math.min(5000, config.timeouts().readMillis()));
        ftp.logout();
      }
    } catch (IOException ignored) {
      // closing anyway
    } finally {
      watched.close();
    }
  }
}
