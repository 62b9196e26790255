package io.inetkit.cli.telnet;

import static org.assertj.core.api.Assertions.assertThat;

import io.inetkit.cli.CliRun;
import io.inetkit.testkit.telnet.TelnetServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scripted {@code inetkit telnet} announces the terminal type {@code dumb} and prints exactly the
 * command's output even behind a bash-style prompt; interactive sessions announce {@code $TERM}.
 */
class TelnetTerminalTypeTest {
  @TempDir Path dir;

  @Test
  void scriptedRunIsDumbAndPrintsOnlyTheOutput() throws Exception {
    String bashPrompt = "\u001b[?2004halice@host:~$ \u001b[K";
    try (TelnetServer server =
        TelnetServer.builder().user("alice", "alice-pw").prompt(bashPrompt).start()) {
      CliRun cli =
          new CliRun(dir)
              .variable("INETKIT_PASSWORD", "alice-pw")
              .variable("TERM", "xterm-256color");
      assertThat(
              cli.run(
                  "telnet",
                  "127.0.0.1",
                  String.valueOf(server.port()),
                  "--user",
                  "alice",
                  "--run",
                  "whoami"))
          .as(cli.err())
          .isZero();
      assertThat(cli.out()).isEqualTo("alice\n");
      assertThat(server.lastConnection().terminalType()).contains("dumb");
    }
  }

  @Test
  void interactiveSessionsAnnounceTheUsersTerminal() throws Exception {
    try (TelnetServer server = TelnetServer.builder().start()) {
      CliRun cli = new CliRun(dir).variable("TERM", "xterm-256color").stdin("echo hi\nexit\n");
      assertThat(cli.run("telnet", "127.0.0.1", String.valueOf(server.port()), "--timeout", "5s"))
          .as(cli.err())
          .isZero();
      assertThat(server.lastConnection().terminalType()).contains("xterm-256color");
    }
    assertThat(TelnetCommand.interactiveTerminalType("xterm-256color")).isEqualTo("xterm-256color");
    assertThat(TelnetCommand.interactiveTerminalType(null)).isEqualTo("VT100");
    assertThat(TelnetCommand.interactiveTerminalType("dumb")).isEqualTo("VT100");
    assertThat(TelnetCommand.interactiveTerminalType("bad term")).isEqualTo("VT100");
  }
}
