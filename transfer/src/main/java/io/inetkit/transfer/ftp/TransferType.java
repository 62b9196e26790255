package io.inetkit.transfer.ftp;

/**
 * How file contents travel: {@link #BINARY} (the default) moves bytes unchanged; {@link #ASCII}
 * lets the server translate line ends, which corrupts anything that is not text.
 *
 * <pre>{@code
 * FtpClient.builder().endpoint("ftp.example.org", 21).transferType(TransferType.ASCII);
 * }</pre>
 */
public enum TransferType {
  /** TYPE I: bytes unchanged. */
  BINARY,
  /**
   * TYPE A: text with line ends translated (CRLF on the wire, this JVM's line end locally). No size
   * check, no resuming at a byte offset: a dropped transfer starts again from zero.
   */
  ASCII
}
