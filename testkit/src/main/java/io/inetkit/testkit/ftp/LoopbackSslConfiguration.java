package io.inetkit.testkit.ftp;

import java.security.GeneralSecurityException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import org.apache.ftpserver.ssl.ClientAuth;
import org.apache.ftpserver.ssl.SslConfiguration;

/** Hands a ready {@link SSLContext} (from TestPki) to Apache FtpServer; TLS 1.2 and 1.3. */
final class LoopbackSslConfiguration implements SslConfiguration {
  private final SSLContext context;

  LoopbackSslConfiguration(SSLContext context) {
    this.context = context;
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
    return new String[] {"TLSv1.3", "TLSv1.2"};
  }

  @Override
  public ClientAuth getClientAuth() {
    return ClientAuth.NONE;
  }
}
