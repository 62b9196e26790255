package io.inetkit.testkit.tls;

import io.inetkit.core.Trust;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CA and server certificate one real-server run uses, made by testkit's {@link TestPki} and
 * written as PEM files where Debian's servers read them: the chain (server certificate, then CA)
 * readable by all, the private key by root only (the servers read it before dropping privileges),
 * and the CA certificate for clients ({@code --cacert}). The certificate names {@code localhost}
 * and {@code 127.0.0.1}, so clients verify host names for real.
 *
 * <pre>{@code
 * RealServerPki pki = RealServerPki.create(dir);
 * // server: ssl_cert = <pki.chainPem(), ssl_key = <pki.keyPem(); client: pki.clientTrust()
 * }</pre>
 */
public final class RealServerPki {
  private final TestPki pki;
  private final Path chainPem;
  private final Path keyPem;
  private final Path caPem;

  private RealServerPki(TestPki pki, Path chainPem, Path keyPem, Path caPem) {
    this.pki = pki;
    this.chainPem = chainPem;
    this.keyPem = keyPem;
    this.caPem = caPem;
  }

  /**
   * Creates a new CA and server certificate and writes their files into {@code dir}.
   *
   * @param dir the folder for the files
   * @return the PKI and its files
   * @throws java.io.IOException when a file cannot be written
   */
  public static RealServerPki create(Path dir) throws IOException {
    TestPki pki = TestPki.create();
    Path chain = dir.resolve("server-chain.pem");
    Path key = dir.resolve("server-key.pem");
    pki.server().writePem(chain, key);
    Path ca = Files.copy(pki.caPemFile(), dir.resolve("ca.pem"));
    return new RealServerPki(pki, chain, key, ca);
  }

  /**
   * The server certificate followed by the CA certificate (PEM).
   *
   * @return the chain's PEM file
   */
  public Path chainPem() {
    return chainPem;
  }

  /**
   * The server's private key (PEM, unencrypted, readable by its owner only).
   *
   * @return the key's PEM file
   */
  public Path keyPem() {
    return keyPem;
  }

  /**
   * The CA certificate (PEM), for clients to trust.
   *
   * @return the CA certificate's PEM file
   */
  public Path caPem() {
    return caPem;
  }

  /**
   * Trust in exactly this CA, with host-name verification: for inetkit clients in tests.
   *
   * @return the trust for clients
   */
  public Trust clientTrust() {
    return pki.clientTrust();
  }
}
