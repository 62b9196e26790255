package io.inetkit.testkit.tls;

import java.security.KeyManagementException;
import java.security.SecureRandom;
import java.util.function.Supplier;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * An {@link SSLContext} whose real context (and the CA behind it) is made on first use: a server
 * that is handed one at start (Apache FtpServer builds its TLS filter then) pays for key generation
 * and JSSE only when a client actually asks for TLS.
 */
final class DeferredSslContext extends SSLContext {

  DeferredSslContext(Supplier<SSLContext> real) {
    super(new Spi(new Lazy<>(real)), null, "TLS");
  }

  /** Forwards every operation to the real context, made on the first one. */
  private static final class Spi extends SSLContextSpi {
    private final Lazy<SSLContext> real;

    Spi(Lazy<SSLContext> real) {
      this.real = real;
    }

    @Override
    protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom random)
        throws KeyManagementException {
      throw new KeyManagementException("a test PKI context is initialised already");
    }

    @Override
    protected SSLSocketFactory engineGetSocketFactory() {
      return real.get().getSocketFactory();
    }

    @Override
    protected SSLServerSocketFactory engineGetServerSocketFactory() {
      return real.get().getServerSocketFactory();
    }

    @Override
    protected SSLEngine engineCreateSSLEngine() {
      return real.get().createSSLEngine();
    }

    @Override
    protected SSLEngine engineCreateSSLEngine(String host, int port) {
      return real.get().createSSLEngine(host, port);
    }

    @Override
    protected SSLSessionContext engineGetServerSessionContext() {
      return real.get().getServerSessionContext();
    }

    @Override
    protected SSLSessionContext engineGetClientSessionContext() {
      return real.get().getClientSessionContext();
    }
  }
}
