package io.inetkit.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.inetkit.core.GopherUrl;
import io.inetkit.testkit.gopher.Gophernicus;
import io.inetkit.transfer.gopher.GopherClient;
import io.inetkit.transfer.gopher.GopherItem;
import io.inetkit.transfer.gopher.GopherItemType;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gopher journeys against Debian's gophernicus serving a temp folder: the menu it generates, a text
 * document and a binary file, through the library and the packaged CLI.
 */
@Tag("real-server")
class GophernicusInteropIT {
  @TempDir static Path dir;
  private static Gophernicus gopher;
  private static byte[] blob;

  @BeforeAll
  static void start() throws Exception {
    RealServers.assumeAvailable(Gophernicus.unavailable());
    gopher = Gophernicus.start(dir);
    Path root = gopher.root();
    Files.writeString(root.resolve("hello.txt"), "hello gopher\nsecond line\n");
    blob = RealServers.bytes(200_000, 5);
    Files.write(root.resolve("blob.bin"), blob);
    Files.createDirectories(root.resolve("sub"));
    Files.writeString(root.resolve("sub/inner.txt"), "inner\n");
    for (Path p :
        List.of(
            root.resolve("hello.txt"), root.resolve("blob.bin"), root.resolve("sub/inner.txt"))) {
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-r--r--"));
    }
    Files.setPosixFilePermissions(
        root.resolve("sub"), PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  @AfterAll
  static void stop() {
    if (gopher != null) {
      gopher.close();
    }
  }

  private static String url(String rest) {
    return "gopher://127.0.0.1:" + gopher.port() + "/" + rest;
  }

  @Test
  void libraryMenuTextAndBinary() throws Exception {
    GopherClient client = GopherClient.builder().build();
    List<GopherItem> menu = client.menu(GopherUrl.parse(url("1/")));
    assertThat(menu)
        .as(gopher.logText())
        .anySatisfy(i -> assertThat(i.type()).isEqualTo(GopherItemType.TEXT))
        .extracting(GopherItem::selector)
        .contains("/hello.txt", "/blob.bin", "/sub/");
    GopherItem text =
        menu.stream().filter(i -> i.selector().equals("/hello.txt")).findFirst().orElseThrow();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    client.text(text, out);
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("hello gopher\nsecond line\n");

    GopherItem binary =
        menu.stream().filter(i -> i.selector().equals("/blob.bin")).findFirst().orElseThrow();
    assertThat(binary.type()).isEqualTo(GopherItemType.BINARY);
    Path saved = dir.resolve("blob-lib.bin");
    assertThat(client.download(binary, saved)).isEqualTo(blob.length);
    assertThat(Files.readAllBytes(saved)).isEqualTo(blob);

    GopherItem sub =
        menu.stream().filter(i -> i.selector().equals("/sub/")).findFirst().orElseThrow();
    assertThat(client.menu(sub)).extracting(GopherItem::selector).contains("/sub/inner.txt");
  }

  @Test
  void cliMenuTextAndBinary() throws Exception {
    CliJar.Result menu = new CliJar(dir).run("gopher", url("1/"), "--json");
    assertThat(menu.code()).as(menu.err()).isZero();
    List<Map<String, Object>> items = Json.objects(menu.out());
    assertThat(items).anySatisfy(i -> assertThat(i).containsEntry("url", url("0/hello.txt")));

    CliJar.Result text = new CliJar(dir).run("gopher", url("0/hello.txt"));
    assertThat(text.code()).as(text.err()).isZero();
    assertThat(text.out()).isEqualTo("hello gopher\nsecond line\n");

    Path saved = dir.resolve("blob-cli.bin");
    CliJar.Result bin = new CliJar(dir).run("gopher", url("9/blob.bin"), "-o", saved.toString());
    assertThat(bin.code()).as(bin.err()).isZero();
    assertThat(Files.readAllBytes(saved)).isEqualTo(blob);
  }
}
