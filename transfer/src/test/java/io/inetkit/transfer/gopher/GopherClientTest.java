package io.inetkit.transfer.gopher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inetkit.core.Endpoint;
import io.inetkit.core.GopherUrl;
import io.inetkit.core.InvalidInputException;
import io.inetkit.core.NotFoundException;
import io.inetkit.core.Scheme;
import io.inetkit.core.TlsException;
import io.inetkit.core.TlsMode;
import io.inetkit.core.TransferProgress;
import io.inetkit.testkit.RecordingEventListener;
import io.inetkit.testkit.gopher.GopherServer;
import io.inetkit.testkit.tls.TestPki;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Gopher client against testkit's Gopher and gophers server over loopback. */
class GopherClientTest {
  private static final TestPki PKI = TestPki.create();
  private static GopherServer server;
  private static byte[] binary;
  private static final GopherClient CLIENT =
      GopherClient.builder().trust(PKI.clientTrust()).build();

  @BeforeAll
  static void start() throws Exception {
    server = GopherServer.builder().tls(PKI).build();
    server.file(
        "readme.txt", "Hello gopher\n.a dot line\n..two dots\n.\nlast line without newline");
    server.file(
        "latin1.txt",
        new byte[] {
          'C', 'a', 'f', (byte) 0xe9, '\n', 'o', 'k', ' ', (byte) 0xc3, (byte) 0xa9, '\n'
        });
    server.file("docs/guide.txt", "The guide.\n");
    server.file("docs/.guide.txt.abstract", "A short guide.\n");
    server.file("docs/.guide.txt.view.html", "<p>The guide.</p>");
    server.file("docs/deep/more.txt", "more\n");
    server.file("logo.gif", new byte[] {'G', 'I', 'F', '8', '9', 'a', 0, 1, 2});
    binary = new byte[3 * 1024 * 1024 + 17];
    new Random(11).nextBytes(binary);
    server.file("data.bin", binary);
    server.file(
        "links/gophermap",
        "Links\nhInetkit\tURL:https://example.org/inetkit\n8BBS\t\tbbs.example.org\t23\n");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static GopherUrl url(String typeAndSelector) {
    return GopherUrl.parse(server.url(typeAndSelector));
  }

  private static GopherItem item(List<GopherItem> menu, String display) {
    return menu.stream().filter(i -> i.display().equals(display)).findFirst().orElseThrow();
  }

  @Test
  void rootMenuParsesTypesAndGopherPlusMarkers() throws Exception {
    List<GopherItem> menu = CLIENT.menu(url("1"));
    assertThat(menu.get(0).type()).isEqualTo(GopherItemType.INFO);
    assertThat(menu.get(0).display()).isEqualTo("Index of /");
    assertThat(item(menu, "Search file names").type()).isEqualTo(GopherItemType.SEARCH);
    assertThat(item(menu, "docs"))
        .isEqualTo(
            new GopherItem(
                '1', "docs", "/docs", "127.0.0.1", server.port(), GopherPlusMarker.PLUS));
    assertThat(item(menu, "data.bin").type()).isEqualTo(GopherItemType.BINARY);
    assertThat(item(menu, "logo.gif").type()).isEqualTo(GopherItemType.GIF);
    assertThat(item(menu, "readme.txt").type()).isEqualTo(GopherItemType.TEXT);
    assertThat(menu).allMatch(i -> !i.isLink() || i.isGopherPlus());
  }

  @Test
  void followingItemsAndUrlsOfItems() throws Exception {
    GopherItem docs = item(CLIENT.menu("127.0.0.1", server.port(), ""), "docs");
    assertThat(docs.url().toString()).isEqualTo("gopher://127.0.0.1:" + server.port() + "/1/docs");
    GopherItem deep = item(CLIENT.menu(docs), "deep");
    assertThat(CLIENT.menu(deep.url()))
        .extracting(GopherItem::selector)
        .contains("/docs/deep/more.txt");
    List<GopherItem> links = CLIENT.menu(url("1/links"));
    assertThat(item(links, "Inetkit").externalUrl()).contains("https://example.org/inetkit");
    assertThat(item(links, "BBS").type()).isEqualTo(GopherItemType.TELNET);
    assertThat(item(links, "BBS").endpoint()).isEqualTo(Endpoint.of("bbs.example.org", 23));
  }

  @Test
  void textToWriterUndoesDotStuffing() throws Exception {
    StringWriter out = new StringWriter();
    long lines = CLIENT.text(url("0/readme.txt"), out);
    assertThat(out.toString())
        .isEqualTo("Hello gopher\n.a dot line\n..two dots\n.\nlast line without newline\n");
    assertThat(lines).isEqualTo(5);
  }

  @Test
  void textFallsBackToLatin1PerLine() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CLIENT.text(url("0/latin1.txt"), out);
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("Café\nok é\n");
  }

