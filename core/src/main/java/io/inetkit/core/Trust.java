package io.inetkit.core;

import io.inetkit.core.internal.PeerCertificates;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which server certificates a TLS connection accepts, and whether the host name is checked.
 *
 * <p>The default, {@link #system()}, is the JDK's trust store with host-name verification. A
 * private CA comes from a PEM or PKCS#12 file or a {@link KeyStore}. {@link #insecure()} accepts
 * anything and logs a warning every time it is used: for tests against throwaway servers only.
 *
 * <pre>{@code
 * Trust corporate = Trust.fromFile(Path.of("/etc/ssl/our-ca.pem"));
 * SmtpClient smtp = SmtpClient.builder().endpoint("mail.example.org", 587).trust(corporate).build();
 * }</pre>
 */
public final class Trust {
  private static final Logger LOG = LoggerFactory.getLogger(Trust.class);

  private static final Trust SYSTEM = new Trust("system", null, true);

  /**
   * The JDK property that decides, when an SSLContext is made, whether it resumes TLS 1.2 by
   * ticket.
   */
  static final String TICKETS_PROPERTY = "jdk.tls.client.enableSessionTicketExtension";

  private static final Object TICKETS_LOCK = new Object();

  private final String description;
  private final SSLContext context; // null: the JDK default, created lazily
  private final boolean verifyHostname;

  /**
   * The trust managers {@link #context} was made with; null for the JDK's or a caller's context.
   */
  private final TrustManager[] managers;

  private Trust(String description, SSLContext context, boolean verifyHostname) {
    this(description, context, verifyHostname, null);
  }

  private Trust(
      String description, SSLContext context, boolean verifyHostname, TrustManager[] managers) {
    this.description = description;
    this.context = context;
    this.verifyHostname = verifyHostname;
    this.managers = managers;
  }

  /** {@return the JDK's default trust store with host-name verification} */
  public static Trust system() {
    return SYSTEM;
  }

  /**
   * {@return trust in the CA certificates of a PEM file (one or more {@code BEGIN CERTIFICATE}
   * blocks) or a PKCS#12 file without password, plus host-name verification} Only these CAs are
   * trusted: the file <em>replaces</em> the system's trust store, it does not add to it.
   *
   * @param caFile the PEM or PKCS#12 file
   * @throws InvalidInputException when the file cannot be read or holds no certificate
   */
  public static Trust fromFile(Path caFile) {
    return fromFile(caFile, null);
  }

  /**
   * {@return trust in the CA certificates of a PEM file or of a password-protected PKCS#12 trust
   * store (such as a Java {@code truststore.p12} made by {@code keytool}), plus host-name
   * verification} Only these CAs are trusted: the file <em>replaces</em> the system's trust store.
   * The password array is not kept; the caller may clear it afterwards.
   *
   * <pre>{@code
   * Trust corporate = Trust.fromFile(Path.of("truststore.p12"), "changeit".toCharArray());
   * }</pre>
   *
   * @param password the PKCS#12 password, or {@code null} for a file without one (a PEM file has
   * @param caFile the PEM or PKCS#12 file none; a password given for it is refused)
   * @throws InvalidInputException when the file cannot be read, the password is wrong or missing,
   *     or the file holds no certificate
   */
  public static Trust fromFile(Path caFile, char[] password) {
    Objects.requireNonNull(caFile, "caFile");
    try {
      if (isPkcs12(caFile)) {
        KeyStore p12 = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(caFile)) {
          p12.load(in, password == null ? new char[0] : password);
        }
        if (p12.size() == 0) {
          throw new InvalidInputException("caFile", "no certificate in " + caFile);
        }
        return fromKeyStore(p12).describedAs("CA file " + caFile);
      }
      if (password != null) {
        throw new InvalidInputException(
            "caFile",
            caFile + " is a PEM file, which has no password: give the password only for PKCS#12");
      }
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      Collection<? extends Certificate> certs;
      try (InputStream in = Files.newInputStream(caFile)) {
        certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
      }
      if (certs.isEmpty()) {
        throw new InvalidInputException("caFile", "no certificate in " + caFile);
      }
      int i = 0;
      for (Certificate cert : certs) {
        store.setCertificateEntry("ca-" + i++, cert);
      }
      return fromKeyStore(store).describedAs("CA file " + caFile);
    } catch (IOException | GeneralSecurityException e) {
      boolean badPassword = e.getCause() instanceof java.security.UnrecoverableKeyException;
      throw new InvalidInputException(
          "caFile",
          "cannot read CA certificates from "
              + caFile
              + ": "
              + (badPassword
                  ? (password == null
                      ? "the PKCS#12 file is password-protected and no password was given"
                      : "wrong password for the PKCS#12 file")
                  : e.getMessage()),
          e);
    }
  }

  /**
   * A PKCS#12 file by its name ({@code .p12}, {@code .pfx}) or, failing that, its first byte (DER).
   */
  private static boolean isPkcs12(Path file) throws IOException {
    String name =
        file.getFileName() == null
            ? ""
            : file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    if (name.endsWith(".p12") || name.endsWith(".pfx")) {
      return true;
    }
    try (InputStream in = Files.newInputStream(file)) {
      return in.read() == 0x30; // a DER SEQUENCE; PEM starts with text
    }
  }

  /**
   * {@return trust in the certificates of {@code trustStore}, plus host-name verification}
   *
   * @param trustStore a loaded key store of trusted certificates
   * @throws InvalidInputException when the key store cannot be used
   */
  public static Trust fromKeyStore(KeyStore trustStore) {
    Objects.requireNonNull(trustStore, "trustStore");
    try {
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trustStore);
      SSLContext ctx = SSLContext.getInstance("TLS");
      TrustManager[] managers = PeerCertificates.recording(tmf.getTrustManagers());
      ctx.init(null, managers, null);
      return new Trust("key store", ctx, true, managers);
    } catch (GeneralSecurityException e) {
      throw new InvalidInputException("trustStore", "unusable trust store: " + e.getMessage(), e);
    }
  }

  /**
   * {@return trust as configured in {@code context}, with host-name verification still on} For
   * callers who already build their own {@link SSLContext} (client certificates, say).
   *
   * @param context an initialised context
   */
  public static Trust fromSslContext(SSLContext context) {
    return new Trust("custom SSLContext", Objects.requireNonNull(context, "context"), true);
  }

  /**
   * {@return trust that accepts any certificate for any host name} Logs a warning each time a
   * connection uses it. Never use it against a server you do not control.
   */
  public static Trust insecure() {
    try {
      TrustManager[] acceptAll = {new AcceptAll()};
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, acceptAll, null);
      return new Trust("INSECURE (any certificate, any host)", ctx, false, acceptAll);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("TLS is not available in this JDK", e);
    }
  }

  private Trust describedAs(String description) {
    return new Trust(description, context, verifyHostname, managers);
  }

  /**
   * {@return the same trust on a TLS context of its own that resumes TLS 1.2 sessions by session ID
   * instead of the JDK's stateless session tickets (TLS 1.3 resumption is unchanged)} For protocols
   * whose servers insist that a second connection resume the first one's TLS session: FTPS data
   * connections, where vsftpd ({@code require_ssl_reuse=YES}, its default) on OpenSSL does not
   * accept the JDK's TLS 1.2 ticket resumption and answers {@code 522}. The same as starting the
   * JVM with {@code -Djdk.tls.client.enableSessionTicketExtension=false}, for this trust's
   * connections only.
   *
   * <p>Returns this trust unchanged when that JVM property is set (the caller's choice wins) or
   * when it came from {@link #fromSslContext} (a caller's context cannot be remade).
   */
  public Trust withSessionIdResumption() {
    if (this != SYSTEM && managers == null) {
      return this;
    }
    try {
      TrustManager[] tms = managers;
      if (tms == null) {
        TrustManagerFactory tmf =
            TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init((KeyStore) null);
        tms = PeerCertificates.recording(tmf.getTrustManagers());
      }
      SSLContext ctx;
      // The JDK reads the property once, when a context's session cache is made; set it for that
      // moment only. Another context made meanwhile would resume by ID too, which is harmless.
      synchronized (TICKETS_LOCK) {
        if (System.getProperty(TICKETS_PROPERTY) != null) {
          return this;
        }
        System.setProperty(TICKETS_PROPERTY, "false");
        try {
          ctx = SSLContext.getInstance("TLS");
          ctx.init(null, tms, null);
        } finally {
          System.clearProperty(TICKETS_PROPERTY);
        }
      }
      return new Trust(description, ctx, verifyHostname, tms);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("TLS is not available in this JDK", e);
    }
  }

  /** {@return whether the certificate must match the host name (false only for insecure)} */
  public boolean verifiesHostname() {
    return verifyHostname;
  }

  /** {@return whether this is the {@link #insecure()} trust} */
  public boolean isInsecure() {
    return !verifyHostname;
  }

  /** {@return the SSL context that carries this trust} */
  public SSLContext sslContext() {
    return context != null ? context : SystemContext.INSTANCE;
  }

  /**
   * The JDK's default trust (its {@code cacerts}, or {@code javax.net.ssl.trustStore}) in a context
   * that records the certificates servers present, so a failed verification can be explained; the
   * JDK's default context itself when {@code javax.net.ssl.keyStore} asks for a client certificate.
   * Created on first use.
   */
  private static final class SystemContext {
    static final SSLContext INSTANCE = create();

    private static SSLContext create() {
      try {
        if (System.getProperty("javax.net.ssl.keyStore") != null) {
          return SSLContext.getDefault();
        }
        TrustManagerFactory tmf =
            TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init((KeyStore) null);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, PeerCertificates.recording(tmf.getTrustManagers()), null);
        return ctx;
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("TLS is not available in this JDK", e);
      }
    }
  }

  /**
   * Applies this trust's policy to a socket before its handshake: host-name verification ({@code
   * HTTPS} endpoint identification), SNI for {@code host}, TLS 1.2 and 1.3 only. Logs a warning
   * when the trust is insecure.
   *
   * @param socket a socket not yet handshaken
   * @param host the host name the certificate must match, also sent as SNI
   */
  public void configure(SSLSocket socket, String host) {
    SSLParameters params = socket.getSSLParameters();
    if (verifyHostname) {
      params.setEndpointIdentificationAlgorithm("HTTPS");
    } else {
      LOG.warn("TLS to {} without certificate or host-name verification (insecure trust)", host);
    }
    params.setProtocols(supportedModernProtocols(socket.getSupportedProtocols()));
    socket.setSSLParameters(params);
  }

  private static String[] supportedModernProtocols(String[] supported) {
    return java.util.Arrays.stream(supported)
        .filter(p -> p.equals("TLSv1.3") || p.equals("TLSv1.2"))
        .toArray(String[]::new);
  }

  /** {@return a short description for logs and messages, e.g. {@code "system"}} */
  @Override
  public String toString() {
    return "Trust[" + description + "]";
  }

  private static final class AcceptAll implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
