package io.inetkit.core.internal;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Remembers the certificate chain a server presented in the handshake running on this thread, so a
 * failed verification can be explained with what the certificate says (its names, its validity
 * dates) rather than the JDK's "validity check failed". The JDK runs a client socket's handshake on
 * the thread that calls {@code startHandshake()}. Not part of the public API.
 *
 * <pre>{@code
 * ctx.init(null, PeerCertificates.recording(tmf.getTrustManagers()), null);
 * PeerCertificates.clear();
 * socket.startHandshake();             // fails
 * X509Certificate[] chain = PeerCertificates.last();
 * }</pre>
 */
public final class PeerCertificates {
  private static final ThreadLocal<X509Certificate[]> LAST = new ThreadLocal<>();

  private PeerCertificates() {}

  /** Forgets what an earlier handshake on this thread presented. */
  public static void clear() {
    LAST.remove();
  }

  /** Returns the chain presented in this thread's last handshake (server first), or null. */
  public static X509Certificate[] last() {
    X509Certificate[] chain = LAST.get();
    return chain == null ? null : chain.clone();
  }

  /**
   * Returns {@code managers} with each extended X.509 trust manager (the JDK's are) recording the
   * chain it is asked to check. Others are left as they are: wrapping a plain {@link
   * javax.net.ssl.X509TrustManager} in an extended one would switch off the JDK's host-name check.
   */
  public static TrustManager[] recording(TrustManager[] managers) {
    TrustManager[] result = managers.clone();
    for (int i = 0; i < result.length; i++) {
      if (result[i] instanceof X509ExtendedTrustManager x509) {
        result[i] = new Recording(x509);
      }
    }
    return result;
  }

  /** Records the chain, then lets the wrapped manager decide (host name included). */
  private static final class Recording extends X509ExtendedTrustManager {
    private final X509ExtendedTrustManager delegate;

    Recording(X509ExtendedTrustManager delegate) {
      this.delegate = delegate;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      LAST.set(chain.clone());
      delegate.checkServerTrusted(chain, authType, socket);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      LAST.set(chain.clone());
      delegate.checkServerTrusted(chain, authType, engine);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      LAST.set(chain.clone());
      delegate.checkServerTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      delegate.checkClientTrusted(chain, authType, socket);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      delegate.checkClientTrusted(chain, authType, engine);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      delegate.checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return delegate.getAcceptedIssuers();
    }
  }
}
