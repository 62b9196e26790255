package io.inetkit.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import io.inetkit.testkit.telnet.TelnetConnectionRecord;
import io.inetkit.testkit.telnet.TelnetServer;
import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The interactive bridge, driven through streams (and a stream-backed JLine terminal), not a TTY.
 */
class TelnetTerminalBridgeTest {
  private TelnetServer server;
  private TelnetSession session;
  private final PipedOutputStream keyboard = new PipedOutputStream();
  private final ByteArrayOutputStream screen = new ByteArrayOutputStream();

  @BeforeEach
  void open() throws Exception {
    server = TelnetServer.start();
    session =
        TelnetClient.builder()
            .endpoint(server.endpoint())
            .expectTimeout(Duration.ofSeconds(10))
            .build()
            .open();
  }

  @AfterEach
  void close() throws Exception {
    session.close();
    server.close();
    keyboard.close();
  }

  private TelnetTerminalBridge streamBridge() throws Exception {
    return TelnetTerminalBridge.forStreams(session, new PipedInputStream(keyboard, 4096), screen);
  }

  private CompletableFuture<TelnetTerminalBridge.Exit> startAtPrompt(TelnetTerminalBridge bridge)
      throws Exception {
    CompletableFuture<TelnetTerminalBridge.Exit> exit = start(bridge::run);
    awaitScreen("$ ");
    return exit;
  }

  private static CompletableFuture<TelnetTerminalBridge.Exit> start(
      Callable<TelnetTerminalBridge.Exit> run) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return run.call();
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
  }

  private void type(String keys) throws Exception {
    keyboard.write(keys.getBytes(StandardCharsets.UTF_8));
    keyboard.flush();
  }

  private static void await(Supplier<String> text, String expected) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!text.get().contains(expected)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("never saw " + expected + " in: " + text.get());
      }
      Thread.sleep(20);
    }
  }

  private void awaitScreen(String expected) throws Exception {
    await(() -> screen.toString(StandardCharsets.UTF_8), expected);
  }

  @Test
  void pumpsBothWaysForwardsResizesAndQuitsAtTheEscapePrompt() throws Exception {
    TelnetTerminalBridge bridge = streamBridge();
    CompletableFuture<TelnetTerminalBridge.Exit> exit = startAtPrompt(bridge);
    type("echo hi\r"); // Enter in raw mode is CR
    awaitScreen("echo hi\r\nhi\r\n$ "); // the server's echo, then the output
    bridge.windowSizeChanged(new WindowSize(120, 40));
    type("whoami\r");
    awaitScreen("nobody\r\n$ ");
    assertThat(server.lastConnection().windowSizes())
        .last()
        .isEqualTo(new TelnetConnectionRecord.WindowSize(120, 40));

    type("\u001dstatus\r");
    awaitScreen("Connected to " + server.endpoint() + ".");
    type("\u001dbogus\r");
    awaitScreen("?Invalid command");
    type("\u001dquit\r");
    assertThat(exit.get(10, TimeUnit.SECONDS)).isEqualTo(TelnetTerminalBridge.Exit.QUIT);
    assertThat(screen.toString(StandardCharsets.UTF_8))
        .contains("telnet> quit\r\nConnection closed.");
    assertThat(server.lastConnection().commands()).containsExactly("echo hi", "whoami");
  }

  @Test
  void endsWhenTheServerCloses() throws Exception {
    TelnetTerminalBridge bridge = streamBridge();
    CompletableFuture<TelnetTerminalBridge.Exit> exit = startAtPrompt(bridge);
    type("exit\r");
    assertThat(exit.get(10, TimeUnit.SECONDS)).isEqualTo(TelnetTerminalBridge.Exit.REMOTE_CLOSED);
    assertThat(screen.toString(StandardCharsets.UTF_8))
        .contains("logout\r\n")
        .endsWith("Connection closed by foreign host.\r\n");
  }

  @Test
  void withAStatusStreamTheScreenGetsOnlyTheServersBytes() throws Exception {
    ByteArrayOutputStream status = new ByteArrayOutputStream();
    TelnetTerminalBridge bridge =
        TelnetTerminalBridge.forStreams(
            session, new PipedInputStream(keyboard, 4096), screen, status);
    CompletableFuture<TelnetTerminalBridge.Exit> exit = startAtPrompt(bridge);
    type("exit\r");
    assertThat(exit.get(10, TimeUnit.SECONDS)).isEqualTo(TelnetTerminalBridge.Exit.REMOTE_CLOSED);
    assertThat(screen.toString(StandardCharsets.UTF_8)).endsWith("logout\r\n");
    assertThat(status.toString(StandardCharsets.UTF_8))
        .isEqualTo("\r\nConnection closed by foreign host.\r\n");
  }

  @Test
  void endsWhenTheKeyboardInputEnds() throws Exception {
    CompletableFuture<TelnetTerminalBridge.Exit> exit = startAtPrompt(streamBridge());
    keyboard.close();
    assertThat(exit.get(10, TimeUnit.SECONDS))
        .isEqualTo(TelnetTerminalBridge.Exit.LOCAL_INPUT_CLOSED);
  }

  @Test
  void jlineTerminalGivesRawKeysInitialSizeAndWinchAsNaws() throws Exception {
    PipedInputStream keys = new PipedInputStream(keyboard, 4096);
    try (Terminal terminal =
        TerminalBuilder.builder()
            .system(false)
            .streams(keys, screen)
            .type("xterm")
            .size(new Size(100, 30))
            .build()) {
      CompletableFuture<TelnetTerminalBridge.Exit> exit =
          start(() -> TelnetTerminalBridge.runOn(session, terminal));
      awaitScreen("$ ");
      type("echo via jline\r");
      try {
        awaitScreen("via jline\r\n$ ");
      } catch (AssertionError e) {
        if (exit.isDone()) {
          exit.get();
        }
        throw e;
      }
      terminal.setSize(new Size(132, 43));
      terminal.raise(Terminal.Signal.WINCH);
      type("whoami\r");
      awaitScreen("nobody\r\n$ ");
      assertThat(server.lastConnection().windowSizes())
          .contains(new TelnetConnectionRecord.WindowSize(100, 30))
          .last()
          .isEqualTo(new TelnetConnectionRecord.WindowSize(132, 43));
      type("\u001dquit\r");
      assertThat(exit.get(10, TimeUnit.SECONDS)).isEqualTo(TelnetTerminalBridge.Exit.QUIT);
      assertThat(server.lastConnection().commands()).containsExactly("echo via jline", "whoami");
    }
  }
}
