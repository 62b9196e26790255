package io.inetkit.transfer.ftp;

/**
 * Who opens FTP data connections.
 *
 * <pre>{@code
 * FtpClient.builder().endpoint("ftp.example.org", 21).dataConnectionMode(DataConnectionMode.ACTIVE);
 * }</pre>
 */
public enum DataConnectionMode {
  /**
   * The client connects to the server (EPSV, falling back to PASV). The address in a PASV reply is
   * ignored: the client always connects to the control connection's peer, so a server cannot send
   * data connections elsewhere. The default.
   */
  PASSIVE,
  /** The server connects back to the client (PORT, or EPRT over IPv6). Fails behind NAT. */
  ACTIVE
}
