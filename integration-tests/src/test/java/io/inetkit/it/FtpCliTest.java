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

/** {@code inetkit ftp put|get|ls|mkdir|mv|rm} over FTPS from the packaged jar. */
class FtpCliTest {
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
        new String[] {"--tls", "starttls", "--cacert", ftp.pki().caPemFile().toString(), "--timeout", "10s"},
        0, all, args.length, 6);
    return new CliJar(home).env("INETKIT_PASSWORD", password).run(all);
  }

  @Test
  void putLsGetMoveAndRemoveOverExplicitFtps() throws Exception {
    byte[] data = new byte[700_000];
    new Random(3).nextBytes(data);
    Path local = Files.write(home.resolve("data.bin"), data);
    CliJar.Result put = run("alice-pw", "ftp", "put", local.toString(), url("e2e/"), "--create-dirs");
    assertThat(put.code()).as(put.err()).isZero();
    assertThat(ftp.read("alice", "e2e/data.bin")).isEqualTo(data);

    CliJar.Result ls = run("alice-pw", "ftp", "ls", url("e2e/"), "--json");
    assertThat(ls.code()).as(ls.err()).isZero();
    List<Map<String, Object>> entries = Json.objects(ls.out());
    assertThat(entries).singleElement().satisfies(e -> {
      assertThat(e).containsEntry("name", "data.bin").containsEntry("type", "file").containsEntry("size", 700_000L);
    });

    Path back = home.resolve("back.bin");
    CliJar.Result get = run("alice-pw", "ftp", "get", url("e2e/data.bin"), "-o", back.toString());
    assertThat(get.code()).as(get.err()).isZero();
    assertThat(Files.readAllBytes(back)).isEqualTo(data);

    CliJar.Result mv = run("alice-pw", "ftp", "mv", url("e2e/data.bin"), "e2e/moved.bin");
    assertThat(mv.code()).as(mv.err()).isZero();
    assertThat(ftp.exists("alice", "e2e/moved.bin")).isTrue();
    CliJar.Result rm = run("alice-pw", "ftp", "rm", url("e2e/moved.bin"));
    assertThat(rm.code()).as(rm.err()).isZero();
    assertThat(ftp.exists("alice", "e2e/moved.bin")).isFalse();

    CliJar.Result missing = run("alice-pw", "ftp", "get", url("e2e/none.bin"), "-o", home.resolve("x").toString());
    assertThat(missing.code()).as(missing.err()).isEqualTo(66);
    assertThat(home.resolve("x")).doesNotExist();
  }

  @Test
  void wrongPasswordExits77() throws Exception {
    CliJar.Result r = run("wrong-pw", "ftp", "ls", url(""));
    assertThat(r.code()).as(r.err()).isEqualTo(77);
    assertThat(r.err()).startsWith("inetkit: ").contains("127.0.0.1:" + ftp.port()).doesNotContain("wrong-pw");
  }

  @Test
  void certificateForAnotherHostNameExits78() throws Exception {
    TestPki pki = TestPki.create();
    try (FtpServer other = FtpServer.builder().pki(pki).identity(pki.issue("wrong.example")).start()) {
      CliJar.Result r =
          new CliJar(home)
              .env("INETKIT_PASSWORD", "alice-pw")
              .run("ftp", "ls", "ftp://alice@127.0.0.1:" + other.port() + "/", "--tls", "starttls",
                  "--cacert", pki.caPemFile().toString(), "--timeout", "5s");
      assertThat(r.code()).as(r.err()).isEqualTo(78);
      assertThat(r.err()).startsWith("inetkit: ").doesNotContain("\tat ");
    }
  }
}
