package io.inetkit.transfer.ftp;

/**
 * How {@link FtpSession#get(String, java.io.OutputStream, StreamGetOptions)} downloads into a
 * stream. A stream cannot be resumed from an earlier run, so there is no resume option (a drop
 * during the download is still resumed from the bytes written).
 *
 * <pre>{@code
 * ftp.get("/pub/data.csv", System.out, StreamGetOptions.DEFAULT.withVerifyChecksum(true));
 * }</pre>
 *
 * @param verifyChecksum compare a checksum computed by the server (HASH, XSHA256, XSHA1, XMD5) with
 *     the one of the bytes written when the server offers any; a mismatch fails the download (after
 *     the bytes were written). Refused with {@link TransferType#ASCII}
 */
public record StreamGetOptions(boolean verifyChecksum) {
  /** No checksum: the default. */
  public static final StreamGetOptions DEFAULT = new StreamGetOptions(false);

  /**
   * Returns a copy with {@link #verifyChecksum} set.
   *
   * @param verifyChecksum whether to compare the server's checksum with that of the bytes written
   * @return a copy with {@code verifyChecksum} replaced
   */
  public StreamGetOptions withVerifyChecksum(boolean verifyChecksum) {
    return new StreamGetOptions(verifyChecksum);
  }
}
