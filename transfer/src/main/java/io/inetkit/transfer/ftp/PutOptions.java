package io.inetkit.transfer.ftp;

/**
 * How {@link FtpSession#put(java.nio.file.Path, String, PutOptions)} uploads a file.
 *
 * <pre>{@code
 * ftp.put(Path.of("report.pdf"), "/incoming/report.pdf", PutOptions.DEFAULT.withAtomic(true));
 * }</pre>
 *
 * @param resume continue the remote file from its current size (REST + STOR, or APPE); with {@link
 *     TransferType#ASCII} byte offsets do not carry over, so the upload starts from zero
 * @param atomic upload under a temporary name in the target folder, then rename it (RNFR/RNTO), so
 *     readers never see a half-written file
 * @param verifyChecksum after the upload, compare a checksum computed by the server (HASH, XSHA256,
 *     XSHA1, XMD5) with the local one when the server offers any; a mismatch fails the upload.
 *     Refused with {@link TransferType#ASCII}, which changes the bytes
 */
public record PutOptions(boolean resume, boolean atomic, boolean verifyChecksum) {
  /** A plain upload straight to the target name: the default. */
  public static final PutOptions DEFAULT = new PutOptions(false, false, false);

  /**
   * Returns a copy with {@link #resume} set.
   *
   * @param resume whether to continue the remote file from its current size
   * @return a copy with {@code resume} replaced
   */
  public PutOptions withResume(boolean resume) {
    return new PutOptions(resume, atomic, verifyChecksum);
  }

  /**
   * Returns a copy with {@link #atomic} set.
   *
   * @param atomic whether to upload under a temporary name and rename it when complete
   * @return a copy with {@code atomic} replaced
   */
  public PutOptions withAtomic(boolean atomic) {
    return new PutOptions(resume, atomic, verifyChecksum);
  }

  /**
   * Returns a copy with {@link #verifyChecksum} set.
   *
   * @param verifyChecksum whether to compare the server's checksum with the local file's
   * @return a copy with {@code verifyChecksum} replaced
   */
  public PutOptions withVerifyChecksum(boolean verifyChecksum) {
    return new PutOptions(resume, atomic, verifyChecksum);
  }
}
