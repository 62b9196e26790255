package io.inetkit.transfer.ftp;

import io.inetkit.core.internal.Inputs;
import java.time.Duration;
import java.util.Objects;

/**
 * What a completed {@link FtpSession#get get} or {@link FtpSession#put put} did.
 *
 * <pre>{@code
 * FtpTransfer t = ftp.get("/pub/f.iso", Path.of("f.iso"), GetOptions.DEFAULT.withVerifyChecksum(true));
 * System.out.printf("%d bytes, %d reconnects, checksum %s%n", t.bytes(), t.reconnects(), t.checksum());
 * }</pre>
 *
 * @param remotePath the server path
 * @param bytes the size of the complete file
 * @param resumedFrom the offset the transfer (first) continued from, 0 when it started fresh
 * @param reconnects how many times the connection dropped and the transfer was resumed
 * @param checksum whether a checksum was compared
 * @param elapsed how long it took
 */
public record FtpTransfer(
    String remotePath,
    long bytes,
    long resumedFrom,
    int reconnects,
    Checksum checksum,
    Duration elapsed) {

  /** Whether the transfer was checked against a server-side checksum. */
  public enum Checksum {
    /** The options did not ask for a checksum ({@code verifyChecksum}). */
    NOT_REQUESTED,
    /** Requested, but the server offers no HASH, XSHA256, XSHA1 or XMD5. */
    NOT_OFFERED,
    /** The server's checksum matched the local one. */
    VERIFIED
  }

  /**
   * Validates the result.
   *
   * @param remotePath the server path
   * @param bytes the size of the complete file
   * @param resumedFrom the offset the transfer (first) continued from, 0 when it started fresh
   * @param reconnects how many times the connection dropped and the transfer was resumed
   * @param checksum whether a checksum was compared
   * @param elapsed how long it took
   */
  public FtpTransfer {
    Inputs.requireNoControl("remotePath", remotePath);
    Objects.requireNonNull(checksum, "checksum");
    Objects.requireNonNull(elapsed, "elapsed");
  }
}
