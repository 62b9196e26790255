package io.inetkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.inetkit.core.AuthenticationException;
import io.inetkit.core.ConnectionClosedException;
import io.inetkit.core.ConnectionException;
import io.inetkit.core.Credentials;
import io.inetkit.core.InetkitException;
import io.inetkit.core.InetkitTimeoutException;
import io.inetkit.core.ProtocolReplyException;
import io.inetkit.core.ProtocolViolationException;
import io.inetkit.core.Timeouts;
import io.inetkit.core.TlsException;
import io.inetkit.core.TlsMode;
import io.inetkit.mail.imap.ImapClient;
import io.inetkit.mail.imap.ImapSession;
import io.inetkit.mail.pop3.Pop3Client;
import io.inetkit.mail.pop3.Pop3Session;
import io.inetkit.mail.smtp.SmtpClient;
import io.inetkit.terminal.TelnetClient;
import io.inetkit.terminal.TelnetSession;
import io.inetkit.testkit.fault.FaultScenarios;
import io.inetkit.testkit.fault.FaultScript;
import io.inetkit.testkit.fault.FaultServer;
import io.inetkit.transfer.ftp.FtpClient;
import io.inetkit.transfer.ftp.FtpSession;
import io.inetkit.transfer.gopher.GopherClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The README's exit-code table, proved: each kind of failure, from each of the six protocols'
 * library clients and from the {@code inetkit} command, ends with the same exception type and the
 * same exit code. Every row is a scripted {@link FaultServer} on loopback (or a closed port).
 */
class FailureTableTest {
  private static final Timeouts FAST =
      Timeouts.DEFAULT.withConnect(Duration.ofSeconds(2)).withRead(Duration.ofSeconds(1));
  private static final Credentials ALICE = Credentials.password("alice", "pw".toCharArray());

  @TempDir Path home;

  enum Protocol {
    SMTP,
    POP3,
    IMAP,
    FTP,
    GOPHER,
    TELNET
  }

  /** What the library does against the fault server on {@code port}. */
  @FunctionalInterface
  interface LibraryCall {
    void run(int port, boolean startTls) throws IOException;
  }

  /** One row: a failure kind met by a protocol, and what must come of it. */
  record Row(
      String kind,
      Protocol protocol,
      Supplier<FaultScript> script,
      boolean startTls,
      Class<? extends InetkitException> type,
      int exit) {
    @Override
    public String toString() {
      return kind + " / " + protocol;
    }
  }

