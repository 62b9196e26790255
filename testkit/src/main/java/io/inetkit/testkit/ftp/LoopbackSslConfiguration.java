package io.inetkit.testkit.ftp;

import java.security.GeneralSecurityException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import org.apache.ftpserver.ssl.ClientAuth;
import org.apache.ftpserver.ssl.SslConfiguration;

/**
 * Hands a ready {@link SSLContext} (from TestPki) to Apache FtpServer; TLS 1.2 and 1.3 unless told
 * otherwise.
 */
final class LoopbackSslConfiguration implements SslConfiguration {
  private final SSLContext context;
  private final String[] protocols;

  LoopbackSslConfiguration(SSLContext context, String[] protocols) {
    this.context = context;
    this.protocols = protocols.clone();
  }

  @Override
  public SSLSocketFactory getSocketFactory() {
    return context.getSocketFactory();
  }

  @Override
  public SSLContext getSSLContext() {
    return context;
  }

  @Override
  public SSLContext getSSLContext(String protocol) throws GeneralSecurityException {
    return context;
  }

  @Override
  public String[] getEnabledCipherSuites() {
    return null; // the JDK's defaults
  }

  @Override
  public String getEnabledProtocol() {
    return "TLS";
  }

  @Override
  public String[] getEnabledProtocols() {
    return protocols.clone();
  }

  @Override
  public ClientAuth getClientAuth() {
    return ClientAuth.NONE;
  }
}
