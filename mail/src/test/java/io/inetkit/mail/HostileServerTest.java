package io.inetkit.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inetkit.core.Credentials;
import io.inetkit.core.InetkitException;
import io.inetkit.core.InetkitTimeoutException;
import io.inetkit.core.LimitExceededException;
import io.inetkit.core.ProtocolViolationException;
import io.inetkit.core.Timeouts;
import io.inetkit.core.TlsException;
import io.inetkit.core.TlsMode;
import io.inetkit.mail.imap.FolderInfo;
import io.inetkit.mail.imap.ImapClient;
import io.inetkit.mail.imap.ImapSession;
import io.inetkit.mail.imap.MessageRef;
import io.inetkit.mail.imap.SearchCriteria;
import io.inetkit.mail.imap.SpecialUse;
import io.inetkit.mail.pop3.Pop3Client;
import io.inetkit.mail.pop3.Pop3Session;
import io.inetkit.testkit.fault.FaultScript;
import io.inetkit.testkit.fault.FaultServer;
import java.time.Duration;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Servers that misbehave: each gives a typed error naming host:port within the timeout, and the
 * guard below Angus keeps memory bounded (Angus alone would grow one array without limit).
 */
class HostileServerTest {
  private static final Timeouts QUICK =
      new Timeouts(Duration.ofSeconds(2), Duration.ofMillis(700), Duration.ofSeconds(20));

  private static ImapClient imap(FaultServer s, TlsMode mode) {
    return ImapClient.builder()
        .endpoint(s.host(), s.port())
        .tlsMode(mode)
        .plaintextLogin(io.inetkit.core.PlaintextLogin.ALLOWED)
        .credentials(Credentials.password("alice", "secret-pw".toCharArray()))
        .timeouts(QUICK)
        .maxLineLength(64 * 1024)
        .fetchSize(64 * 1024)
        .build();
  }

  private static Pop3Client pop3(FaultServer s) {
    return Pop3Client.builder()
        .endpoint(s.host(), s.port())
        .tlsMode(TlsMode.NONE)
        .plaintextLogin(io.inetkit.core.PlaintextLogin.ALLOWED)
        .credentials(Credentials.password("alice", "secret-pw".toCharArray()))
        .timeouts(QUICK)
        .maxLineLength(64 * 1024)
        .build();
  }

  /** An IMAP server that answers each tagged command with {@code reply(tag, command)}. */
  private static FaultScript imapServer(Function<String[], String> reply) {
    return FaultScript.create()
        .send("* OK fault IMAP ready\r\n")
        .respond(
            line -> {
              String[] parts = line.split(" ", 2);
              return reply.apply(new String[] {parts[0], parts.length > 1 ? parts[1] : ""});
            });
  }

  @Test
  void imapEndlessGreetingLineIsCutAtTheLimit() throws Exception {
    try (FaultServer s = FaultServer.start(FaultScript.create().send("* OK ").endlessLine('x'))) {
      assertThatThrownBy(() -> imap(s, TlsMode.NONE).open())
          .isInstanceOf(LimitExceededException.class)
          .hasMessageContaining("line longer than 65536 bytes")
          .hasMessageContaining(s.host() + ":" + s.port());
    }
  }

  @Test
  void imapHugeLiteralIsRefusedBeforeAngusAllocatesIt() throws Exception {
    try (FaultServer s = FaultServer.start(imapServer(t -> "* CAPABILITY {4000000000}\r\n"))) {
      assertThatThrownBy(() -> imap(s, TlsMode.NONE).open())
          .isInstanceOf(LimitExceededException.class)
          .hasMessageContaining("literal of 4000000000 bytes");
    }
  }

  @Test
  void imapGarbageIsATypedErrorWithinTheTimeout() throws Exception {
    try (FaultServer s = FaultServer.start(FaultScript.create().garbage(200_000).stall())) {
      long start = System.nanoTime();
      assertThatThrownBy(() -> imap(s, TlsMode.NONE).open())
          .isInstanceOf(
              ProtocolViolationException.class) // a greeting that is not OK, PREAUTH or BYE
          .hasMessageContaining("unexpected response")
          .hasMessageContaining(s.host() + ":" + s.port())
          .message()
          .hasSizeLessThan(400); // quoted and cut, not the garbage itself
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
    }
  }

