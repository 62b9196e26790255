package io.inetkit.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import io.inetkit.testkit.telnet.TelnetServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A prompt the way bash draws it on a terminal it believes capable: bracketed-paste switch before
 * it, the user and folder on its line, erase-line ({@code ESC[K}) after it. Scripted sessions
 * announce the terminal type {@code dumb}, still recognise such a prompt with the default pattern,
 * and {@code run} returns exactly the command's output. (The real thing, bash behind Debian's
 * telnetd, is in the integration tests' real-server suite.)
 */
class TelnetShellPromptTest {
  private static final String BASH_PROMPT = "\u001b[?2004halice@host:~$ \u001b[K";

  @Test
  void scriptedSessionsAreDumbAndRunReturnsOnlyTheOutput() throws Exception {
    try (TelnetServer server =
        TelnetServer.builder().user("alice", "pw").prompt(BASH_PROMPT).start()) {
      TelnetClient client =
          TelnetClient.builder()
              .endpoint(server.endpoint())
              .expectTimeout(Duration.ofSeconds(10))
              .build();
      try (TelnetSession s = client.open()) {
        s.login("alice", "pw".toCharArray());
        assertThat(s.run("whoami")).isEqualTo("alice\n");
        assertThat(s.run("echo one")).isEqualTo("one\n");
        assertThat(server.lastConnection().terminalType()).contains("dumb");
      }
    }
  }

  @Test
  void theDefaultPromptToleratesTrailingControlSequences() {
    assertThat(TelnetClient.DEFAULT_PROMPT.matcher("alice@host:~$ \u001b[K").find()).isTrue();
    assertThat(TelnetClient.DEFAULT_PROMPT.matcher("# \u001b[?2004h").find()).isTrue();
    assertThat(TelnetClient.DEFAULT_PROMPT.matcher("$ x").find()).isFalse();
    assertThat(TelnetClient.DEFAULT_LOGIN_PROMPT.matcher("host login: \u001b[K").find()).isTrue();
  }
}
