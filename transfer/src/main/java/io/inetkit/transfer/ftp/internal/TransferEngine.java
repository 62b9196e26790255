package io.inetkit.transfer.ftp.internal;

import io.inetkit.core.ConnectionClosedException;
import io.inetkit.core.InetkitException;
import io.inetkit.core.InvalidInputException;
import io.inetkit.core.LimitExceededException;
import io.inetkit.core.ProtocolReplyException;
import io.inetkit.core.ProtocolViolationException;
import io.inetkit.core.internal.ProgressTracker;
import io.inetkit.transfer.ftp.FtpTransfer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;

/**
 * The one transfer flow of every get and put on one {@link FtpConnection}: what differs between a
 * file and a stream, a download and an upload, is a {@link Plan} (how one attempt moves the bytes,
 * what gets checked and put in place at the end); the shared steps are here: the size limit,
 * progress, reconnect-and-resume, the size check, the checksum comparison, the failure event and
 * the result.
 */
final class TransferEngine {
  private final FtpConnection c;

  TransferEngine(FtpConnection c) {
    this.c = c;
  }

  /**
   * One transfer as the engine runs it. Subclasses set {@link #total} (the expected size, -1
   * unknown) and {@link #resumedFrom} before the run, and move the bytes in {@link #attempt}.
   */
  abstract static class Plan {
    final String name;
    final String what;
    final boolean verifyChecksum;
    long total = -1;
    long resumedFrom;
    Checksums.Method method;
    MessageDigest digest; // fed as bytes move (streams); null: the checksum reads the local file

    Plan(String name, String what, boolean verifyChecksum) {
      this.name = name;
      this.what = what;
      this.verifyChecksum = verifyChecksum;
    }

    /** Gets ready before the first attempt (sets {@link #resumedFrom}). */
    void prepare() throws IOException {}

    /** Moves the bytes once; {@code attempt} 0 is the first, later ones follow a reconnect. */
    abstract void attempt(int attempt, TransferMeter meter) throws IOException;

    /** Whether a failed attempt may be run again after a reconnect. */
    boolean canRetry(TransferMeter meter) {
      return true;
    }

    /** Returns the remote file and the local one whose checksums are compared (file plans). */
    String checksumRemote() {
      return name;
    }

    /** The local file to digest when no digest was fed as bytes moved. */
    Path checksumLocal() {
      return null;
    }

    /** Puts the result in place (renames a temp file); runs after the checks. */
    void commit() throws IOException {}

    /** The size of the complete file. */
    abstract long bytes(TransferMeter meter) throws IOException;

    /** Cleans up after {@code failure} (a temp file not worth resuming from). */
    void failed(InetkitException failure) {}
  }

  /**
   * Runs {@code plan}: refuses a download larger than the limit before any byte moves, then runs
   * its attempts with reconnect-and-resume, compares checksums, commits, and returns the result.
   */
  FtpTransfer run(Plan plan, boolean download) throws InetkitException {
    if (plan.verifyChecksum && c.converting()) {
      throw new InvalidInputException(
          "options",
          "verifyChecksum compares bytes, which"
              + " TransferType.ASCII converts; use TransferType.BINARY");
    }
    long limit = download ? c.config.maxFileSize() : Long.MAX_VALUE;
    if (plan.total > limit) {
      throw new LimitExceededException(
          plan.name + " has " + plan.total + " bytes, more than the maximum file size",
          c.endpoint,
          limit);
    }
    if (plan.verifyChecksum) {
      plan.method = Checksums.choose(c.features);
      if (plan.method != null && plan.checksumLocal() == null) {
        plan.digest = plan.method.newDigest();
      }
    }
    long start = System.nanoTime();
    try {
      plan.prepare();
      ProgressTracker tracker =
          new ProgressTracker(
                  plan.name,
                  plan.total,
                  c.config.progressListener(),
                  c.config.eventListener(),
                  c.endpoint)
              .startingAt(plan.resumedFrom);
      TransferMeter meter =
          new TransferMeter(tracker, limit, c.config.rateLimit(), c.endpoint, plan.name)
              .ticking(() -> c.ftp.transferTick())
              .digesting(plan.digest);
      int reconnects =
          c.withRetries(() -> plan.canRetry(meter), attempt -> plan.attempt(attempt, meter));
      FtpTransfer.Checksum checksum = FtpTransfer.Checksum.NOT_REQUESTED;
      if (plan.verifyChecksum) {
        checksum = compareChecksum(plan);
      }
      plan.commit();
      tracker.finish();
      return new FtpTransfer(
          plan.name,
          plan.bytes(meter),
          plan.resumedFrom,
          reconnects,
          checksum,
          Duration.ofNanos(System.nanoTime() - start));
    } catch (IOException e) {
      InetkitException failure = c.translate(e, plan.what);
      c.config.eventListener().transferFailed(c.endpoint, plan.name, failure);
      plan.failed(failure);
      throw failure;
    }
  }