  @Test
  void textToPathIsAtomic(@TempDir Path dir) throws Exception {
    Path target = dir.resolve("sub/guide.txt");
    GopherItem guide = item(CLIENT.menu(url("1/docs")), "guide.txt");
    CLIENT.text(guide, target);
    assertThat(target).hasContent("The guide.");
    assertThat(dir.resolve("sub")).isDirectoryNotContaining("glob:**.part");
  }

  @Test
  void binaryDownloadToPathWithProgress(@TempDir Path dir) throws Exception {
    List<TransferProgress> progress = new CopyOnWriteArrayList<>();
    Path target = dir.resolve("data.bin");
    long n = CLIENT.download(url("9/data.bin"), target, progress::add);
    assertThat(n).isEqualTo(binary.length);
    assertThat(Files.readAllBytes(target)).isEqualTo(binary);
    assertThat(progress).last().satisfies(p -> assertThat(p.bytesDone()).isEqualTo(binary.length));
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(target);
    }
  }

  @Test
  void binaryToOutputStream() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    GopherItem gif = item(CLIENT.menu(url("1")), "logo.gif");
    CLIENT.download(gif, out, p -> {});
    assertThat(out.toByteArray()).isEqualTo(new byte[] {'G', 'I', 'F', '8', '9', 'a', 0, 1, 2});
  }

  @Test
  void searchByItemAndByUrl() throws Exception {
    GopherItem search = item(CLIENT.menu(url("1")), "Search file names");
    assertThat(CLIENT.search(search, "GUIDE"))
        .extracting(GopherItem::selector)
        .contains("/docs/guide.txt");
    assertThat(CLIENT.menu(GopherUrl.parse(server.url("7/.search%09more"))))
        .extracting(GopherItem::selector)
        .contains("/docs/deep/more.txt");
    assertThat(server.requests()).contains("/.search\tGUIDE", "/.search\tmore");
  }

  @Test
  void missingSelectorsAreNotFoundWithTheServersText(@TempDir Path dir) {
    String ep = "127.0.0.1:" + server.port();
    assertThatThrownBy(() -> CLIENT.menu(url("1/nope")))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("menu \"/nope\" refused: 3 '/nope' does not exist [" + ep + "]");
    assertThatThrownBy(() -> CLIENT.text(url("0/nope.txt"), new StringWriter()))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("'/nope.txt' does not exist");
    Path target = dir.resolve("nope.bin");
    assertThatThrownBy(() -> CLIENT.download(url("9/nope.bin"), target, p -> {}))
        .isInstanceOfSatisfying(
            NotFoundException.class,
            e -> assertThat(e.reply().text()).isEqualTo("'/nope.bin' does not exist"));
    assertThat(dir).isEmptyDirectory();
  }

  @Test
  void gopherPlusAttributesAndViews() throws Exception {
    GopherItem guide = item(CLIENT.menu(url("1/docs")), "guide.txt");
    GopherAttributes a = CLIENT.attributes(guide);
    assertThat(a.item()).isEqualTo(guide);
    assertThat(a.admin())
        .containsEntry("Admin", "inetkit testkit <gopher@localhost>")
        .containsKey("Mod-Date");
    assertThat(a.views())
        .extracting(GopherView::mimeType)
        .containsExactly("text/plain", "text/html");
    assertThat(a.abstractText()).contains("A short guide.");

    ByteArrayOutputStream html = new ByteArrayOutputStream();
    assertThat(CLIENT.view(guide, a.view("text/html").orElseThrow(), html, p -> {})).isEqualTo(17);
    assertThat(html.toString(StandardCharsets.UTF_8)).isEqualTo("<p>The guide.</p>");
    ByteArrayOutputStream plain = new ByteArrayOutputStream();
    CLIENT.view(guide, a.view("text/plain").orElseThrow(), plain, p -> {});
    assertThat(plain.toString(StandardCharsets.UTF_8)).isEqualTo("The guide.\n");
    assertThatThrownBy(
            () ->
                CLIENT.view(
                    guide, GopherView.of("application/pdf"), new ByteArrayOutputStream(), p -> {}))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("no view application/pdf of '/docs/guide.txt'");
  }

  @Test
  void gopherPlusViewToFileAndDirectoryAttributes(@TempDir Path dir) throws Exception {
    List<GopherAttributes> all = CLIENT.directoryAttributes(url("1/docs"));
    assertThat(all).extracting(x -> x.item().display()).containsExactly("deep", "guide.txt");
    assertThat(all.get(0).views())
        .extracting(GopherView::mimeType)
        .containsExactly("application/gopher+-menu");
    GopherItem gif = item(CLIENT.menu(url("1")), "logo.gif");
    Path target = dir.resolve("logo.gif");
    CLIENT.view(gif, CLIENT.attributes(gif).views().get(0), target);
    assertThat(Files.readAllBytes(target))
        .isEqualTo(new byte[] {'G', 'I', 'F', '8', '9', 'a', 0, 1, 2});
  }

  @Test
  void gophersWithVerifiedCertificate() throws Exception {
    GopherUrl secure = GopherUrl.parse("gophers://localhost:" + server.tlsPort() + "/1/docs");
    RecordingEventListener rec = new RecordingEventListener();
    GopherClient traced = CLIENT.newBuilder().eventListener(rec).build();
    GopherItem guide = item(traced.menu(secure), "guide.txt");
    assertThat(guide.port()).isEqualTo(server.tlsPort());
    assertThat(rec.events())
        .filteredOn(e -> e.startsWith("tlsEnd "))
        .hasSize(1)
        .allMatch(e -> e.startsWith("tlsEnd TLSv1."));
    StringWriter out = new StringWriter();
    traced.newBuilder().tlsMode(TlsMode.IMPLICIT).build().text(guide, out);
    assertThat(out.toString()).isEqualTo("The guide.\n");
    assertThat(guide.url(Scheme.GOPHERS).toString())
        .isEqualTo("gophers://127.0.0.1:" + server.tlsPort() + "/0/docs/guide.txt");
  }

  @Test
  void gophersRefusesAnUntrustedCertificate() {
    GopherClient systemTrust = GopherClient.builder().build();
    assertThatThrownBy(
            () ->
                systemTrust.menu(GopherUrl.parse("gophers://localhost:" + server.tlsPort() + "/1")))
        .isInstanceOf(TlsException.class)
        .hasMessageContaining("localhost:" + server.tlsPort());
  }

  @Test
  void gophersRefusesACertificateForAnotherHost() throws Exception {
    try (GopherServer wrong =
        GopherServer.builder().tls(PKI.issue("wrong.example").sslContext()).build()) {
      assertThatThrownBy(
              () -> CLIENT.menu(GopherUrl.parse("gophers://localhost:" + wrong.tlsPort() + "/1")))
          .isInstanceOf(TlsException.class)
          .hasMessageContaining("TLS handshake with localhost:" + wrong.tlsPort() + " failed")
          .hasMessageContaining("localhost");
      assertThat(wrong.requests()).isEmpty();
    }
  }

  @Test
  void eventsArePairedAroundATransfer() throws Exception {
    RecordingEventListener rec = new RecordingEventListener();
    GopherClient traced = CLIENT.newBuilder().eventListener(rec).build();
    traced.download(url("9/logo.gif"), new ByteArrayOutputStream(), p -> {});
    assertThat(rec.events())
        .containsExactly(
            "connectStart",
            "connectEnd",
            "> /logo.gif",
            "transferStart /logo.gif -1",
            "transferEnd /logo.gif 9",
            "closed");
    rec.clear();
    traced.menu(url("1/docs"));
    assertThat(rec.events())
        .containsExactly("connectStart", "connectEnd", "> /docs", "< 3 menu items", "closed");
  }

  @Test
  void failedConnectAndFailedTransferEvents() throws Exception {
    RecordingEventListener rec = new RecordingEventListener();
    GopherClient traced = CLIENT.newBuilder().eventListener(rec).build();
    int closedPort;
    try (java.net.ServerSocket s =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    GopherUrl nowhere = GopherUrl.parse("gopher://127.0.0.1:" + closedPort + "/9/x");
    assertThatThrownBy(() -> traced.download(nowhere, new ByteArrayOutputStream(), p -> {}))
        .isInstanceOf(io.inetkit.core.ConnectionException.class)
        .hasMessageContaining("127.0.0.1:" + closedPort);
    assertThat(rec.events()).containsExactly("connectStart", "connectFailed ConnectionException");
    rec.clear();
    assertThatThrownBy(
            () -> traced.download(url("9/missing"), new ByteArrayOutputStream(), p -> {}))
        .isInstanceOf(NotFoundException.class);
    assertThat(rec.events())
        .containsExactly(
            "connectStart",
            "connectEnd",
            "> /missing",
            "transferStart /missing -1",
            "transferFailed /missing NotFoundException",
            "closed");
  }

  @Test
  void builderDefaultsAndValidation() {
    GopherClient c = GopherClient.builder().build();
    assertThat(c.tlsMode()).isEqualTo(TlsMode.NONE);
    assertThat(c.maxLineLength()).isEqualTo(64 * 1024);
    assertThat(c.maxMenuItems()).isEqualTo(100_000);
    assertThat(c.maxMenuBytes()).isEqualTo(16L << 20);
    assertThat(c.maxTotalBytes()).isEqualTo(Long.MAX_VALUE);
    assertThat(c.newBuilder().maxMenuItems(5).build().maxMenuItems()).isEqualTo(5);
    assertThat(c.maxMenuItems()).isEqualTo(100_000);
    assertThatThrownBy(() -> GopherClient.builder().tlsMode(TlsMode.STARTTLS_REQUIRED))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> GopherClient.builder().maxMenuItems(0))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void infoLinesAreNotLinks() throws Exception {
    GopherItem info = CLIENT.menu(url("1")).get(0);
    assertThatThrownBy(() -> CLIENT.menu(info))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("not a link");
  }
}
