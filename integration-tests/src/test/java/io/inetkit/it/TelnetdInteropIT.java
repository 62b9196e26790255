package io.inetkit.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inetkit.core.AuthenticationException;
import io.inetkit.terminal.TelnetClient;
import io.inetkit.terminal.TelnetSession;
import io.inetkit.testkit.host.InetdListener;
import io.inetkit.testkit.host.SystemUser;
import io.inetkit.testkit.telnet.Telnetd;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scripted Telnet against Debian's inetutils-telnetd, the real {@code /bin/login} and bash, as a
 * throwaway system user: the library's {@code login}/{@code run} and {@code inetkit telnet --user
 * --run} return exactly the commands' output, with no bracketed-paste switches, prompt line or
 * echo, as Python's telnetlib gets.
 */
@Tag("real-server")
class TelnetdInteropIT {
  @TempDir static Path dir;
  private static SystemUser user;
  private static InetdListener telnetd;

  @BeforeAll
  static void start() throws Exception {
    RealServers.assumeAvailable(Telnetd.unavailable().or(SystemUser::unavailable));
    user = SystemUser.create("iktel");
    telnetd = Telnetd.start(dir);
  }

  @AfterAll
  static void stop() {
    if (telnetd != null) {
      telnetd.close();
    }
    if (user != null) {
      user.close();
    }
  }

  private static TelnetClient client() {
    return TelnetClient.builder()
        .endpoint("127.0.0.1", telnetd.port())
        .expectTimeout(Duration.ofSeconds(20))
        .build();
  }

  @Test
  void libraryLogsInAndRunsCommandsWithCleanOutput() throws Exception {
    try (TelnetSession s = client().open()) {
      s.login(user.name(), user.password().toCharArray());
      assertThat(s.run("whoami")).isEqualTo(user.name() + "\n");
      assertThat(s.run("echo one; echo two")).isEqualTo("one\ntwo\n");
      assertThat(s.run("echo $TERM")).isEqualTo("dumb\n");
      assertThat(s.run("cd /tmp && pwd")).isEqualTo("/tmp\n");
      assertThat(s.run("true")).isEmpty();
      assertThat(s.transcriptText()).doesNotContain(user.password());
    }
  }

  @Test
  void theReadmeExampleWorksAgainstBash() throws Exception {
    // docs/telnet.md: default prompt, run, expect with a regex
    try (TelnetSession s = client().open()) {
      s.login(user.name(), user.password().toCharArray());
      s.sendLine("sleep 1; echo tick 1");
      assertThat(
              s.expect(java.util.regex.Pattern.compile("tick (\\d+)"), Duration.ofSeconds(10))
                  .group(1))
          .isEqualTo("1");
      s.expect(client().prompt(), Duration.ofSeconds(10));
      assertThat(s.run("whoami")).isEqualTo(user.name() + "\n");
    }
  }

  @Test
  void aWrongPasswordIsAnAuthenticationFailure() throws Exception {
    try (TelnetSession s = client().open()) {
      assertThatThrownBy(() -> s.login(user.name(), "wrong-password".toCharArray()))
          .isInstanceOf(AuthenticationException.class)
          .hasMessageContaining("login as " + user.name());
    }
  }

  @Test
  void cliRunPrintsExactlyTheOutput() throws Exception {
    CliJar.Result r =
        new CliJar(dir)
            .env("INETKIT_PASSWORD", user.password())
            .run(
                "telnet",
                "127.0.0.1",
                String.valueOf(telnetd.port()),
                "--user",
                user.name(),
                "--run",
                "whoami",
                "--run",
                "echo hi",
                "--timeout",
                "20s");
    assertThat(r.code()).as(r.err() + telnetd.logText()).isZero();
    assertThat(r.out()).isEqualTo(user.name() + "\nhi\n");
  }
}
