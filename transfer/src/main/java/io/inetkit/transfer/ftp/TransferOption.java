package io.inetkit.transfer.ftp;

/**
 * Options for one {@link FtpSession#get get} or {@link FtpSession#put put}, like {@link
 * java.nio.file.StandardCopyOption} for {@code Files.copy}.
 *
 * <pre>{@code
 * ftp.put(Path.of("big.iso"), "/incoming/big.iso", TransferOption.ATOMIC, TransferOption.VERIFY_CHECKSUM);
 * }</pre>
 */
public enum TransferOption {
  /**
   * Continue an earlier, interrupted transfer: a download continues its partial temp file (REST),
   * an upload continues the remote file from its current size (REST + STOR, or APPE). With {@link
   * TransferType#ASCII} byte offsets do not carry over, so the transfer starts from zero.
   */
  RESUME,
  /**
   * Upload under a temporary name in the target folder, then rename it (RNFR/RNTO), so readers
   * never see a half-written file.
   */
  ATOMIC,
  /**
   * After the transfer, compare a checksum computed by the server (HASH, XSHA256, XSHA1, XMD5) with
   * the local one when the server offers any; a mismatch fails the transfer. Refused with {@link
   * TransferType#ASCII}, which changes the bytes.
   */
  VERIFY_CHECKSUM
}
