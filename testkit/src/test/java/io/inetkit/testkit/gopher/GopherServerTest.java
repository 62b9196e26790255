package io.inetkit.testkit.gopher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inetkit.testkit.tls.TestPki;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Proves the Gopher server with raw sockets, and its gophers listener with TLS verification. */
class GopherServerTest {
  private static final TestPki PKI = TestPki.create();
  private static GopherServer server;
  private static byte[] binary;

  @BeforeAll
  static void start() throws IOException {
    server = GopherServer.builder().tls(PKI).start();
    server.file("readme.txt", "Hello\n.hidden dot\n..two dots\r\nno newline at end");
    server.file("docs/guide.txt", "guide\n");
    server.file(".docs-abstract-ignored", "x");
    server.file("docs/.guide.txt.abstract", "A short guide.\nSecond line.\n");
    server.file("docs/.guide.txt.view.html", "<p>guide</p>");
    server.file("logo.gif", new byte[] {'G', 'I', 'F', '8', '9', 'a', 0});
    server.file("photo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0});
    server.file("page.html", "<html></html>");
    binary = new byte[1 << 20];
    new Random(7).nextBytes(binary);
    server.file("data.bin", binary);
    server.file(
        "links/gophermap",
        "Links to elsewhere\n# a comment\nhInetkit home\tURL:https://example.org/inetkit\n"
            + "1Floodgap\t/\tgopher.floodgap.com\t70\n");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void rootMenuListsEveryTypeWithGopherPlusMarkers() throws IOException {
    String menu = fetch("\r\n");
    int p = server.port();
    assertThat(menu)
        .startsWith("iIndex of /\t\terror.host\t1\r\n")
        .contains("7Search file names\t/.search\t127.0.0.1\t" + p + "\t+\r\n")
        .contains("9data.bin\t/data.bin\t127.0.0.1\t" + p + "\t+\r\n")
        .contains("1docs\t/docs\t127.0.0.1\t" + p + "\t+\r\n")
        .contains("glogo.gif" + "\t/logo.gif\t127.0.0.1\t" + p + "\t+\r\n")
        .contains("Iphoto.png\t/photo.png\t")
        .contains("hpage.html\t/page.html\t")
        .contains("0readme.txt\t/readme.txt\t")
        .doesNotContain("abstract")
        .endsWith("\r\n.\r\n");
  }

  @Test
  void textIsDotStuffedWithCrlfAndTerminated() throws IOException {
    assertThat(fetch("/readme.txt\r\n"))
        .isEqualTo("Hello\r\n..hidden dot\r\n...two dots\r\nno newline at end\r\n.\r\n");
  }

  @Test
  void binaryIsSentRawUntilClose() throws IOException {
    assertThat(fetchBytes(server.port(), "/data.bin\r\n", false)).isEqualTo(binary);
  }

  @Test
  void searchFindsFileNames() throws IOException {
    String hits = fetch("/.search\tGUIDE\r\n");
    assertThat(hits)
        .startsWith("i1 match(es) for GUIDE\t")
        .contains("0guide.txt\t/docs/guide.txt\t127.0.0.1\t" + server.port() + "\t+\r\n")
        .endsWith(".\r\n");
    assertThat(server.requests()).contains("/.search\tGUIDE");
  }

  @Test
  void unknownOrEscapingSelectorsGiveErrorItems() throws IOException {
    assertThat(fetch("/nope.txt\r\n"))
        .isEqualTo("3'/nope.txt' does not exist\t\terror.host\t1\r\n.\r\n");
    assertThat(fetch("/../../etc/passwd\r\n")).startsWith("3'/../../etc/passwd' does not exist");
    assertThat(fetch("/docs/.guide.txt.abstract\r\n")).startsWith("3");
  }

  @Test
  void gophermapAndUrlSelectors() throws IOException {
    assertThat(fetch("/links\r\n"))
        .isEqualTo(
            "iLinks to elsewhere\t\terror.host\t1\r\n"
                + "hInetkit home\tURL:https://example.org/inetkit\t127.0.0.1\t"
                + server.port()
                + "\r\n1Floodgap\t/\tgopher.floodgap.com\t70\r\n.\r\n");
    assertThat(fetch("URL:https://example.org/inetkit\r\n"))
        .contains("content=\"0;URL=https://example.org/inetkit\"");
  }

  @Test
  void gopherPlusItemAttributes() throws IOException {
    String attrs = fetch("/docs/guide.txt\t!\r\n");
    assertThat(attrs)
        .startsWith(
            "+-1\r\n+INFO: 0guide.txt\t/docs/guide.txt\t127.0.0.1\t" + server.port() + "\t+\r\n")
        .contains("+ADMIN:\r\n Admin: inetkit testkit <gopher@localhost>\r\n Mod-Date: <")
        .contains("+VIEWS:\r\n text/plain: <1k>\r\n text/html: <1k>\r\n")
        .contains("+ABSTRACT:\r\n A short guide.\r\n Second line.\r\n")
        .endsWith(".\r\n");
  }

  @Test
  void gopherPlusDirectoryAttributes() throws IOException {
    String attrs = fetch("\t$\r\n");
    assertThat(attrs).startsWith("+-1\r\n+INFO: 9data.bin\t");
    assertThat(attrs.split("\\+INFO: ", -1)).hasSize(1 + 7); // one block per visible entry
    assertThat(attrs).contains("+INFO: 1docs\t/docs\t").contains(" application/gopher+-menu: <1k>");
  }

  @Test
  void gopherPlusViewsAndHeaders() throws IOException {
    assertThat(fetch("/docs/guide.txt\t+text/html\r\n")).isEqualTo("+12\r\n<p>guide</p>");
    assertThat(fetch("/docs/guide.txt\t+text/plain En_US\r\n")).isEqualTo("+-1\r\nguide\r\n.\r\n");
    assertThat(fetch("/logo.gif\t+\r\n")).isEqualTo("+7\r\nGIF89a\0");
    assertThat(fetch("/docs/guide.txt\t+application/pdf\r\n"))
        .isEqualTo(
            "--1\r\n1 inetkit testkit <gopher@localhost>\r\nno view application/pdf of '/docs/guide.txt'\r\n.\r\n");
    assertThat(fetch("/docs\t+\r\n")).startsWith("+-1\r\niIndex of /docs\t").endsWith(".\r\n");
  }

  @Test
  void overlongRequestLineIsRefused() throws IOException {
    assertThat(fetch("/" + "x".repeat(5000) + "\r\n")).startsWith("3request line too long");
  }

  @Test
  void gophersListenerWithVerifiedCertificate() throws IOException {
    byte[] menu = fetchBytes(server.tlsPort(), "/docs\r\n", true);
    assertThat(new String(menu, StandardCharsets.UTF_8))
        .contains("0guide.txt\t/docs/guide.txt\t127.0.0.1\t" + server.tlsPort() + "\t+\r\n");
  }

  @Test
  void gophersRefusesClientThatDoesNotTrustTheCa() {
    TestPki other = TestPki.create();
    assertThatThrownBy(() -> fetchBytes(server.tlsPort(), "\r\n", true, other))
        .isInstanceOf(SSLHandshakeException.class);
  }

  @Test
  void servesAGivenFolderAndLeavesItInPlace(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("a.txt"), "a");
    try (GopherServer own = GopherServer.start(dir)) {
      assertThat(fetchBytes(own.port(), "/a.txt\r\n", false)).isEqualTo("a\r\n.\r\n".getBytes());
      assertThat(own.url("0/a.txt")).isEqualTo("gopher://127.0.0.1:" + own.port() + "/0/a.txt");
    }
    assertThat(dir.resolve("a.txt")).exists();
  }

  private static String fetch(String request) throws IOException {
    return new String(fetchBytes(server.port(), request, false), StandardCharsets.UTF_8);
  }

  private static byte[] fetchBytes(int port, String request, boolean tls) throws IOException {
    return fetchBytes(port, request, tls, PKI);
  }

  private static byte[] fetchBytes(int port, String request, boolean tls, TestPki trust)
      throws IOException {
    Socket s = new Socket("127.0.0.1", port);
    if (tls) {
      SSLSocket ssl =
          (SSLSocket)
              trust.clientSslContext().getSocketFactory().createSocket(s, "localhost", port, true);
      SSLParameters params = ssl.getSSLParameters();
      params.setEndpointIdentificationAlgorithm("HTTPS");
      ssl.setSSLParameters(params);
      ssl.startHandshake();
      s = ssl;
    }
    try (Socket socket = s) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = socket.getInputStream();
      return in.readAllBytes();
    }
  }
}
