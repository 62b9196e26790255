package io.inetkit.transfer.ftp;

/**
 * How {@link FtpSession#put(java.io.InputStream, String, StreamPutOptions)} uploads what a stream
 * yields. A stream cannot be read again, so there is no resume option and no automatic retry.
 *
 * <pre>{@code
 * ftp.put(System.in, "/backup/dir.tar", StreamPutOptions.DEFAULT.withAtomic(true));
 * }</pre>
 *
 * @param atomic upload under a temporary name in the target folder, then rename it (RNFR/RNTO)
 * @param verifyChecksum compare a checksum computed by the server (HASH, XSHA256, XSHA1, XMD5) with
 *     the one of the bytes sent when the server offers any; a mismatch fails the upload. Refused
 *     with {@link TransferType#ASCII}
 */
public record StreamPutOptions(boolean atomic, boolean verifyChecksum) {
  /** A plain upload straight to the target name: the default. */
  public static final StreamPutOptions DEFAULT = new StreamPutOptions(false, false);

  /**
   * Returns a copy with {@link #atomic} set.
   *
   * @param atomic whether to upload under a temporary name and rename it when complete
   * @return a copy with {@code atomic} replaced
   */
  public StreamPutOptions withAtomic(boolean atomic) {
    return new StreamPutOptions(atomic, verifyChecksum);
  }

  /**
   * Returns a copy with {@link #verifyChecksum} set.
   *
   * @param verifyChecksum whether to compare the server's checksum with that of the bytes sent
   * @return a copy with {@code verifyChecksum} replaced
   */
  public StreamPutOptions withVerifyChecksum(boolean verifyChecksum) {
    return new StreamPutOptions(atomic, verifyChecksum);
  }
}