  static Stream<Row> rows() {
    List<Row> rows = new ArrayList<>();
    for (Protocol p : Protocol.values()) {
      rows.add(new Row("refused", p, null, false, ConnectionException.class, 69));
      rows.add(
          new Row(
              "reset on accept",
              p,
              FaultScript::resetOnAccept,
              false,
              ConnectionClosedException.class,
              75));
      rows.add(
          new Row(
              "stall",
              p,
              () -> FaultScript.create().stall(),
              false,
              InetkitTimeoutException.class,
              79));
      if (p
          != Protocol
              .GOPHER) { // an empty Gopher answer is the truncation check's (issue 14, section 5)
        rows.add(
            new Row(
                "close on accept",
                p,
                FaultScript::closeOnAccept,
                false,
                ConnectionClosedException.class,
                75));
      }
    }
    Map<Protocol, String> greeting =
        Map.of(
            Protocol.SMTP,
            "220 fault.test ESMTP",
            Protocol.POP3,
            "+OK ready",
            Protocol.IMAP,
            "* OK ready",
            Protocol.FTP,
            "220 ready");
    for (Protocol p : List.of(Protocol.SMTP, Protocol.POP3, Protocol.IMAP, Protocol.FTP)) {
      rows.add(
          new Row(
              "garbage greeting",
              p,
              () -> FaultScript.create().garbage(4096).close(),
              false,
              ProtocolViolationException.class,
              76));
      String nul = greeting.get(p).replace("ready", "re\0ady").replace("fault.test", "fault\0test");
      rows.add(
          new Row(
              "NUL in reply",
              p,
              () -> dialogue(p, Map.of(FaultScenarios.GREETING, nul)),
              false,
              ProtocolViolationException.class,
              76));
    }
    rows.add(
        new Row(
            "NUL in reply",
            Protocol.GOPHER,
            () -> FaultScript.create().expectLine().send("0a\0b\t/a\t127.0.0.1\t70\r\n.\r\n"),
            false,
            ProtocolViolationException.class,
            76));
    // negative replies: temporary (4xx) and permanent (5xx, -ERR, NO)
    rows.add(
        new Row(
            "4xx",
            Protocol.SMTP,
            () -> dialogue(Protocol.SMTP, Map.of(FaultScenarios.GREETING, "421 4.3.2 busy")),
            false,
            ProtocolReplyException.class,
            75));
    rows.add(
        new Row(
            "4xx",
            Protocol.FTP,
            () -> dialogue(Protocol.FTP, Map.of("TYPE", "451 local error")),
            false,
            ProtocolReplyException.class,
            75));
    rows.add(
        new Row(
            "5xx",
            Protocol.SMTP,
            () -> dialogue(Protocol.SMTP, Map.of(FaultScenarios.GREETING, "554 no service")),
            false,
            ProtocolReplyException.class,
            76));
    rows.add(
        new Row(
            "5xx",
            Protocol.FTP,
            () -> dialogue(Protocol.FTP, Map.of("TYPE", "504 not supported")),
            false,
            ProtocolReplyException.class,
            76));
    rows.add(
        new Row(
            "5xx",
            Protocol.POP3,
            () ->
                dialogue(
                    Protocol.POP3,
                    Map.of(
                        "STAT",
                        "-ERR maildrop locked",
                        "LIST",
                        "-ERR maildrop locked",
                        "UIDL",
                        "-ERR maildrop locked")),
            false,
            ProtocolReplyException.class,
            76));
    rows.add(
        new Row(
            "5xx",
            Protocol.IMAP,
            () ->
                dialogue(
                    Protocol.IMAP,
                    Map.of("STATUS", "{tag} NO backend down", "*", "{tag} BAD backend down")),
            false,
            ProtocolReplyException.class,
            76));
    // credentials refused
    rows.add(
        new Row(
            "auth refused",
            Protocol.SMTP,
            () -> dialogue(Protocol.SMTP, Map.of("AUTH", "535 5.7.8 bad credentials")),
            false,
            AuthenticationException.class,
            77));
    rows.add(
        new Row(
            "auth refused",
            Protocol.POP3,
            () -> dialogue(Protocol.POP3, Map.of("PASS", "-ERR [AUTH] bad credentials")),
            false,
            AuthenticationException.class,
            77));
    rows.add(
        new Row(
            "auth refused",
            Protocol.IMAP,
            () -> dialogue(Protocol.IMAP, Map.of("LOGIN", "{tag} NO [AUTHENTICATIONFAILED] bad")),
            false,
            AuthenticationException.class,
            77));
    rows.add(
        new Row(
            "auth refused",
            Protocol.FTP,
            () -> dialogue(Protocol.FTP, Map.of("PASS", "530 login incorrect")),
            false,
            AuthenticationException.class,
            77));
    // STARTTLS offered, then refused
    rows.add(
        new Row(
            "TLS refused",
            Protocol.SMTP,
            () ->
                dialogue(
                    Protocol.SMTP,
                    Map.of(
                        "EHLO",
                        "250-fault.test\r\n250 STARTTLS",
                        "STARTTLS",
                        "454 4.7.0 TLS not available")),
            true,
            TlsException.class,
            78));
    rows.add(
        new Row(
            "TLS refused",
            Protocol.POP3,
            () ->
                dialogue(
                    Protocol.POP3,
                    Map.of("CAPA", "+OK\r\nUSER\r\nSTLS\r\n.", "STLS", "-ERR TLS not available")),
            true,
            TlsException.class,
            78));
    rows.add(
        new Row(
            "TLS refused",
            Protocol.IMAP,
            () ->
                dialogue(
                    Protocol.IMAP,
                    Map.of(
                        FaultScenarios.GREETING,
                        "* OK [CAPABILITY IMAP4rev1 STARTTLS] ready",
                        "CAPABILITY",
                        "* CAPABILITY IMAP4rev1 STARTTLS\r\n{tag} OK done",
                        "STARTTLS",
                        "{tag} NO TLS not available")),
            true,
            TlsException.class,
            78));
    rows.add(
        new Row(
            "TLS refused",
            Protocol.FTP,
            () -> dialogue(Protocol.FTP, Map.of("AUTH", "534 TLS not available")),
            true,
            TlsException.class,
            78));
    // what only one protocol has
    rows.add(
        new Row(
            "bad PASV",
            Protocol.FTP,
            FaultScenarios::ftpBadPassivePort,
            false,
            ProtocolViolationException.class,
            76));
    rows.add(
        new Row(
            "garbage untagged",
            Protocol.IMAP,
            () -> FaultScenarios.imapGarbageUntagged(50),
            false,
            ProtocolViolationException.class,
            76));
    rows.add(
        new Row(
            "STATUS without data",
            Protocol.IMAP,
            FaultScenarios::imapStatusWithoutData,
            false,
            ProtocolViolationException.class,
            76));
    rows.add(
        new Row(
            "unparsable data",
            Protocol.IMAP,
            () ->
                dialogue(
                    Protocol.IMAP,
                    Map.of(
                        "STATUS",
                            "* STATUS INBOX (MESSAGES 1 ())\r\n{tag} OK done", // Angus's parser
                        // would loop
                        "UID FETCH", "* 1 FETCH (UID 1 FLAGS (\\Seen)))\r\n{tag} OK done",
                        "FETCH", "* 1 FETCH (UID 1 FLAGS (\\Seen)))\r\n{tag} OK done")),
            false,
            ProtocolViolationException.class,
            76));
    return rows.stream();
  }

