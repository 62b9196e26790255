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

/** {@code inetkit gopher} and {@code inetkit telnet} from the packaged jar, and unreachable servers. */
class GopherTelnetCliTest {
  @TempDir Path home;

  @Test
  void gopherMenuAsJsonAndTextToAFile() throws Exception {
    try (GopherServer gopher = GopherServer.start()) {
      gopher.file("docs/readme.txt", "first line\n.dot line\n");
      CliJar.Result menu = new CliJar(home).run("gopher", gopher.url("1/docs"), "--json");
      assertThat(menu.code()).as(menu.err()).isZero();
      List<Map<String, Object>> items = Json.objects(menu.out());
      assertThat(items)
          .anySatisfy(i -> assertThat(i).containsEntry("display", "readme.txt").containsEntry("code", "0")
              .containsEntry("url", gopher.url("0/docs/readme.txt")));

      Path saved = home.resolve("readme.txt");
      CliJar.Result text = new CliJar(home).run("gopher", gopher.url("0/docs/readme.txt"), "-o", saved.toString());
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
              .run("telnet", "127.0.0.1", String.valueOf(telnet.port()), "--user", "alice",
                  "--run", "whoami", "--run", "echo e2e", "--timeout", "5s");
      assertThat(r.code()).as(r.err()).isZero();
      assertThat(r.out()).isEqualTo("alice\ne2e\n");
      assertThat(telnet.lastConnection().commands()).contains("whoami", "echo e2e");

      CliJar.Result wrong =
          new CliJar(home)
              .env("INETKIT_PASSWORD", "wrong-pw")
              .run("telnet", "telnet://127.0.0.1:" + telnet.port(), "--user", "alice", "--run", "whoami",
                  "--timeout", "5s");
      assertThat(wrong.code()).as(wrong.err()).isEqualTo(77);
      assertThat(wrong.err()).doesNotContain("wrong-pw");
    }
  }

  @Test
  void refusedPortAndUnknownHostExit69() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = s.getLocalPort();
    }
    CliJar.Result refused =
        new CliJar(home).run("gopher", "gopher://127.0.0.1:" + closed + "/", "--connect-timeout", "2s");
    assertThat(refused.code()).as(refused.err()).isEqualTo(69);
    assertThat(refused.err()).startsWith("inetkit: ").contains("127.0.0.1:" + closed);

    // .invalid never resolves (RFC 2606).
    CliJar.Result unknown =
        new CliJar(home).env("INETKIT_PASSWORD", "x")
            .run("ftp", "ls", "ftp://alice@no-such-host.invalid/", "--connect-timeout", "2s");
    assertThat(unknown.code()).as(unknown.err()).isEqualTo(69);
    assertThat(unknown.err()).contains("no-such-host.invalid");
  }
}
