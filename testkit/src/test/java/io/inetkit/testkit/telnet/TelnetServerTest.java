package io.inetkit.testkit.telnet;

import static io.inetkit.testkit.telnet.RawTelnet.DO;
import static io.inetkit.testkit.telnet.RawTelnet.DONT;
import static io.inetkit.testkit.telnet.RawTelnet.IAC;
import static io.inetkit.testkit.telnet.RawTelnet.SB;
import static io.inetkit.testkit.telnet.RawTelnet.SE;
import static io.inetkit.testkit.telnet.RawTelnet.WILL;
import static io.inetkit.testkit.telnet.RawTelnet.WONT;
import static io.inetkit.testkit.telnet.RawTelnet.iac;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TelnetServerTest {
  private static final int TTYPE = 24;
  private static final int NAWS = 31;
  private static final int ECHO = 1;
  private static final int SGA = 3;
  private static final int BINARY = 0;

  @TempDir Path folder;

  private TelnetServer quiet() throws IOException {
    return TelnetServer.builder().user("alice", "secret").files(folder).initiate(Set.of()).start();
  }

  @Test
  void negotiatesAndRecordsTerminalTypeWindowSizeAndOptions() throws Exception {
    try (TelnetServer server = TelnetServer.builder().user("alice", "secret").start();
        RawTelnet c = new RawTelnet(server)) {
      // The server opens with its requests, in option order.
      String opening = new String(c.readN(15), StandardCharsets.ISO_8859_1);
      assertThat(opening)
          .isEqualTo(
              iac(WILL, ECHO) + iac(WILL, SGA) + iac(DO, SGA) + iac(DO, TTYPE) + iac(DO, NAWS));
      c.send(IAC, DO, ECHO, IAC, DO, SGA, IAC, WILL, SGA, IAC, WILL, TTYPE, IAC, WILL, NAWS);
      c.send(IAC, SB, NAWS, 0, 132, 0, 43, IAC, SE);
      String more = c.readUntil(iac(SE));
      assertThat(more).isEqualTo(iac(SB, TTYPE, 1) + iac(SE)); // SEND
      c.send(iac(SB, TTYPE, 0) + "XTERM-256COLOR" + iac(SE));
      c.readUntil("login: ");

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

      // With ECHO agreed the user name is echoed, the password is not.
      c.send("alice\r\n");
      assertThat(c.readUntil("Password: ")).isEqualTo("alice\r\nPassword: ");
      c.send("secret\r\n");
      assertThat(c.readUntil("$ ")).isEqualTo("\r\n$ ");

      // A window-size change mid-session, with a 255 that must arrive doubled.
      c.send(IAC, SB, NAWS, 0, 255, 255, 0, 30, IAC, SE);
      c.send("whoami\r\n");
      assertThat(c.readUntil("$ ")).isEqualTo("whoami\r\nalice\r\n$ ");
      assertThat(rec.windowSizes())
          .last()
          .isEqualTo(new TelnetConnectionRecord.WindowSize(255, 30));
      assertThat(rec.user()).contains("alice");
    }
  }

  @Test
  void refusesOptionsItDoesNotPerformAndRecordsRefusals() throws Exception {
    try (TelnetServer server = TelnetServer.builder().start();
        RawTelnet c = new RawTelnet(server)) {
      c.readN(15);
      c.send(IAC, DONT, ECHO, IAC, WONT, TTYPE, IAC, WONT, NAWS, IAC, DONT, SGA, IAC, WONT, SGA);
      c.readUntil("$ ");
      c.send(IAC, WILL, 99, IAC, DO, TTYPE, IAC, WILL, ECHO);
      assertThat(c.readN(9))
          .containsExactly(
              (byte) IAC,
              (byte) DONT,
              99,
              (byte) IAC,
              (byte) WONT,
              TTYPE,
              (byte) IAC,
              (byte) DONT,
              ECHO);
      c.send(IAC, DO, BINARY);
      assertThat(c.readN(3)).containsExactly((byte) IAC, (byte) WILL, BINARY);
      c.send(IAC, DO, BINARY); // already on: no answer, so no negotiation loop
      c.send("whoami\r\n");
      assertThat(c.readUntil("$ ")).isEqualTo("nobody\r\n$ ");
      TelnetConnectionRecord rec = server.lastConnection();
      assertThat(rec.terminalType()).isEmpty();
      assertThat(rec.clientOptions()).isEmpty();
      assertThat(rec.serverOptions()).containsExactly(TelnetOptionCode.BINARY);
    }
  }

  @Test
  void loginRejectsWrongPasswordThreeTimesThenHangsUp() throws Exception {
    try (TelnetServer server = quiet();
        RawTelnet c = new RawTelnet(server)) {
      for (int i = 0; i < 3; i++) {
        c.readUntil("login: ");
        c.send("alice\r\n");
        c.readUntil("Password: ");
        c.send("wrong\r\n");
        assertThat(c.readUntil("Login incorrect\r\n")).isEqualTo("\r\nLogin incorrect\r\n");
      }
      assertThat(c.readToEnd()).isEmpty();
      assertThat(server.lastConnection().failedLogins()).containsExactly("alice", "alice", "alice");
      assertThat(server.lastConnection().user()).isEmpty();
    }
  }

  @Test
  void shellCommandsAcceptEveryLineEnd() throws Exception {
    Files.writeString(folder.resolve("notes.txt"), "one\ntwo\n");
    try (TelnetServer server = quiet();
        RawTelnet c = new RawTelnet(server)) {
      login(c);
      c.send("echo  hello   world\r\n"); // CR LF; spacing after the verb kept
      assertThat(c.readUntil("$ ")).isEqualTo(" hello   world\r\n$ ");
      c.send("whoami\r\0"); // CR NUL
      assertThat(c.readUntil("$ ")).isEqualTo("alice\r\n$ ");
      c.send("cat notes.txt\n"); // bare LF; file LF becomes CR LF
      assertThat(c.readUntil("$ ")).isEqualTo("one\r\ntwo\r\n$ ");
      c.send("cat ../escape\r"); // bare CR
      assertThat(c.readUntil("$ ")).isEqualTo("cat: ../escape: No such file or directory\r\n$ ");
      c.send("\nfrobnicate\r\n"); // the LF after a bare CR is swallowed, not an empty command
      assertThat(c.readUntil("$ ")).isEqualTo("sh: frobnicate: command not found\r\n$ ");
      c.send("exit\r\n");
      assertThat(c.readToEnd()).isEqualTo("logout\r\n");
      assertThat(server.lastConnection().commands())
          .containsExactly(
              "echo  hello   world",
              "whoami",
              "cat notes.txt",
              "cat ../escape",
              "frobnicate",
              "exit");
      assertThat(server.lastConnection().isClosed()).isTrue();
    }
  }

  @Test
  void inputIacIacIsOneDataByteAndCommandsInsideALineAreNotData() throws Exception {
    try (TelnetServer server = quiet();
        RawTelnet c = new RawTelnet(server)) {
      login(c);
      c.send("echo a");
      c.send(IAC, IAC); // one 0xFF data byte: not valid UTF-8, so one U+FFFD
      c.send(IAC, 241); // IAC NOP in the middle of the line: not data
      c.send("b\r\n");
      c.readUntil("$ ");
      assertThat(server.lastConnection().commands()).containsExactly("echo a\uFFFDb");
    }
  }

  @Test
  void textModeDoublesIacAndSendsBareCrAsCrNul() throws Exception {
    Files.write(
        folder.resolve("bin"),
        new byte[] {'a', (byte) 0xff, 'b', '\r', 'c', '\r', '\n', 'd', '\n'});
    try (TelnetServer server = quiet();
        RawTelnet c = new RawTelnet(server)) {
      login(c);
      c.send("cat bin\r\n");
      assertThat(c.readUntil("$ ")).isEqualTo("a\u00ff\u00ffb\r\0c\r\nd\r\n$ ");
    }
  }

  @Test
  void binaryModeSendsBytesUntranslatedButStillDoublesIac() throws Exception {
    byte[] data = new byte[256];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) i;
    }
    Files.write(folder.resolve("all"), data);
    try (TelnetServer server = quiet();
        RawTelnet c = new RawTelnet(server)) {
      login(c);
      c.send(IAC, DO, BINARY);
      assertThat(c.readN(3)).containsExactly((byte) IAC, (byte) WILL, BINARY);
      c.send("cat all\r\n");
      byte[] wire = c.readN(257);
      assertThat(wire[13]).isEqualTo((byte) 13); // CR not followed by NUL
      assertThat(wire[14]).isEqualTo((byte) 14);
      assertThat(wire[255]).isEqualTo((byte) 255);
      assertThat(wire[256]).isEqualTo((byte) 255); // IAC doubled
      assertThat(c.readUntil("$ ")).isEqualTo("$ ");
    }
  }

  @Test
  void floodSendsExactlyTheAdvertisedBytes() throws Exception {
    int size = 1_000_003;
    try (TelnetServer server = quiet();
        RawTelnet c = new RawTelnet(server)) {
      login(c);
      c.send("flood " + size + "\r\n");
      byte[] got = c.readN(size);
      try (InputStream expected = TelnetServer.floodContent(size)) {
        assertThat(got).isEqualTo(expected.readAllBytes());
      }
      assertThat(new String(got, 0, 64, StandardCharsets.US_ASCII))
          .isEqualTo("0000000000 abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXY\r\n");
      assertThat(new String(got, 15_624 * 64, 64, StandardCharsets.US_ASCII))
          .isEqualTo("0000015624 abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXY\r\n");
      assertThat(c.readUntil("$ ")).isEqualTo("$ ");
    }
  }

  @Test
  void sleepDelaysThePromptAndTickPrintsWhileWaiting() throws Exception {
    try (TelnetServer server = quiet();
        RawTelnet c = new RawTelnet(server)) {
      login(c);
      c.send("sleep 1.5 tick\r\n");
      assertThat(c.readUntil("$ ")).isEqualTo("tick 1\r\n$ ");
      c.send("sleep soon\r\n");
      assertThat(c.readUntil("$ ")).isEqualTo("sleep: invalid time interval 'soon'\r\n$ ");
    }
  }

  @Test
  void negotiationWaitEndsAtTheTimeoutForSilentClients() throws Exception {
    try (TelnetServer server =
            TelnetServer.builder()
                .negotiationTimeout(Duration.ofMillis(200))
                .banner("hi\n")
                .start();
        RawTelnet c = new RawTelnet(server)) {
      assertThat(c.readUntil("$ ")).endsWith("hi\r\n$ ");
      assertThat(server.lastConnection().clientOptions()).isEmpty();
    }
  }

  private static void login(RawTelnet c) throws IOException {
    c.readUntil("login: ");
    c.send("alice\r\n");
    c.readUntil("Password: ");
    c.send("secret\r\n");
    c.readUntil("$ ");
  }
}