  private static FaultScript dialogue(Protocol p, Map<String, String> replies) {
    return switch (p) {
      case SMTP -> FaultScenarios.smtp(replies);
      case POP3 -> FaultScenarios.pop3(replies);
      case IMAP -> FaultScenarios.imap(replies);
      case FTP -> FaultScenarios.ftp(replies);
      default -> throw new IllegalArgumentException(p.name());
    };
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void libraryThrowsTheTypedException(Row row) throws Exception {
    try (FaultServer server = start(row)) {
      int port = server == null ? TestPorts.closed() : server.port();
      Throwable thrown = catchThrowable(() -> library(row.protocol()).run(port, row.startTls()));
      assertThat(thrown).as(row.toString()).isInstanceOf(row.type());
      assertThat(ExitCode.of(thrown).code()).as(String.valueOf(thrown)).isEqualTo(row.exit());
      assertThat(thrown.getMessage()).contains("127.0.0.1:" + port);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void commandExitsWithTheTableCode(Row row) throws Exception {
    try (FaultServer server = start(row)) {
      int port = server == null ? TestPorts.closed() : server.port();
      CliRun cli = new CliRun(home).variable("INETKIT_PASSWORD", "pw");
      int code = cli.run(command(row.protocol(), port, row.startTls()));
      assertThat(code).as(cli.err()).isEqualTo(row.exit());
      assertThat(cli.err())
          .startsWith("inetkit: ")
          .contains("127.0.0.1:" + port)
          .doesNotContain("\tat ");
      try (Stream<Path> left = Files.list(home)) {
        assertThat(left.map(f -> f.getFileName().toString()))
            .as("nothing downloaded or left half-done")
            .noneMatch(name -> name.contains("f.txt"));
      }
    }
  }

  private static FaultServer start(Row row) throws IOException {
    return row.script() == null ? null : FaultServer.start(row.script().get());
  }

  private static TlsMode tls(boolean startTls) {
    return startTls ? TlsMode.STARTTLS_REQUIRED : TlsMode.NONE;
  }

  private LibraryCall library(Protocol p) {
    return switch (p) {
      case SMTP ->
          (port, startTls) ->
              SmtpClient.builder()
                  .endpoint("127.0.0.1", port)
                  .tlsMode(tls(startTls))
                  .plaintextLogin(io.inetkit.core.PlaintextLogin.ALLOWED)
                  .credentials(ALICE)
                  .timeouts(FAST)
                  .build()
                  .open()
                  .close();
      case POP3 ->
          (port, startTls) -> {
            try (Pop3Session pop3 =
                Pop3Client.builder()
                    .endpoint("127.0.0.1", port)
                    .tlsMode(tls(startTls))
                    .plaintextLogin(io.inetkit.core.PlaintextLogin.ALLOWED)
                    .credentials(ALICE)
                    .timeouts(FAST)
                    .build()
                    .open()) {
              pop3.list();
            }
          };
      case IMAP ->
          (port, startTls) -> {
            try (ImapSession imap =
                ImapClient.builder()
                    .endpoint("127.0.0.1", port)
                    .tlsMode(tls(startTls))
                    .plaintextLogin(io.inetkit.core.PlaintextLogin.ALLOWED)
                    .credentials(ALICE)
                    .timeouts(FAST)
                    .build()
                    .open()) {
              imap.status("INBOX");
            }
          };
      case FTP ->
          (port, startTls) -> {
            try (FtpSession ftp =
                FtpClient.builder()
                    .endpoint("127.0.0.1", port)
                    .tlsMode(tls(startTls))
                    .credentials(ALICE)
                    .timeouts(FAST)
                    .build()
                    .open()) {
              ftp.list("/");
            }
          };
      case GOPHER ->
          (port, startTls) ->
              GopherClient.builder().timeouts(FAST).build().menu("127.0.0.1", port, "");
      case TELNET ->
          (port, startTls) -> {
            try (TelnetSession telnet =
                TelnetClient.builder()
                    .endpoint("127.0.0.1", port)
                    .timeouts(FAST)
                    .expectTimeout(Duration.ofSeconds(1))
                    .build()
                    .open()) {
              telnet.expect("login: ");
            }
          };
    };
  }

  private String[] command(Protocol p, int port, boolean startTls) {
    String host = "127.0.0.1:" + port;
    String tls = startTls ? "starttls" : "none";
    List<String> args =
        new ArrayList<>(
            switch (p) {
              case SMTP ->
                  List.of(
                      "mail",
                      "send",
                      "--server",
                      "smtp://alice@" + host,
                      "--tls",
                      tls,
                      "--from",
                      "a@example.org",
                      "--to",
                      "b@example.org",
                      "--subject",
                      "s",
                      "--text",
                      "x");
              case POP3 -> List.of("mail", "list", "pop3://alice@" + host, "--tls", tls);
              case IMAP ->
                  List.of("mail", "read", "imap://alice@" + host + "/INBOX;UID=1", "--tls", tls);
              case FTP ->
                  List.of(
                      "ftp",
                      "get",
                      "ftp://alice@" + host + "/f.txt",
                      "-o",
                      home.resolve("f.txt").toString(),
                      "--tls",
                      tls,
                      "--retry",
                      "0");
              case GOPHER -> List.of("gopher", "gopher://" + host + "/1/");
              case TELNET ->
                  List.of("telnet", "127.0.0.1", Integer.toString(port), "--expect", "login: ");
            });
    args.addAll(List.of("--timeout", "1s", "--connect-timeout", "2s"));
    return args.toArray(String[]::new);
  }
}