  @Test
  void imapGarbageFetchResponseIsAProtocolViolationQuotingTheReply() throws Exception {
    ScriptedImap responder =
        ScriptedImap.normalExcept(
            "IMAP4rev1",
            (tag, command) ->
                command.startsWith("UID FETCH")
                    ? "* 1 FETCH (UID 1 RFC822.SIZE 10 X-GARBAGE \"zz\")\r\n" + tag + " OK done\r\n"
                    : null);
    MessageRef ref = new MessageRef("INBOX", ScriptedImap.UIDVALIDITY, 1);
    try (FaultServer s = ScriptedImap.start(responder);
        ImapSession session = imap(s, TlsMode.NONE).open()) {
      long start = System.nanoTime();
      assertThatThrownBy(() -> session.download(ref, new java.io.ByteArrayOutputStream()))
          .isInstanceOf(ProtocolViolationException.class)
          .hasMessageContaining("* 1 FETCH (UID 1 RFC822.SIZE 10 X-GARBAGE \\\"zz\\\")")
          .hasMessageContaining(s.host() + ":" + s.port());
      assertThatThrownBy(() -> session.summaries(java.util.List.of(ref)))
          .isInstanceOf(ProtocolViolationException.class)
          .hasMessageContaining("X-GARBAGE");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(QUICK.overall());
      // the command's completion was read: the next command gets its own answer
      assertThat(session.search("INBOX", SearchCriteria.all())).containsExactly(ref);
    }
  }

  @Test
  void imapFloodOfGarbageUntaggedLinesEndsInATimeout() throws Exception {
    String flood = "* XGARBAGE " + "g".repeat(100) + "\r\n";
    ScriptedImap responder =
        ScriptedImap.normalExcept(
            "IMAP4rev1",
            (tag, command) -> command.startsWith("UID SEARCH") ? flood.repeat(50_000) : null);
    try (FaultServer s = ScriptedImap.start(responder);
        ImapSession session = imap(s, TlsMode.NONE).open()) {
      long start = System.nanoTime();
      assertThatThrownBy(() -> session.search("INBOX", SearchCriteria.all()))
          .isInstanceOf(InetkitTimeoutException.class)
          .hasMessageContaining(s.host() + ":" + s.port());
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(QUICK.overall());
    }
  }

  @Test
  void imapEndlessFetchLineIsCutAtTheLimit() throws Exception {
    ScriptedImap responder =
        ScriptedImap.normalExcept(
            "IMAP4rev1",
            (tag, command) ->
                command.startsWith("UID FETCH")
                    ? "* 1 FETCH (UID 1 X" + "x".repeat(200_000)
                    : null);
    try (FaultServer s = ScriptedImap.start(responder);
        ImapSession session = imap(s, TlsMode.NONE).open()) {
      assertThatThrownBy(
              () ->
                  session.download(
                      new MessageRef("INBOX", ScriptedImap.UIDVALIDITY, 1),
                      new java.io.ByteArrayOutputStream()))
          .isInstanceOf(LimitExceededException.class)
          .hasMessageContaining("line longer than 65536 bytes");
    }
  }

  @Test
  void imapStallAfterGreetingTimesOut() throws Exception {
    try (FaultServer s = FaultServer.start(FaultScript.create().send("* OK hi\r\n").stall())) {
      assertThatThrownBy(() -> imap(s, TlsMode.NONE).open())
          .isInstanceOf(InetkitTimeoutException.class)
          .hasMessageContaining("700 ms")
          .hasMessageContaining(s.host() + ":" + s.port());
    }
  }

