package io.inetkit.core;

/**
 * Receives progress of a transfer: every module calls it while bytes move, and the CLI draws its
 * progress bars from it.
 *
 * <p>Contract: called on the transferring thread, at most about ten times a second plus once at the
 * end ({@code bytesDone == totalBytes} when the total is known); must be fast and must not throw.
 * Implementations that block slow the transfer down.
 *
 * <pre>{@code
 * ProgressListener bar = p -> System.err.printf("\r%,d of %,d bytes", p.bytesDone(), p.totalBytes());
 * ftp.get("big.iso", Path.of("big.iso"), bar);
 * }</pre>
 */
@FunctionalInterface
public interface ProgressListener {

  /** A listener that ignores everything. */
  ProgressListener NONE = progress -> {};

  /**
   * Receives a progress snapshot.
   *
   * @param progress the transfer so far
   */
  void progress(TransferProgress progress);
}
