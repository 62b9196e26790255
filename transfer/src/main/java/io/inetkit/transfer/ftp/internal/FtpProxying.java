package io.inetkit.transfer.ftp.internal;

import io.inetkit.core.InvalidInputException;
import io.inetkit.core.Proxy;
import io.inetkit.core.Scheme;
import io.inetkit.core.internal.TunnelSocketFactory;
import io.inetkit.transfer.ftp.DataConnectionMode;
import io.inetkit.transfer.ftp.FtpClient;

/**
 * Sends an FTP session's connections through the client's proxy: the control connection and every
 * passive data connection (Commons Net opens both with the socket factory returned here, and the
 * data connection's tunnel leads to the control connection's server). Active mode, where the server
 * would connect back to this host past the proxy, is refused.
 */
final class FtpProxying {
  private FtpProxying() {}

  /**
   * Returns the socket factory for {@code config}'s connections: through its proxy, or direct.
   *
   * @throws InvalidInputException when a proxy applies and the data connection mode is active
   */
  static TunnelSocketFactory sockets(FtpClient config) {
    Scheme scheme = config.tlsMode().isImplicit() ? Scheme.FTPS : Scheme.FTP;
    Proxy proxy = config.proxy().select(scheme, config.endpoint().host()).orElse(null);
    if (proxy != null && config.dataConnectionMode() == DataConnectionMode.ACTIVE) {
      throw new InvalidInputException(
          "dataConnectionMode",
          "active FTP data connections cannot go through proxy "
              + proxy
              + ": the server would connect back to this host directly. Use passive mode"
              + " (DataConnectionMode.PASSIVE, the CLI's default), or reach "
              + config.endpoint().host()
              + " without the proxy (NO_PROXY, --noproxy)");
    }
    return new TunnelSocketFactory(proxy, config.endpoint());
  }
}