  private FtpTransfer.Checksum compareChecksum(Plan plan) throws IOException {
    Checksums.Method method = plan.method;
    if (method == null) {
      return FtpTransfer.Checksum.NOT_OFFERED;
    }
    String localHex =
        plan.digest != null
            ? HexFormat.of().formatHex(plan.digest.digest())
            : Checksums.digest(method, plan.checksumLocal());
    String remote = plan.checksumRemote();
    String command = method.command() + " " + remote;
    String remoteHex =
        c.call(
            command,
            () -> {
              if (method.opts() != null) {
                FtpFailures.require(
                    c.ftp,
                    c.ftp.sendCommand("OPTS", method.opts()),
                    "OPTS " + method.opts(),
                    c.endpoint);
              }
              FtpFailures.require(
                  c.ftp, c.ftp.sendCommand(method.command(), remote), command, c.endpoint);
              return Checksums.parseReply(method, c.ftp.getReplyString(), c.endpoint);
            });
    if (!remoteHex.equals(localHex)) {
      throw new ProtocolViolationException(
          command
              + ": "
              + method.algorithm()
              + " mismatch: server "
              + remoteHex
              + ", local "
              + localHex,
          c.endpoint,
          null);
    }
    return FtpTransfer.Checksum.VERIFIED;
  }

  // ------------------------------------------------------------- steps the plans share

  /** Fails unless {@code got} bytes is the {@code expected} size (-1: unknown, accept). */
  void requireComplete(String command, long got, long expected) throws InetkitException {
    if (c.converting() || expected < 0) {
      return;
    }
    if (got < expected) {
      throw new ConnectionClosedException(
          command + ": transfer ended after " + got + " of " + expected + " bytes",
          c.endpoint,
          null);
    }
    if (got != expected) {
      throw new ProtocolViolationException(
          command + ": " + got + " bytes, but SIZE says " + expected, c.endpoint, null);
    }
  }

  /** RETR {@code src} from {@code offset} into {@code out} ({@code size} -1: unknown). */
  void retrieve(String src, OutputStream out, long offset, long size) throws InetkitException {
    c.callData(
        "RETR " + src,
        () -> {
          c.sizeBuffersFor(size < 0 || c.converting() ? -1 : size - offset);
          c.ftp.setRestartOffset(offset);
          c.require(c.ftp.retrieveFile(src, out), "RETR " + src);
          return null;
        });
  }

  /**
   * Stores {@code in} as {@code remote} from {@code offset}: STOR, REST + STOR where the server
   * offers REST, else APPE ({@code bytes} -1: unknown).
   */
  void store(String remote, InputStream in, long offset, long bytes) throws InetkitException {
    c.callData(
        "STOR " + remote,
        () -> {
          c.sizeBuffersFor(c.converting() ? -1 : bytes);
          boolean ok;
          String verb;
          if (offset == 0) {
            verb = "STOR";
            ok = c.ftp.storeFile(remote, in);
          } else if (c.features.has("REST")) {
            verb = "REST+STOR";
            c.ftp.setRestartOffset(offset);
            ok = c.ftp.storeFile(remote, in);
          } else {
            verb = "APPE";
            ok = c.ftp.appendFile(remote, in);
          }
          c.require(ok, verb + " " + remote);
          return null;
        });
  }

  /** Returns SIZE of {@code remote} or -1 when unknown. */
  long sizeOrUnknown(String remote) throws InetkitException {
    return c.sizeOrUnknown(remote);
  }

  /** SIZE of {@code remote}, 0 when it does not exist or is unknown: where an upload resumes. */
  long remoteSizeOrZero(String remote) throws InetkitException {
    try {
      return Math.max(0, c.sizeOrUnknown(remote));
    } catch (io.inetkit.core.NotFoundException e) {
      return 0;
    }
  }

  /**
   * The size an upload's verification compares: SIZE of {@code remote}, or -1 when the server will
   * not tell it. A write-only upload folder answers 550 even for the file it just stored with 226,
   * so any permanent refusal means "unknown", never "failed".
   */
  long sizeAfterUpload(String remote) throws InetkitException {
    try {
      return c.sizeOrUnknown(remote);
    } catch (ProtocolReplyException e) {
      if (e.reply().isPermanent()) {
        return -1;
      }
      throw e;
    }
  }

  /** Renames {@code from} over {@code to}, deleting {@code to} first if the server insists. */
  void replace(String from, String to) throws InetkitException {
    String command = "RNFR/RNTO " + from + " " + to;
    c.call(
        "RNFR " + from,
        () -> {
          if (!c.ftp.rename(from, to)) {
            if (!c.ftp.deleteFile(to)) {
              throw c.refused(command);
            }
            c.require(c.ftp.rename(from, to), command);
          }
          return null;
        });
  }

  /** Whether line ends are converted (ASCII): no size checks, no byte offsets. */
  boolean converting() {
    return c.converting();
  }

  /** Deletes {@code file}, adding a failure to delete to {@code failure}. */
  static void deleteQuietly(Path file, InetkitException failure) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException notDeleted) {
      failure.addSuppressed(notDeleted);
    }
  }
}