  @Test
  void aServerTricklingBytesJustInsideTheReadTimeoutHitsTheOverallDeadline() throws Exception {
    FaultScript trickle = FaultScript.create().send("* OK ");
    for (int i = 0; i < 20; i++) {
      trickle.stall(Duration.ofMillis(400)).send("x");
    }
    Timeouts t =
        new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofMillis(1500));
    try (FaultServer s = FaultServer.start(trickle)) {
      long start = System.nanoTime();
      assertThatThrownBy(() -> imap(s, TlsMode.NONE).newBuilder().timeouts(t).build().open())
          .isInstanceOf(InetkitTimeoutException.class)
          .hasMessageContaining("1.5 s")
          .hasMessageContaining(s.host() + ":" + s.port());
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    }
  }

  @Test
  void aServerThatStopsReadingDuringAppendHitsTheOverallDeadline(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.nio.file.Path eml = dir.resolve("big.eml");
    java.nio.file.Files.write(eml, BigMessageIT.bigMessage(24));
    java.util.concurrent.atomic.AtomicBoolean appending =
        new java.util.concurrent.atomic.AtomicBoolean();
    FaultScript stopsReading =
        imapServer(
            t -> {
              if (appending.get()) {
                try {
                  Thread.sleep(10_000); // stop reading the literal: the client's writes block
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                return null;
              }
              String cmd = t[1].toUpperCase(java.util.Locale.ROOT);
              if (cmd.startsWith("CAPABILITY")) {
                return "* CAPABILITY IMAP4rev1\r\n" + t[0] + " OK\r\n";
              }
              if (cmd.startsWith("APPEND")) {
                appending.set(true);
                return "+ go ahead\r\n";
              }
              return t[0] + " OK\r\n";
            });
    Timeouts t =
        new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofMillis(1500));
    try (FaultServer s = FaultServer.start(stopsReading);
        ImapSession session = imap(s, TlsMode.NONE).newBuilder().timeouts(t).build().open()) {
      long start = System.nanoTime();
      assertThatThrownBy(() -> session.append("INBOX", eml, java.util.Set.of(), null))
          .isInstanceOf(InetkitTimeoutException.class)
          .hasMessageContaining("1.5 s")
          .hasMessageContaining(s.host() + ":" + s.port());
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
  }

  @Test
  void imapStartTlsRequiredButNotOfferedSendsNoCredentials() throws Exception {
    FaultScript noStartTls =
        imapServer(
            t ->
                t[1].startsWith("CAPABILITY")
                    ? "* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\n" + t[0] + " OK done\r\n"
                    : t[0] + " OK\r\n");
    try (FaultServer s = FaultServer.start(noStartTls)) {
      assertThatThrownBy(() -> imap(s, TlsMode.STARTTLS_REQUIRED).open())
          .isInstanceOf(TlsException.class)
          .hasMessageContaining("STARTTLS");
      assertThat(s.received())
          .doesNotContain("secret-pw")
          .doesNotContainIgnoringCase("LOGIN")
          .doesNotContainIgnoringCase("AUTHENTICATE");
    }
  }

  @Test
  void imapSpecialUseAttributesAreReported() throws Exception {
    FaultScript server =
        imapServer(
            t -> {
              String cmd = t[1].toUpperCase();
              if (cmd.startsWith("CAPABILITY")) {
                return "* CAPABILITY IMAP4rev1 SPECIAL-USE\r\n" + t[0] + " OK\r\n";
              }
              if (cmd.startsWith("LIST")) {
                return "* LIST (\\HasNoChildren) \"/\" INBOX\r\n"
                    + "* LIST (\\HasNoChildren \\Sent) \"/\" \"Sent Items\"\r\n"
                    + "* LIST (\\Noselect \\Trash) \"/\" Bin\r\n"
                    + t[0]
                    + " OK\r\n";
              }
              if (cmd.startsWith("LOGOUT")) {
                return "* BYE\r\n" + t[0] + " OK\r\n";
              }
              return t[0] + " OK\r\n";
            });
    try (FaultServer s = FaultServer.start(server);
        ImapSession session = imap(s, TlsMode.NONE).open()) {
      assertThat(session.folders())
          .extracting(FolderInfo::name, FolderInfo::specialUse, FolderInfo::selectable)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("INBOX", SpecialUse.NONE, true),
              org.assertj.core.groups.Tuple.tuple("Sent Items", SpecialUse.SENT, true),
              org.assertj.core.groups.Tuple.tuple("Bin", SpecialUse.TRASH, false));
    }
  }

  @Test
  void pop3StlsRequiredButNotOfferedSendsNoCredentials() throws Exception {
    FaultScript noStls =
        FaultScript.create()
            .send("+OK fault POP3\r\n")
            .respond(line -> line.startsWith("CAPA") ? "+OK\r\nUIDL\r\nUSER\r\n.\r\n" : "+OK\r\n");
    try (FaultServer s = FaultServer.start(noStls)) {
      Pop3Client client = pop3(s).newBuilder().tlsMode(TlsMode.STARTTLS_REQUIRED).build();
      assertThatThrownBy(client::open)
          .isInstanceOf(TlsException.class)
          .hasMessageContaining(s.host());
      assertThat(s.received())
          .doesNotContain("USER")
          .doesNotContain("PASS")
          .doesNotContain("secret-pw");
    }
  }

  /**
   * A POP3 server holding one message, UIDL {@code uid-1}, that answers TOP with {@code topReply}.
   */
  private static FaultScript pop3WithOneMessage(String topReply) {
    return FaultScript.create()
        .send("+OK fault POP3\r\n")
        .respond(
            line ->
                line.startsWith("CAPA")
                    ? "+OK\r\nUIDL\r\nTOP\r\nUSER\r\n.\r\n"
                    : line.startsWith("STAT")
                        ? "+OK 1 100\r\n"
                        : line.startsWith("LIST")
                            ? "+OK\r\n1 100\r\n.\r\n"
                            : line.startsWith("UIDL")
                                ? "+OK\r\n1 uid-1\r\n.\r\n"
                                : line.startsWith("TOP") ? topReply : "+OK\r\n");
  }

  @Test
  void pop3TopReplyIsCutAtTheHeaderLimitAndTheConnectionClosedWithoutQuit() throws Exception {
    String junk = "X-Junk: " + "a".repeat(70) + "\r\n";
    String endlessHeaders =
        "+OK\r\n" + junk.repeat(2 * Pop3Session.MAX_HEADER_BYTES / junk.length()) + ".\r\n";
    try (FaultServer s = FaultServer.start(pop3WithOneMessage(endlessHeaders))) {
      Pop3Session session = pop3(s).open();
      session.delete("uid-1");
      assertThatThrownBy(() -> session.headers("uid-1"))
          .isInstanceOf(LimitExceededException.class)
          .hasMessageContaining(
              "reply to TOP is longer than " + Pop3Session.MAX_HEADER_BYTES + " bytes")
          .hasMessageContaining(s.host() + ":" + s.port());
      assertThatThrownBy(() -> session.download("uid-1", new java.io.ByteArrayOutputStream()))
          .isInstanceOf(InetkitException.class); // the connection is gone
      session.close();
      assertThat(s.received()).contains("TOP 1 0").doesNotContain("QUIT");
    }
  }

  @Test
  void pop3HeadersOnAFreshSessionStayUnderTheOverallDeadline() throws Exception {
    FaultScript stallsInTop = pop3WithOneMessage("+OK\r\nX-A: 1\r\n"); // and then nothing
    // headers() lists first (UIDL, LIST) in a nested step; it must not end the deadline of TOP
    Timeouts t =
        new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(6), Duration.ofMillis(1500));
    try (FaultServer s = FaultServer.start(stallsInTop);
        Pop3Session session = pop3(s).newBuilder().timeouts(t).build().open()) {
      long start = System.nanoTime();
      assertThatThrownBy(() -> session.headers("uid-1"))
          .isInstanceOf(InetkitTimeoutException.class)
          .hasMessageContaining("1.5 s");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    }
  }

  @Test
  void pop3GarbageGreetingIsATypedErrorWithinTheTimeout() throws Exception {
    try (FaultServer s = FaultServer.start(FaultScript.create().garbage(200_000).stall())) {
      long start = System.nanoTime();
      assertThatThrownBy(() -> pop3(s).open())
          .isInstanceOf(ProtocolViolationException.class)
          .hasMessageContaining("unexpected response")
          .hasMessageContaining(s.host() + ":" + s.port())
          .message()
          .hasSizeLessThan(400); // quoted and cut, not the garbage itself
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(QUICK.overall());
    }
  }

  @Test
  void pop3EndlessLineAndStall() throws Exception {
    try (FaultServer s = FaultServer.start(FaultScript.create().send("+OK ").endlessLine('y'))) {
      assertThatThrownBy(() -> pop3(s).open())
          .isInstanceOf(LimitExceededException.class)
          .hasMessageContaining(s.host() + ":" + s.port());
    }
    try (FaultServer s = FaultServer.start(FaultScript.create().send("+OK hi\r\n").stall())) {
      assertThatThrownBy(() -> pop3(s).open())
          .isInstanceOf(InetkitTimeoutException.class)
          .hasMessageContaining(s.host() + ":" + s.port());
    }
  }
}
