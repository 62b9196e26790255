package io.inetkit.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import io.inetkit.testkit.RecordingEventListener;
import io.inetkit.testkit.telnet.TelnetServer;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The docs/telnet.md example, against the testkit server, with the events it fires. */
class ReadmeExampleTest {

  @Test
  void readmeExampleWorksAsWritten() throws Exception {
    RecordingEventListener recorder = new RecordingEventListener();
    try (TelnetServer server = TelnetServer.builder().user("alice", "s3cret").start()) {
      TelnetClient client =
          TelnetClient.builder()
              .endpoint(server.host(), server.port())
              .windowSize(new WindowSize(132, 43))
              .expectTimeout(Duration.ofSeconds(20))
              .eventListener(recorder)
              .build();
      String transcript;
      try (TelnetSession s = client.open()) {
        s.login("alice", "s3cret".toCharArray());
        assertThat(s.negotiatedOptions().local())
            .contains(TelnetOption.NAWS, TelnetOption.TERMINAL_TYPE);
        assertThat(s.run("whoami")).isEqualTo("alice\n");
        s.sendLine("sleep 1.5 tick");
        ExpectMatch tick = s.expect(Pattern.compile("tick (\\d+)"), Duration.ofSeconds(5));
        assertThat(tick.before() + "|" + tick.group(1)).isEqualTo("sleep 1.5 tick\r\n|1");
        s.expect(client.prompt(), Duration.ofSeconds(5));
        s.windowSize(new WindowSize(100, 30));
        transcript = s.transcriptText();
      }
      assertThat(transcript).contains("Password: ***").doesNotContain("s3cret");
      assertThat(server.lastConnection().terminalType()).contains("dumb");
      assertThat(recorder.events())
          .filteredOn(e -> !e.startsWith("> ") && !e.startsWith("< "))
          .containsExactly(
              "connectStart",
              "connectEnd",
              "authStart alice login prompt",
              "authEnd alice",
              "closed");
    }
  }
}
