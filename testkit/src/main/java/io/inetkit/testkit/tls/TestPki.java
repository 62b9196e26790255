package io.inetkit.testkit.tls;

import io.inetkit.core.Trust;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.security.auth.x500.X500Principal;

/**
 * Throwaway TLS material made at run time: a private CA and server certificates it issues, so tests
 * exercise real certificate and host-name verification instead of trusting everything.
 *
 * <pre>{@code
 * TestPki pki = TestPki.shared();                       // one CA per JVM, made on first use
 * SSLContext serverSide = pki.serverSslContext();        // give this to a server
 * Trust clientSide = pki.clientTrust();                  // give this to an inetkit client
 * Path caPem = pki.caPemFile();                          // or this to curl --cacert
 * TestPki.ServerIdentity other = pki.issue("wrong.example"); // for host-name mismatch tests
 * TestPki.ServerIdentity expired =                        // for validity tests
 *     pki.issue(Instant.now().minus(Duration.ofDays(2)), Instant.now().minus(Duration.ofDays(1)), "localhost");
 * TestPki fresh = TestPki.create();                      // a CA nobody trusts yet
 * }</pre>
 *
 * <p>Keys are EC P-256 (fast to generate). Certificates are X.509 v3, encoded and signed with the
 * JDK alone (no Bouncy Castle), and valid from one hour ago for 30 days unless issued with other
 * dates. The server certificate's subjectAltName lists {@link #LOCAL_NAMES}; it carries
 * basicConstraints (not a CA), keyUsage digitalSignature and keyAgreement, and extendedKeyUsage
 * serverAuth; the CA certificate carries basicConstraints cA and keyUsage keyCertSign, cRLSign.
 *
 * <p>The servers of this testkit use {@link #shared()} unless given another, so the CA and its PEM
 * file are made once per JVM rather than once per test class.
 */
public final class TestPki {
  /** Names the default server certificate covers. */
  public static final List<String> LOCAL_NAMES = List.of("localhost", "127.0.0.1", "::1");

