package io.inetkit.testkit.tls;

import io.inetkit.core.Trust;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
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
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;

/**
 * Throwaway TLS material made at run time: a private CA and server certificates it issues, so
 * tests exercise real certificate and host-name verification instead of trusting everything.
 *
 * <pre>{@code
 * TestPki pki = TestPki.create();                       // CA + cert for localhost, 127.0.0.1, ::1
 * SSLContext serverSide = pki.serverSslContext();        // give this to a server
 * Trust clientSide = pki.clientTrust();                  // give this to an inetkit client
 * Path caPem = pki.caPemFile();                          // or this to curl --cacert
 * TestPki.ServerIdentity other = pki.issue("wrong.example"); // for host-name mismatch tests
 * }</pre>
 *
 * Keys are EC P-256 (fast to generate). Certificates are valid from one hour ago for 30 days.
 */
public final class TestPki {
  /** Names the default server certificate covers. */
  public static final List<String> LOCAL_NAMES = List.of("localhost", "127.0.0.1", "::1");

  private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());
  private static final char[] STORE_PASSWORD = "changeit".toCharArray();

  private final KeyPair caKeys;
  private final X509Certificate caCert;
  private final ServerIdentity server;
  private Path caPemFile;

  private TestPki() throws GeneralSecurityException {
    this.caKeys = newKeyPair();
    X500Name caName = new X500Name("CN=inetkit testkit CA " + SERIAL.get());
    Instant now = Instant.now();
    this.caCert = sign(caName, caName, caKeys.getPublic(), caKeys, true, List.of(),
        now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(30)));
    this.server = issue(LOCAL_NAMES.toArray(String[]::new));
  }

  /** Creates a new CA and a server certificate for {@link #LOCAL_NAMES}. */
  public static TestPki create() {
    try {
      return new TestPki();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot create test PKI", e);
    }
  }

  /** Returns the CA certificate. */
  public X509Certificate caCertificate() {
    return caCert;
  }

  /** Returns the server identity for localhost, 127.0.0.1 and ::1. */
  public ServerIdentity server() {
    return server;
  }

  /** Returns an {@link SSLContext} that presents {@link #server()}: for servers. */
  public SSLContext serverSslContext() {
    return server.sslContext();
  }

  /** Returns the inetkit {@link Trust} that accepts exactly this CA, with host-name checks. */
  public Trust clientTrust() {
    return Trust.fromKeyStore(trustStore());
  }

  /** Returns a key store holding the CA certificate as a trusted entry. */
  public KeyStore trustStore() {
    try {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      ks.setCertificateEntry("inetkit-test-ca", caCert);
      return ks;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Returns an {@link SSLContext} that trusts only this CA: for third-party clients in tests. */
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

  /** Returns the CA certificate as a PEM file in a temp folder (written once, then reused). */
  public synchronized Path caPemFile() {
    if (caPemFile == null) {
      try {
        Path file = Files.createTempFile("inetkit-test-ca-", ".pem");
        file.toFile().deleteOnExit();
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII);
            JcaPEMWriter pem = new JcaPEMWriter(w)) {
          pem.writeObject(caCert);
        }
        caPemFile = file;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return caPemFile;
  }

  /**
   * Issues a server certificate for {@code names} (DNS names or IP literals), signed by this CA.
   */
  public ServerIdentity issue(String... names) {
    Instant now = Instant.now();
    return issue(now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(30)), names);
  }

  /**
   * Issues a server certificate for {@code names} valid from {@code notBefore} to {@code
   * notAfter}: in the past for an expired certificate, in the future for one not yet valid.
   *
   * <pre>{@code
   * ServerIdentity expired = pki.issue(Instant.now().minus(Duration.ofDays(30)),
   *     Instant.now().minus(Duration.ofDays(1)), "localhost", "127.0.0.1");
   * }</pre>
   */
  public ServerIdentity issue(Instant notBefore, Instant notAfter, String... names) {
    try {
      KeyPair keys = newKeyPair();
      X509Certificate cert =
          sign(
              new X500Name("CN=" + names[0]),
              new X500Name(caCert.getSubjectX500Principal().getName()),
              keys.getPublic(),
              caKeys,
              false,
              List.of(names),
              notBefore,
              notAfter);
      return new ServerIdentity(keys, cert, caCert);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot issue certificate for " + List.of(names), e);
    }
  }

  /** A server's key and certificate chain. */
  public static final class ServerIdentity {
    private final KeyPair keys;
    private final X509Certificate cert;
    private final X509Certificate ca;

    private ServerIdentity(KeyPair keys, X509Certificate cert, X509Certificate ca) {
      this.keys = keys;
      this.cert = cert;
      this.ca = ca;
    }

    /** Returns the server certificate. */
    public X509Certificate certificate() {
      return cert;
    }

    /** Returns a PKCS#12 key store (password {@link #keyStorePassword()}) with key and chain. */
    public KeyStore keyStore() {
      try {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("server", keys.getPrivate(), STORE_PASSWORD, new X509Certificate[] {cert, ca});
        return ks;
      } catch (GeneralSecurityException | IOException e) {
        throw new IllegalStateException(e);
      }
    }

    /** Returns the password of {@link #keyStore()} and of the key in it. */
    public char[] keyStorePassword() {
      return STORE_PASSWORD.clone();
    }

    /** Writes {@link #keyStore()} to a temp PKCS#12 file and returns it (for servers that take a file). */
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
     * Writes the certificate chain (server, then CA) and the unencrypted private key as PEM files,
     * for servers configured with files (vsftpd's {@code rsa_cert_file} and {@code
     * rsa_private_key_file}); the key file is readable by its owner only.
     */
    public void writePem(Path chainFile, Path keyFile) {
      try {
        try (Writer w = Files.newBufferedWriter(chainFile, StandardCharsets.US_ASCII);
            JcaPEMWriter pem = new JcaPEMWriter(w)) {
          pem.writeObject(cert);
          pem.writeObject(ca);
        }
        Files.deleteIfExists(keyFile);
        Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(
            PosixFilePermissions.fromString("rw-------")));
        try (Writer w = Files.newBufferedWriter(keyFile, StandardCharsets.US_ASCII);
            JcaPEMWriter pem = new JcaPEMWriter(w)) {
          pem.writeObject(new PemObject("PRIVATE KEY", keys.getPrivate().getEncoded()));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Returns an {@link SSLContext} that presents this identity. */
    public SSLContext sslContext() {
      try {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keyStore(), STORE_PASSWORD);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, new SecureRandom());
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

  private static X509Certificate sign(
      X500Name subject,
      X500Name issuer,
      java.security.PublicKey subjectKey,
      KeyPair issuerKeys,
      boolean ca,
      List<String> names,
      Instant notBefore,
      Instant notAfter)
      throws GeneralSecurityException {
    try {
      X509v3CertificateBuilder b =
          new JcaX509v3CertificateBuilder(
              issuer,
              BigInteger.valueOf(SERIAL.incrementAndGet()),
              Date.from(notBefore),
              Date.from(notAfter),
              subject,
              subjectKey);
      JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
      b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(subjectKey));
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
      if (ca) {
        b.addExtension(
            Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      } else {
        b.addExtension(
            Extension.authorityKeyIdentifier,
            false,
            ext.createAuthorityKeyIdentifier(issuerKeys.getPublic()));
        b.addExtension(
            Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement));
        b.addExtension(
            Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        List<GeneralName> sans = new ArrayList<>();
        for (String n : names) {
          boolean ip = n.matches("[0-9.]+") || n.contains(":");
          sans.add(new GeneralName(ip ? GeneralName.iPAddress : GeneralName.dNSName, n));
        }
        b.addExtension(
            Extension.subjectAlternativeName, false, new GeneralNames(sans.toArray(GeneralName[]::new)));
      }
      ContentSigner signer = new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate());
      return new JcaX509CertificateConverter().getCertificate(b.build(signer));
    } catch (org.bouncycastle.operator.OperatorCreationException | IOException e) {
      throw new GeneralSecurityException(e);
    }
  }
}
