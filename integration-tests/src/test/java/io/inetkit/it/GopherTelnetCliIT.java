package io.inetkit.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.inetkit.testkit.gopher.GopherServer;
import io.inetkit.testkit.telnet.TelnetServer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code inetkit gopher} (menus, search, text, binary) and {@code inetkit telnet} (--run, --script,
 * --send/--expect) from the packaged jar, and unreachable servers.
 */
class GopherTelnetCliIT {
  @TempDir Path home;

  @Test
  void gopherMenuAsJsonAndTextToAFile() throws Exception {
    try (GopherServer gopher = GopherServer.start()) {
      gopher.file("docs/readme.txt", "first line\n.dot line\n");
      CliJar.Result menu = new CliJar(home).run("gopher", gopher.url("1/docs"), "--json");
      assertThat(menu.code()).as(menu.err()).isZero();
      List<Map<String, Object>> items = Json.objects(menu.out());
      assertThat(items)
          .anySatisfy(
              i ->
                  assertThat(i)
                      .containsEntry("display", "readme.txt")
                      .containsEntry("code", "0")
                      .containsEntry("url", gopher.url("0/docs/readme.txt")));

      Path saved = home.resolve("readme.txt");
      CliJar.Result text =
          new CliJar(home).run("gopher", gopher.url("0/docs/readme.txt"), "-o", saved.toString());
      assertThat(text.code()).as(text.err()).isZero();
      assertThat(Files.readString(saved)).isEqualTo("first line\n.dot line\n");
    }
  }

  @Test
  void telnetLogsInAndRunsCommands() throws Exception {
    try (TelnetServer telnet = TelnetServer.builder().user("alice", "alice-pw").start()) {
      CliJar.Result r =
          new CliJar(home)
              .env("INETKIT_PASSWORD", "alice-pw")
              .run(
                  "telnet",
                  "127.0.0.1",
                  String.valueOf(telnet.port()),
                  "--user",
                  "alice",
                  "--run",
                  "whoami",
                  "--run",
                  "echo e2e",
                  "--timeout",
                  "5s");
      assertThat(r.code()).as(r.err()).isZero();
      assertThat(r.out()).isEqualTo("alice\ne2e\n");
      assertThat(telnet.lastConnection().commands()).contains("whoami", "echo e2e");

      CliJar.Result wrong =
          new CliJar(home)
              .env("INETKIT_PASSWORD", "wrong-pw")
              .run(
                  "telnet",
                  "telnet://127.0.0.1:" + telnet.port(),
                  "--user",
                  "alice",
                  "--run",
                  "whoami",
                  "--timeout",
                  "5s");
      assertThat(wrong.code()).as(wrong.err()).isEqualTo(77);
      assertThat(wrong.err()).doesNotContain("wrong-pw");
    }
  }

  @Test
  void gopherSearchAndABinaryItemToStandardOutput() throws Exception {
    try (GopherServer gopher = GopherServer.start()) {
      gopher.file("docs/readme.txt", "hello\n");
      byte[] blob = new byte[70_000];
      new java.util.Random(9).nextBytes(blob);
      gopher.file("docs/blob.bin", blob);
      CliJar.Result search =
          new CliJar(home).run("gopher", gopher.url("7/.search"), "--search", "readme", "--json");
      assertThat(search.code()).as(search.err()).isZero();
      assertThat(Json.objects(search.out()))
          .anySatisfy(
              i -> assertThat(i).containsEntry("display", "readme.txt").containsEntry("code", "0"));
      CliJar.Result table = new CliJar(home).run("gopher", gopher.url("1/docs"));
      assertThat(table.code()).as(table.err()).isZero();
      assertThat(table.out())
          .containsPattern(
              "(?m)^9  blob\\.bin +"
                  + java.util.regex.Pattern.quote(gopher.url("9/docs/blob.bin"))
                  + "$");

      Path saved = home.resolve("blob.bin");
      CliJar.Result bytes =
          new CliJar(home).run("gopher", gopher.url("9/docs/blob.bin"), "-o", saved.toString());
      assertThat(bytes.code()).as(bytes.err()).isZero();
      assertThat(saved).hasBinaryContent(blob);
      CliJar.Result missing = new CliJar(home).run("gopher", gopher.url("7/.search"));
      assertThat(missing.code()).as("a search without --search").isEqualTo(2);
      assertThat(missing.err()).contains("--search");
    }
  }

  @Test
  void telnetScriptFileAndSendExpectSteps() throws Exception {
    try (TelnetServer telnet = TelnetServer.builder().user("alice", "alice-pw").start()) {
      Path script =
          Files.writeString(home.resolve("steps.txt"), "# steps\nlogin\nrun echo from-script\n");
      CliJar.Result scripted =
          new CliJar(home)
              .env("INETKIT_PASSWORD", "alice-pw")
              .run(
                  "telnet",
                  "127.0.0.1",
                  String.valueOf(telnet.port()),
                  "--user",
                  "alice",
                  "--script",
                  script.toString(),
                  "--timeout",
                  "5s");
      assertThat(scripted.code()).as(scripted.err()).isZero();
      assertThat(scripted.out()).isEqualTo("from-script\n");

      CliJar.Result steps =
          new CliJar(home)
              .run(
                  "telnet",
                  "telnet://127.0.0.1:" + telnet.port(),
                  "--expect",
                  "login: ",
                  "--send",
                  "alice",
                  "--expect",
                  "Password: ",
                  "--send",
                  "alice-pw",
                  "--expect",
                  "\\$ ",
                  "--send",
                  "echo x1y",
                  "--expect",
                  "x1y\\r?\\n",
                  "--timeout",
                  "5s");
      assertThat(steps.code()).as(steps.err()).isZero();
      assertThat(steps.out()).contains("login: ").endsWith("x1y\r\n");
      assertThat(telnet.lastConnection().commands()).contains("echo x1y");

      CliJar.Result silent =
          new CliJar(home)
              .run(
                  "telnet",
                  "127.0.0.1",
                  String.valueOf(telnet.port()),
                  "--expect",
                  "never-said",
                  "--timeout",
                  "500ms");
      assertThat(silent.code()).as("a prompt that never comes times out").isEqualTo(79);
      assertThat(silent.err().lines()).hasSize(1).allMatch(l -> l.startsWith("inetkit: "));
    }
  }

  @Test
  void refusedPortAndUnknownHostExit69() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = s.getLocalPort();
    }
    CliJar.Result refused =
        new CliJar(home)
            .run("gopher", "gopher://127.0.0.1:" + closed + "/", "--connect-timeout", "2s");
    assertThat(refused.code()).as(refused.err()).isEqualTo(69);
    assertThat(refused.err()).startsWith("inetkit: ").contains("127.0.0.1:" + closed);

    // .invalid never resolves (RFC 2606).
    CliJar.Result unknown =
        new CliJar(home)
            .env("INETKIT_PASSWORD", "x")
            .run("ftp", "ls", "ftp://alice@no-such-host.invalid/", "--connect-timeout", "2s");
    assertThat(unknown.code()).as(unknown.err()).isEqualTo(69);
    assertThat(unknown.err()).contains("no-such-host.invalid");
  }
}
