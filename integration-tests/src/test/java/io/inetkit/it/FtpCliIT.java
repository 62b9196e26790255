package io.inetkit.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.inetkit.testkit.ftp.FtpServer;
import io.inetkit.testkit.tls.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code inetkit ftp put|get|ls|mkdir|mv|rm|capabilities}, -r both ways, over FTPS from the
 * packaged jar.
 */
class FtpCliIT {
  static FtpServer ftp;
  @TempDir Path home;

  @BeforeAll
  static void start() throws Exception {
    ftp = FtpServer.start();
  }

  @AfterAll
  static void stop() {
    ftp.close();
  }

  private String url(String path) {
    return "ftp://alice@127.0.0.1:" + ftp.port() + "/" + path;
  }

  private CliJar.Result run(String password, String... args) throws Exception {
    String[] all = new String[args.length + 6];
    System.arraycopy(args, 0, all, 0, args.length);
    System.arraycopy(
        new String[] {
          "--tls", "starttls", "--cacert", ftp.pki().caPemFile().toString(), "--timeout", "10s"
        },
        0,
        all,
        args.length,
        6);
    return new CliJar(home).env("INETKIT_PASSWORD", password).run(all);
  }

  @Test
  void putLsGetMoveAndRemoveOverExplicitFtps() throws Exception {
    byte[] data = new byte[700_000];
    new Random(3).nextBytes(data);
    Path local = Files.write(home.resolve("data.bin"), data);
    CliJar.Result put =
        run("alice-secret", "ftp", "put", local.toString(), url("e2e/"), "--create-dirs");
    assertThat(put.code()).as(put.err()).isZero();
    assertThat(ftp.read("alice", "e2e/data.bin")).isEqualTo(data);

    CliJar.Result ls = run("alice-secret", "ftp", "ls", url("e2e/"), "--json");
    assertThat(ls.code()).as(ls.err()).isZero();
    List<Map<String, Object>> entries = Json.objects(ls.out());
    assertThat(entries)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e)
                  .containsEntry("name", "data.bin")
                  .containsEntry("type", "file")
                  .containsEntry("size", 700_000L);
            });

    Path back = home.resolve("back.bin");
    CliJar.Result get =
        run("alice-secret", "ftp", "get", url("e2e/data.bin"), "-o", back.toString());
    assertThat(get.code()).as(get.err()).isZero();
    assertThat(Files.readAllBytes(back)).isEqualTo(data);

    CliJar.Result mv = run("alice-secret", "ftp", "mv", url("e2e/data.bin"), "e2e/moved.bin");
    assertThat(mv.code()).as(mv.err()).isZero();
    assertThat(ftp.exists("alice", "e2e/moved.bin")).isTrue();
    CliJar.Result rm = run("alice-secret", "ftp", "rm", url("e2e/moved.bin"));
    assertThat(rm.code()).as(rm.err()).isZero();
    assertThat(ftp.exists("alice", "e2e/moved.bin")).isFalse();

    CliJar.Result missing =
        run("alice-secret", "ftp", "get", url("e2e/none.bin"), "-o", home.resolve("x").toString());
    assertThat(missing.code()).as(missing.err()).isEqualTo(66);
    assertThat(home.resolve("x")).doesNotExist();
  }

  @Test
  void mkdirCapabilitiesAndRecursiveCopiesBothWays() throws Exception {
    CliJar.Result mkdir = run("alice-secret", "ftp", "mkdir", url("tree/a/b/"));
    assertThat(mkdir.code()).as(mkdir.err()).isZero();
    assertThat(ftp.resolve("alice", "tree/a/b")).isDirectory();

    CliJar.Result feat = run("alice-secret", "ftp", "capabilities", url(""), "--json");
    assertThat(feat.code()).as(feat.err()).isZero();
    assertThat(Json.object(feat.out())).containsEntry("protocol", "ftp");
    assertThat(feat.out()).contains("{\"name\":\"SIZE\"").contains("{\"name\":\"REST\"");

    Path site = home.resolve("site");
    Files.createDirectories(site.resolve("css"));
    Files.writeString(site.resolve("index.html"), "<h1>hi</h1>\n");
    Files.writeString(site.resolve("css/site.css"), "h1 { color: red }\n");
    CliJar.Result up = run("alice-secret", "ftp", "put", site.toString(), url("tree/www/"), "-r");
    assertThat(up.code()).as(up.err()).isZero();
    assertThat(ftp.read("alice", "tree/www/css/site.css"))
        .isEqualTo("h1 { color: red }\n".getBytes());

    Path copy = home.resolve("copy");
    CliJar.Result down =
        run("alice-secret", "ftp", "get", url("tree/www/"), "-r", "-o", copy.toString());
    assertThat(down.code()).as(down.err()).isZero();
    assertThat(copy.resolve("index.html")).hasContent("<h1>hi</h1>");
    assertThat(copy.resolve("css/site.css")).hasContent("h1 { color: red }");
  }

  @Test
  void netrcInTheTemporaryHomeSuppliesTheLogin() throws Exception {
    // The child's home is the temporary folder (HOME and user.home), so this .netrc is the one
    // read.
    Files.writeString(
        home.resolve(".netrc"), "machine 127.0.0.1 login alice password alice-secret\n");
    CliJar.Result r =
        new CliJar(home)
            .run(
                "ftp",
                "ls",
                "ftp://127.0.0.1:" + ftp.port() + "/",
                "--tls",
                "starttls",
                "--cacert",
                ftp.pki().caPemFile().toString(),
                "--timeout",
                "10s");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).doesNotContain("alice-secret");
  }

  @Test
  void wrongPasswordExits77() throws Exception {
    CliJar.Result r = run("wrong-pw", "ftp", "ls", url(""));
    assertThat(r.code()).as(r.err()).isEqualTo(77);
    assertThat(r.err())
        .startsWith("inetkit: ")
        .contains("127.0.0.1:" + ftp.port())
        .doesNotContain("wrong-pw");
  }

  @Test
  void certificateForAnotherHostNameExits78() throws Exception {
    TestPki pki = TestPki.create();
    try (FtpServer other =
        FtpServer.builder().pki(pki).identity(pki.issue("wrong.example")).start()) {
      CliJar.Result r =
          new CliJar(home)
              .env("INETKIT_PASSWORD", "alice-secret")
              .run(
                  "ftp",
                  "ls",
                  "ftp://alice@127.0.0.1:" + other.port() + "/",
                  "--tls",
                  "starttls",
                  "--cacert",
                  pki.caPemFile().toString(),
                  "--timeout",
                  "5s");
      assertThat(r.code()).as(r.err()).isEqualTo(78);
      assertThat(r.err()).startsWith("inetkit: ").doesNotContain("\tat ");
    }
  }
}
