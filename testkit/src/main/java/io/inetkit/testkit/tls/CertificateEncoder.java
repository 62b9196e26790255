package io.inetkit.testkit.tls;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import javax.security.auth.x500.X500Principal;

/**
 * Encodes and signs X.509 v3 certificates (RFC 5280) with the JDK alone: the DER structure is
 * written by {@link Der}, the signature made by {@link Signature} ({@code SHA256withECDSA}), and
 * the result parsed back by the JDK's {@link CertificateFactory}, which rejects malformed DER.
 *
 * <p>A CA certificate carries basicConstraints (critical, cA), keyUsage (critical, keyCertSign and
 * cRLSign) and a subject key identifier. A server certificate carries basicConstraints (critical,
 * not a CA), keyUsage (critical, digitalSignature and keyAgreement), extendedKeyUsage serverAuth,
 * subject and authority key identifiers, and a subjectAltName with a dNSName or iPAddress entry per
 * name.
 */
final class CertificateEncoder {
  private static final String ECDSA_WITH_SHA256 = "1.2.840.10045.4.3.2";
  private static final String SUBJECT_KEY_IDENTIFIER = "2.5.29.14";
  private static final String KEY_USAGE = "2.5.29.15";
  private static final String SUBJECT_ALT_NAME = "2.5.29.17";
  private static final String BASIC_CONSTRAINTS = "2.5.29.19";
  private static final String AUTHORITY_KEY_IDENTIFIER = "2.5.29.35";
  private static final String EXTENDED_KEY_USAGE = "2.5.29.37";
  private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";

  private static final int DIGITAL_SIGNATURE = 0;
  private static final int KEY_AGREEMENT = 4;
  private static final int KEY_CERT_SIGN = 5;
  private static final int CRL_SIGN = 6;

  private CertificateEncoder() {}

  /** A self-signed CA certificate for {@code keys}. */
  static X509Certificate ca(
      X500Principal name, KeyPair keys, BigInteger serial, Instant notBefore, Instant notAfter)
      throws GeneralSecurityException {
    byte[] extensions =
        Der.sequence(
            extension(SUBJECT_KEY_IDENTIFIER, false, Der.octetString(keyId(keys.getPublic()))),
            extension(BASIC_CONSTRAINTS, true, Der.sequence(Der.bool(true))),
            extension(KEY_USAGE, true, Der.namedBits(KEY_CERT_SIGN, CRL_SIGN)));
    return sign(name, name, keys.getPublic(), keys, serial, notBefore, notAfter, extensions);
  }

  /** A server certificate for {@code names} (DNS names or IP literals), signed by the CA. */
  static X509Certificate server(
      List<String> names,
      PublicKey key,
      X509Certificate ca,
      KeyPair caKeys,
      BigInteger serial,
      Instant notBefore,
      Instant notAfter)
      throws GeneralSecurityException {
    byte[][] altNames = new byte[names.size()][];
    for (int i = 0; i < altNames.length; i++) {
      altNames[i] = generalName(names.get(i));
    }
    byte[] extensions =
        Der.sequence(
            extension(SUBJECT_KEY_IDENTIFIER, false, Der.octetString(keyId(key))),
            extension(
                AUTHORITY_KEY_IDENTIFIER,
                false,
                Der.sequence(Der.implicit(0, keyId(caKeys.getPublic())))),
            extension(BASIC_CONSTRAINTS, true, Der.sequence()),
            extension(KEY_USAGE, true, Der.namedBits(DIGITAL_SIGNATURE, KEY_AGREEMENT)),
            extension(EXTENDED_KEY_USAGE, false, Der.sequence(Der.oid(SERVER_AUTH))),
            extension(SUBJECT_ALT_NAME, false, Der.sequence(altNames)));
    return sign(
        new X500Principal("CN=" + names.get(0).replace(",", "\\,")),
        ca.getSubjectX500Principal(),
        key,
        caKeys,
        serial,
        notBefore,
        notAfter,
        extensions);
  }

  private static X509Certificate sign(
      X500Principal subject,
      X500Principal issuer,
      PublicKey subjectKey,
      KeyPair issuerKeys,
      BigInteger serial,
      Instant notBefore,
      Instant notAfter,
      byte[] extensions)
      throws GeneralSecurityException {
    byte[] algorithm = Der.sequence(Der.oid(ECDSA_WITH_SHA256));
    byte[] tbs =
        Der.sequence(
            Der.explicit(0, Der.integer(BigInteger.TWO)), // v3
            Der.integer(serial),
            algorithm,
            issuer.getEncoded(),
            Der.sequence(Der.time(notBefore), Der.time(notAfter)),
            subject.getEncoded(),
            subjectKey.getEncoded(), // SubjectPublicKeyInfo, DER already
            Der.explicit(3, extensions));
    Signature signer = Signature.getInstance("SHA256withECDSA");
    signer.initSign(issuerKeys.getPrivate());
    signer.update(tbs);
    byte[] certificate = Der.sequence(tbs, algorithm, Der.bitString(signer.sign()));
    return (X509Certificate)
        CertificateFactory.getInstance("X.509")
            .generateCertificate(new ByteArrayInputStream(certificate));
  }

  private static byte[] extension(String oid, boolean critical, byte[] value) {
    return critical
        ? Der.sequence(Der.oid(oid), Der.bool(true), Der.octetString(value))
        : Der.sequence(Der.oid(oid), Der.octetString(value)); // DEFAULT FALSE is omitted in DER
  }

  /** dNSName [2] for a host name, iPAddress [7] (4 or 16 bytes) for an IP literal. */
  private static byte[] generalName(String name) {
    if (isIpLiteral(name)) {
      try {
        return Der.implicit(7, InetAddress.getByName(name).getAddress()); // a literal: no lookup
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException("not an IP address: " + name, e);
      }
    }
    return Der.implicit(2, name.getBytes(StandardCharsets.US_ASCII));
  }

  static boolean isIpLiteral(String name) {
    return name.contains(":") || name.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
  }

  /**
   * A key identifier: the SHA-1 of the encoded SubjectPublicKeyInfo (RFC 5280 4.2.1.2 allows any
   * method that yields unique values).
   */
  private static byte[] keyId(PublicKey key) throws GeneralSecurityException {
    return MessageDigest.getInstance("SHA-1").digest(key.getEncoded());
  }

  /** PEM text ({@code -----BEGIN type-----}, base64 in 64-column lines) for DER bytes. */
  static String pem(String type, byte[] der) {
    String base64 =
        java.util.Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + base64 + "\n-----END " + type + "-----\n";
  }
}
