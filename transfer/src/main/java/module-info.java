/**
 * inetkit transfer: FTP/FTPS ({@code io.inetkit.transfer.ftp}) and Gopher ({@code
 * io.inetkit.transfer.gopher}) clients.
 */
module io.inetkit.transfer {
  requires transitive io.inetkit.core;
  requires org.apache.commons.net;

  exports io.inetkit.transfer.ftp;
  exports io.inetkit.transfer.gopher;
}