  private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());
  private static final char[] STORE_PASSWORD = "changeit".toCharArray();
  private static final Duration BACKDATE = Duration.ofHours(1);
  private static final Duration LIFETIME = Duration.ofDays(30);

  private final Lazy<Ca> ca =
      new Lazy<>(TestPki::newCa); // a server that never speaks TLS never pays
  private final SSLContext serverContext = new DeferredSslContext(() -> server().sslContext());
  private Path caPemFile;

  /** The CA's keys and certificate, and the default server identity it issued. */
  private record Ca(KeyPair keys, X509Certificate cert, ServerIdentity server) {}

  private TestPki() {}

  private Ca ca() {
    return ca.get();
  }

  private static Ca newCa() {
    try {
      Instant now = Instant.now();
      KeyPair keys = newKeyPair();
      X509Certificate cert =
          CertificateEncoder.ca(
              new X500Principal("CN=inetkit testkit CA " + SERIAL.get()),
              keys,
              nextSerial(),
              now.minus(BACKDATE),
              now.plus(LIFETIME));
      return new Ca(
          keys, cert, issue(keys, cert, now.minus(BACKDATE), now.plus(LIFETIME), LOCAL_NAMES));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot create test PKI", e);
    }
  }

  /**
   * Creates a new CA and a server certificate for {@link #LOCAL_NAMES}, right away.
   *
   * @return the new PKI
   */
  public static TestPki create() {
    TestPki pki = new TestPki();
    pki.ca();
    return pki;
  }

  /**
   * {@return the PKI every testkit server uses when given none: one per JVM, its CA and keys made
   * when first needed (the first TLS handshake, {@link #caPemFile()}, ...), not before} Use {@link
   * #create()} for a CA of your own (say, one the client must not trust).
   */
  public static TestPki shared() {
    return Shared.PKI;
  }

  /** Holder: the JVM creates the shared PKI on first access, exactly once. */
  private static final class Shared {
    static final TestPki PKI = new TestPki();
  }

  /** {@return the CA certificate} */
  public X509Certificate caCertificate() {
    return ca().cert();
  }

  /** {@return the server identity for localhost, 127.0.0.1 and ::1} */
  public ServerIdentity server() {
    return ca().server();
  }

  /**
   * {@return an {@link SSLContext} that presents {@link #server()}: for servers} The CA, the key
   * and the JDK's TLS machinery are made on its first use (a handshake, a socket factory), so a
   * server can be given it at start for free.
   */
  public SSLContext serverSslContext() {
    return serverContext;
  }

  /** {@return the inetkit {@link Trust} that accepts exactly this CA, with host-name checks} */
  public Trust clientTrust() {
    return Trust.fromKeyStore(trustStore());
  }

  /** {@return a key store holding the CA certificate as a trusted entry} */
  public KeyStore trustStore() {
    try {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      ks.setCertificateEntry("inetkit-test-ca", caCertificate());
      return ks;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@return an {@link SSLContext} that trusts only this CA: for third-party clients in tests} */
  public SSLContext clientSslContext() {
    try {
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trustStore());
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, tmf.getTrustManagers(), new SecureRandom());
      return ctx;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@return the CA certificate as a PEM file in a temp folder (written once, then reused)} */
  public synchronized Path caPemFile() {
    if (caPemFile == null) {
      try {
        Path file = Files.createTempFile("inetkit-test-ca-", ".pem");
        file.toFile().deleteOnExit();
        Files.writeString(file, pem(caCertificate()), StandardCharsets.US_ASCII);
        caPemFile = file;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return caPemFile;
  }

  /**
   * Issues a server certificate for {@code names} (DNS names or IP literals), signed by this CA,
   * valid from one hour ago for 30 days.
   *
   * @param names the DNS names and IP literals
   * @return the certificate and its key
   */
  public ServerIdentity issue(String... names) {
    Instant now = Instant.now();
    return issue(now.minus(BACKDATE), now.plus(LIFETIME), names);
  }

  /**
   * Issues a server certificate for {@code names} valid from {@code notBefore} to {@code notAfter}:
   * dates in the past make an expired certificate, dates in the future one that is not yet valid
   * (clients must refuse both).
   *
   * @param notBefore the start of validity
   * @param notAfter the end of validity
   * @param names the DNS names and IP literals
   * @return the certificate and its key
   * @throws IllegalArgumentException when no name is given or {@code notAfter} is before {@code
   *     notBefore}
   */
  public ServerIdentity issue(Instant notBefore, Instant notAfter, String... names) {
    Objects.requireNonNull(notBefore, "notBefore");
    Objects.requireNonNull(notAfter, "notAfter");
    if (names.length == 0) {
      throw new IllegalArgumentException("at least one name is needed");
    }
    if (notAfter.isBefore(notBefore)) {
      throw new IllegalArgumentException(
          "notAfter " + notAfter + " is before notBefore " + notBefore);
    }
    for (String name : names) {
      if (name == null
          || name.isBlank()
          || !StandardCharsets.US_ASCII.newEncoder().canEncode(name)) {
        throw new IllegalArgumentException("not a DNS name or IP literal: " + name);
      }
    }
    Ca issuer = ca();
    try {
      return issue(issuer.keys(), issuer.cert(), notBefore, notAfter, List.of(names));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot issue certificate for " + List.of(names), e);
    }
  }

  private static ServerIdentity issue(
      KeyPair caKeys,
      X509Certificate caCert,
      Instant notBefore,
      Instant notAfter,
      List<String> names)
      throws GeneralSecurityException {
    KeyPair keys = newKeyPair();
    X509Certificate cert =
        CertificateEncoder.server(
            names, keys.getPublic(), caCert, caKeys, nextSerial(), notBefore, notAfter);
    return new ServerIdentity(keys, cert, caCert);
  }

  /** A server's key and certificate chain. */
  public static final class ServerIdentity {
    private final KeyPair keys;
    private final X509Certificate cert;
    private final X509Certificate ca;
    private final Lazy<SSLContext> sslContext = new Lazy<>(this::newSslContext);

    private ServerIdentity(KeyPair keys, X509Certificate cert, X509Certificate ca) {
      this.keys = keys;
      this.cert = cert;
      this.ca = ca;
    }

    /** {@return the server certificate} */
    public X509Certificate certificate() {
      return cert;
    }

    /** {@return a PKCS#12 key store (password {@link #keyStorePassword()}) with key and chain} */
    public KeyStore keyStore() {
      try {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry(
            "server", keys.getPrivate(), STORE_PASSWORD, new X509Certificate[] {cert, ca});
        return ks;
      } catch (GeneralSecurityException | IOException e) {
        throw new IllegalStateException(e);
      }
    }

    /** {@return the password of {@link #keyStore()} and of the key in it} */
    public char[] keyStorePassword() {
      return STORE_PASSWORD.clone();
    }

    /**
     * Writes {@link #keyStore()} to a temp PKCS#12 file and returns it (for servers that take a
     * file).
     *
     * @return the file written
     */
    public Path keyStoreFile() {
      try {
        Path file = Files.createTempFile("inetkit-test-server-", ".p12");
        file.toFile().deleteOnExit();
        try (var out = Files.newOutputStream(file)) {
          keyStore().store(out, STORE_PASSWORD);
        }
        return file;
      } catch (IOException | GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }

    /**
     * Writes the certificate chain (server, then CA) and the unencrypted PKCS#8 private key as PEM
     * files, for servers configured with files (vsftpd's {@code rsa_cert_file} and {@code
     * rsa_private_key_file}); the key file is readable by its owner only.
     *
     * @param chainFile the file for the certificate chain
     * @param keyFile the file for the private key
     */
    public void writePem(Path chainFile, Path keyFile) {
      try {
        Files.writeString(chainFile, pem(cert) + pem(ca), StandardCharsets.US_ASCII);
        Files.deleteIfExists(keyFile);
        Files.createFile(
            keyFile,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(
            keyFile,
            CertificateEncoder.pem("PRIVATE KEY", keys.getPrivate().getEncoded()),
            StandardCharsets.US_ASCII);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /**
     * {@return an {@link SSLContext} that presents this identity: made on the first call, then the
     * same context (an initialised context is safe to share between servers and threads)}
     */
    public SSLContext sslContext() {
      return sslContext.get();
    }

    private SSLContext newSslContext() {
      try {
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(
            new javax.net.ssl.KeyManager[] {new SingleKeyManager(keys.getPrivate(), cert, ca)},
            null,
            null);
        return ctx;
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private static KeyPair newKeyPair() throws GeneralSecurityException {
    KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
    gen.initialize(256);
    return gen.generateKeyPair();
  }

  private static BigInteger nextSerial() {
    return BigInteger.valueOf(SERIAL.incrementAndGet());
  }

  private static String pem(X509Certificate cert) {
    try {
      return CertificateEncoder.pem("CERTIFICATE", cert.getEncoded());
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
  }
}
