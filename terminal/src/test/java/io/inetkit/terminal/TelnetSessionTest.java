package io.inetkit.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inetkit.core.AuthenticationException;
import io.inetkit.core.ConnectionClosedException;
import io.inetkit.core.ConnectionException;
import io.inetkit.core.Credentials;
import io.inetkit.core.InetkitTimeoutException;
import io.inetkit.core.InvalidInputException;
import io.inetkit.testkit.RecordingEventListener;
import io.inetkit.testkit.telnet.TelnetConnectionRecord;
import io.inetkit.testkit.telnet.TelnetOptionCode;
import io.inetkit.testkit.telnet.TelnetServer;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TelnetSessionTest {
  private static final Duration SHORT = Duration.ofSeconds(10);

  @TempDir static Path folder;
  private static TelnetServer server;

  @BeforeAll
  static void start() throws Exception {
    Files.writeString(folder.resolve("motd.txt"), "line one\nline two\n");
    server = TelnetServer.builder().user("alice", "s3cret!").files(folder).start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static TelnetClient.Builder client() {
    return TelnetClient.builder().endpoint(server.endpoint()).expectTimeout(SHORT);
  }

  @Test
  void negotiatesLogsInRunsCommandsAndExits() throws Exception {
    TelnetClient client =
        client().terminalType("XTERM-256COLOR").windowSize(new WindowSize(132, 43)).build();
    try (TelnetSession s = client.open()) {
      s.login("alice", "s3cret!".toCharArray());

      assertThat(s.negotiatedOptions().local())
          .containsExactlyInAnyOrder(
              TelnetOption.SUPPRESS_GO_AHEAD, TelnetOption.TERMINAL_TYPE, TelnetOption.NAWS);
      assertThat(s.negotiatedOptions().remote())
          .containsExactlyInAnyOrder(TelnetOption.SUPPRESS_GO_AHEAD, TelnetOption.ECHO);
      TelnetConnectionRecord rec = server.lastConnection();
      assertThat(rec.terminalType()).contains("XTERM-256COLOR");
      assertThat(rec.windowSizes()).containsExactly(new TelnetConnectionRecord.WindowSize(132, 43));
      assertThat(rec.clientOptions())
          .containsExactlyInAnyOrder(
              TelnetOptionCode.SUPPRESS_GO_AHEAD,
              TelnetOptionCode.TERMINAL_TYPE,
              TelnetOptionCode.NAWS);
      assertThat(rec.serverOptions())
          .containsExactlyInAnyOrder(TelnetOptionCode.ECHO, TelnetOptionCode.SUPPRESS_GO_AHEAD);
      assertThat(rec.user()).contains("alice");

      // The server echoes (ECHO agreed); run() strips the echo and normalises line ends.
      assertThat(s.run("echo hello  world")).isEqualTo("hello  world\n");
      assertThat(s.run("whoami")).isEqualTo("alice\n");
      assertThat(s.run("cat motd.txt")).isEqualTo("line one\nline two\n");
      assertThat(s.run("nope")).isEqualTo("sh: nope: command not found\n");

      s.sendLine("exit");
      assertThat(s.readUntil("logout", SHORT)).endsWith("exit\r\nlogout");
      assertThatThrownBy(() -> s.expect("$ ", SHORT))
          .isInstanceOf(ConnectionClosedException.class)
          .hasMessageContaining(server.endpoint().toString());
      assertThat(rec.commands())
          .containsExactly("echo hello  world", "whoami", "cat motd.txt", "nope", "exit");
    }
  }

  @Test
  void withoutEchoTheOutputIsNotEchoedAndRefusedOptionsAreRecorded() throws Exception {
    TelnetClient client = client().options(EnumSet.of(TelnetOption.SUPPRESS_GO_AHEAD)).build();
    try (TelnetSession s = client.open()) {
      s.login(Credentials.password("alice", "s3cret!".toCharArray()));
      assertThat(s.negotiatedOptions().remote()).containsExactly(TelnetOption.SUPPRESS_GO_AHEAD);
      assertThat(s.run("echo plain")).isEqualTo("plain\n");
      assertThat(s.transcript())
          .filteredOn(e -> e.direction() == TranscriptEntry.Direction.RECEIVED)
          .noneSatisfy(e -> assertThat(e.text()).contains("echo plain"));
      TelnetConnectionRecord rec = server.lastConnection();
      assertThat(rec.terminalType()).isEmpty();
      assertThat(rec.windowSizes()).isEmpty();
      assertThat(rec.serverOptions()).containsExactly(TelnetOptionCode.SUPPRESS_GO_AHEAD);
    }
  }

  @Test
  void transcriptAndEventsNeverShowThePassword() throws Exception {
    RecordingEventListener recorder = new RecordingEventListener();
    try (TelnetSession s = client().eventListener(recorder).build().open()) {
      s.login("alice", "s3cret!".toCharArray());
      s.run("whoami");
      String text = s.transcriptText();
      assertThat(text).contains("login: alice\r\n").contains("Password: ").contains("***\r\n");
      assertThat(text).doesNotContain("s3cret!");
      assertThat(s.transcript()).allSatisfy(e -> assertThat(e.text()).doesNotContain("s3cret!"));
      assertThat(recorder.commands()).containsExactly("alice", "***", "whoami");
      assertThat(recorder.events()).contains("authEnd alice");
    }
  }

  @Test
  void wrongPasswordIsAnAuthenticationErrorCarryingTheServerText() throws Exception {
    try (TelnetSession s = client().build().open()) {
      assertThatThrownBy(() -> s.login("alice", "wrong".toCharArray()))
          .isInstanceOf(AuthenticationException.class)
          .hasMessageContaining("login as alice")
          .hasMessageContaining("Login incorrect")
          .hasMessageContaining(server.endpoint().toString())
          .hasMessageNotContaining("wrong")
          .satisfies(
              e ->
                  assertThat(((AuthenticationException) e).reply().text())
                      .contains("Login incorrect"));
    }
  }

  @Test
  void loginValuesWithLineBreaksAreRejectedBeforeAnythingIsSent() throws Exception {
    try (TelnetSession s = client().build().open()) {
      assertThatThrownBy(() -> s.login("alice\r\nwhoami", "x".toCharArray()))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("user");
      assertThatThrownBy(() -> s.login("alice", "pw\nwhoami".toCharArray()))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("password")
          .hasMessageNotContaining("whoami");
      assertThatThrownBy(() -> s.sendLine("echo a\recho b"))
          .isInstanceOf(InvalidInputException.class);
      assertThatThrownBy(() -> s.run("a\nb")).isInstanceOf(InvalidInputException.class);
      // Nothing reached the shell: the prompt is still the login prompt, and logging in works.
      s.login("alice", "s3cret!".toCharArray());
      assertThat(server.lastConnection().failedLogins()).isEmpty();
    }
  }

  @Test
  void windowSizeChangesAreSentAsNaws() throws Exception {
    try (TelnetSession s = client().build().open()) {
      s.login("alice", "s3cret!".toCharArray());
      s.windowSize(new WindowSize(255, 60)); // 255 travels as IAC IAC inside SB
      s.windowSize(new WindowSize(100, 30));
      s.run("whoami");
      assertThat(server.lastConnection().windowSizes())
          .containsExactly(
              new TelnetConnectionRecord.WindowSize(80, 24),
              new TelnetConnectionRecord.WindowSize(255, 60),
              new TelnetConnectionRecord.WindowSize(100, 30));
    }
  }

  @Test
  void expectReturnsTextBeforeMatchAndGroupsAndWaitsForSlowOutput() throws Exception {
    try (TelnetSession s = client().build().open()) {
      s.login("alice", "s3cret!".toCharArray());
      s.sendLine("sleep 2.5 tick");
      ExpectMatch second = s.expect(Pattern.compile("tick (\\d+)\\r\\n"), SHORT);
      assertThat(second.group(1)).isEqualTo("1");
      assertThat(second.before()).isEqualTo("sleep 2.5 tick\r\n");
      ExpectMatch next =
          s.expectAny(List.of(Pattern.compile("never"), Pattern.compile("tick (\\d)")), SHORT);
      assertThat(next.index()).isEqualTo(1);
      assertThat(next.groups()).containsExactly("2");
      s.expect(client().build().prompt(), SHORT);
      assertThat(s.run("echo done")).isEqualTo("done\n");
    }
  }

  @Test
  void regexMatchesSpanningSeveralReadsAreFoundAndAnchorsKeepTheirMeaning() throws Exception {
    try (TelnetSession s = client().build().open()) {
      s.login("alice", "s3cret!".toCharArray());
      s.sendLine("sleep 2.5 tick"); // "tick 1" and "tick 2" arrive a second apart
      ExpectMatch both = s.expect(Pattern.compile("(?m)^tick 1\\r\\n^tick (\\d)$"), SHORT);
      assertThat(both.group(1)).isEqualTo("2");
      assertThat(both.before()).isEqualTo("sleep 2.5 tick\r\n");
      s.expect(Pattern.compile("\\A\\r\\n\\$ \\z"), SHORT); // \A is still the buffer's start
    }
  }

  @Test
  void expectTimesOutWithTheCallsTimeoutWhenThePromptIsLate() throws Exception {
    try (TelnetSession s = client().build().open()) {
      s.login("alice", "s3cret!".toCharArray());
      assertThatThrownBy(() -> s.run("sleep 3", Duration.ofMillis(300)))
          .isInstanceOf(InetkitTimeoutException.class)
          .hasMessageContaining("expect /[$#>%] (?:\\e\\[[0-?]*[ -/]*[@-~])*\\z/")
          .hasMessageContaining(server.endpoint().toString())
          .hasMessageContaining("timed out after 300 ms")
          .hasMessageContaining("sleep 3")
          .satisfies(
              e ->
                  assertThat(((InetkitTimeoutException) e).timeout())
                      .isEqualTo(Duration.ofMillis(300)));
      // The session is still usable: the prompt arrives later.
      s.expect("$ ", SHORT);
      assertThat(s.run("whoami")).isEqualTo("alice\n");
    }
  }

  @Test
  void binaryModeCarriesEveryByteValueThroughTheInputStream() throws Exception {
    byte[] all = new byte[512];
    for (int i = 0; i < all.length; i++) {
      all[i] = (byte) i;
    }
    Files.write(folder.resolve("all.bin"), all);
    TelnetClient client =
        client()
            .options(EnumSet.of(TelnetOption.SUPPRESS_GO_AHEAD, TelnetOption.BINARY))
            .charset(StandardCharsets.ISO_8859_1)
            .build();
    try (TelnetSession s = client.open()) {
      s.login("alice", "s3cret!".toCharArray());
      assertThat(s.negotiatedOptions().local()).contains(TelnetOption.BINARY);
      assertThat(s.negotiatedOptions().remote()).contains(TelnetOption.BINARY);
      s.sendLine("cat all.bin");
      InputStream in = s.inputStream();
      assertThat(in.readNBytes(all.length)).isEqualTo(all); // 0xFF undoubled, CR kept bare
      s.expect("$ ", SHORT);
    }
  }

  @Test
  void refusedConnectionIsAConnectionException() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    TelnetClient client = TelnetClient.builder().endpoint("127.0.0.1", port).build();
    assertThatThrownBy(client::open)
        .isInstanceOf(ConnectionException.class)
        .hasMessageContaining("127.0.0.1:" + port);
  }

  @Test
  void aClosedSessionRefusesUseAndClosesIdempotently() throws Exception {
    TelnetSession s = client().build().open();
    s.close();
    s.close();
    assertThatThrownBy(() -> s.sendLine("whoami"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    assertThatThrownBy(() -> s.expect("$ ")).isInstanceOf(IllegalStateException.class);
    assertThat(s.toString()).endsWith(", closed]");
  }

  @Test
  void builderValidatesAndNewBuilderCopies() {
    assertThatThrownBy(() -> TelnetClient.builder().terminalType("VT100\r\n"))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> TelnetClient.builder().terminalType("X".repeat(41)))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> new WindowSize(0, 24)).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> TelnetClient.builder().build())
        .isInstanceOf(IllegalStateException.class);
    TelnetClient a = client().terminalType("ANSI").build();
    TelnetClient b = a.newBuilder().windowSize(new WindowSize(100, 40)).build();
    assertThat(b.terminalType()).isEqualTo("ANSI");
    assertThat(b.windowSize()).isEqualTo(new WindowSize(100, 40));
    assertThat(a.windowSize()).isEqualTo(WindowSize.DEFAULT);
  }
}
