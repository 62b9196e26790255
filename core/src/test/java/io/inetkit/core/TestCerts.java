package io.inetkit.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;

/**
 * Self-signed certificates made with the JDK's {@code keytool} (core must not depend on testkit),
 * and a one-shot TLS server on 127.0.0.1 that greets each client with a line.
 */
public final class TestCerts {
  static final char[] STORE_PASSWORD = "changeit".toCharArray();

  /** A PKCS#12 key store with the server key and certificate, and the certificate as PEM. */
  public record Cert(Path keyStore, Path pem) {

    /** Returns a server SSL context presenting this certificate. */
    public SSLContext serverContext() throws Exception {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(keyStore)) {
        ks.load(in, STORE_PASSWORD);
      }
      KeyManagerFactory kmf =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(ks, STORE_PASSWORD);
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(kmf.getKeyManagers(), null, null);
      return ctx;
    }
  }

  private TestCerts() {}

  /**
   * Creates one self-signed certificate per {@code name=san} pair (SAN as keytool takes it, e.g.
   * {@code ip:127.0.0.1,dns:localhost}), running the keytool processes side by side.
   */
  public static List<Cert> create(Path dir, String... nameEqualsSan) throws Exception {
    List<Process> running = new ArrayList<>();
    List<Cert> certs = new ArrayList<>();
    for (String pair : nameEqualsSan) {
      String name = pair.substring(0, pair.indexOf('='));
      Path ks = dir.resolve(name + ".p12");
      running.add(
          keytool(
              "-genkeypair",
              "-alias",
              name,
              "-keyalg",
              "EC",
              "-groupname",
              "secp256r1",
              "-dname",
              "CN=" + name,
              "-validity",
              "2",
              "-ext",
              "SAN=" + pair.substring(pair.indexOf('=') + 1),
              "-keystore",
              ks.toString(),
              "-storetype",
              "PKCS12",
              "-storepass",
              new String(STORE_PASSWORD)));
      certs.add(new Cert(ks, dir.resolve(name + ".pem")));
    }
    for (int i = 0; i < running.size(); i++) {
      Process p = running.get(i);
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException("keytool failed for " + nameEqualsSan[i] + ": " + out);
      }
      writePem(certs.get(i));
    }
    return certs;
  }

  /** Starts the JDK's keytool with {@code args}. */
  static Process keytool(String... args) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    cmd.addAll(List.of("-J-XX:TieredStopAtLevel=1", "-J-XX:+UseSerialGC")); // starts faster
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).redirectErrorStream(true).start();
  }

  private static void writePem(Cert cert) throws Exception {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(cert.keyStore())) {
      ks.load(in, STORE_PASSWORD);
    }
    byte[] der = ks.getCertificate(ks.aliases().nextElement()).getEncoded();
    String base64 =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    Files.writeString(
        cert.pem(), "-----BEGIN CERTIFICATE-----\n" + base64 + "\n-----END CERTIFICATE-----\n");
  }

  /**
   * Starts a TLS server on 127.0.0.1 that sends {@code greeting} to each client after the
   * handshake; handshake failures (the client refusing the certificate) are ignored.
   */
  public static ServerSocket tlsServer(SSLContext ctx, String greeting) throws IOException {
    SSLServerSocket server =
        (SSLServerSocket)
            ctx.getServerSocketFactory().createServerSocket(0, 5, InetAddress.getLoopbackAddress());
    Thread t =
        new Thread(
            () -> {
              while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                  s.setSoTimeout(10_000);
                  OutputStream out = s.getOutputStream();
                  out.write(greeting.getBytes(StandardCharsets.US_ASCII));
                  out.flush();
                  s.getInputStream().read(); // wait for the client to close
                } catch (IOException e) {
                  // a client that refused the certificate, or the server closing
                }
              }
            },
            "tls-test-server");
    t.setDaemon(true);
    t.start();
    return server;
  }
}
