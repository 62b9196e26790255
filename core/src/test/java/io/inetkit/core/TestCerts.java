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
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;

/**
 * Self-signed certificates made with the JDK's {@code keytool} (core must not depend on
 * testkit), and a one-shot TLS server on 127.0.0.1 that greets each client with a line.
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
      KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(ks, STORE_PASSWORD);
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(kmf.getKeyManagers(), null, null);
      return ctx;
    }
  }

  private TestCerts() {}

  /** Creates a self-signed certificate for {@code san} (e.g. {@code ip:127.0.0.1,dns:localhost}). */
  public static Cert create(Path dir, String name, String san) throws Exception {
    Path ks = dir.resolve(name + ".p12");
    Path pem = dir.resolve(name + ".pem");
    keytool("-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1",
        "-dname", "CN=" + name, "-validity", "2", "-ext", "SAN=" + san,
        "-keystore", ks.toString(), "-storetype", "PKCS12", "-storepass", new String(STORE_PASSWORD));
    keytool("-exportcert", "-rfc", "-alias", name, "-keystore", ks.toString(),
        "-storepass", new String(STORE_PASSWORD), "-file", pem.toString());
    return new Cert(ks, pem);
  }

  private static void keytool(String... args) throws Exception {
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    List<String> cmd = new java.util.ArrayList<>(List.of(keytool.toString()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException("keytool " + args[0] + " failed: " + out);
    }
  }

  /**
   * Starts a TLS server on 127.0.0.1 that sends {@code greeting} to each client after the
   * handshake; handshake failures (the client refusing the certificate) are ignored.
   */
  public static ServerSocket tlsServer(SSLContext ctx, String greeting) throws IOException {
    SSLServerSocket server =
        (SSLServerSocket) ctx.getServerSocketFactory().createServerSocket(0, 5, InetAddress.getLoopbackAddress());
    Thread t = new Thread(() -> {
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
    }, "tls-test-server");
    t.setDaemon(true);
    t.start();
    return server;
  }
}
