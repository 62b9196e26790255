package io.inetkit.transfer.ftp;

/**
 * How {@link FtpSession#get(String, java.nio.file.Path, GetOptions)} downloads to a file.
 *
 * <pre>{@code
 * ftp.get("/pub/big.iso", Path.of("big.iso"), GetOptions.DEFAULT.withResume(true).withVerifyChecksum(true));
 * }</pre>
 *
 * @param resume continue the partial temp file ({@code .NAME.inetkit-part}) an interrupted download
 *     left (REST); with {@link TransferType#ASCII} byte offsets do not carry over, so the download
 *     starts from zero
 * @param verifyChecksum after the download, compare a checksum computed by the server (HASH,
 *     XSHA256, XSHA1, XMD5) with the local one when the server offers any; a mismatch fails the
 *     download and the file is not put in place. Refused with {@link TransferType#ASCII}, which
 *     changes the bytes
 */
public record GetOptions(boolean resume, boolean verifyChecksum) {
  /** A fresh download without checksum: the default. */
  public static final GetOptions DEFAULT = new GetOptions(false, false);

  /**
   * Returns a copy with {@link #resume} set.
   *
   * @param resume whether to continue an interrupted download's partial temp file
   * @return a copy with {@code resume} replaced
   */
  public GetOptions withResume(boolean resume) {
    return new GetOptions(resume, verifyChecksum);
  }

  /**
   * Returns a copy with {@link #verifyChecksum} set.
   *
   * @param verifyChecksum whether to compare the server's checksum with the local file's
   * @return a copy with {@code verifyChecksum} replaced
   */
  public GetOptions withVerifyChecksum(boolean verifyChecksum) {
    return new GetOptions(resume, verifyChecksum);
  }
}
