package io.inetkit.mail;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inetkit.core.Credentials;
import io.inetkit.core.LimitExceededException;
import io.inetkit.core.TlsMode;
import io.inetkit.mail.imap.ImapClient;
import io.inetkit.mail.imap.ImapSession;
import io.inetkit.mail.pop3.Pop3Client;
import io.inetkit.testkit.fault.FaultScript;
import io.inetkit.testkit.fault.FaultServer;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A capability list (POP3 CAPA, IMAP untagged lines before the tagged reply) or an IMAP folder list
 * that never ends is cut at a bound, not collected until the heap runs out: Angus Mail holds each
 * reply whole.
 */
class CapabilityFloodTest {
  private static final Credentials LOGIN = Credentials.password("alice", "pw".toCharArray());

  /** Endless lines of {@code line}, generated as they are sent. */
  private static java.util.Iterator<String> endless(String line) {
    return Stream.generate(() -> line).iterator();
  }

  @Test
  void anEndlessPop3CapaIsALimitNotAnOutOfMemory() throws Exception {
    FaultScript script =
        FaultScript.create()
            .send("+OK fault POP3\r\n")
            .respondLazily(
                line ->
                    line.startsWith("CAPA")
                        ? Stream.concat(
                                Stream.of("+OK\r\n"),
                                Stream.generate(() -> "X-FLOOD some capability\r\n"))
                            .iterator()
                        : List.of("+OK\r\n").iterator());
    try (FaultServer s = FaultServer.start(script)) {
      Pop3Client client =
          Pop3Client.builder()
              .endpoint(s.host(), s.port())
              .tlsMode(TlsMode.NONE)
              .plaintextLogin(io.inetkit.core.PlaintextLogin.ALLOWED)
              .credentials(LOGIN)
              .timeouts(ReadFixture.FAST)
              .maxLineLength(8 * 1024)
              .build();
      assertThatThrownBy(client::open)
          .isInstanceOf(LimitExceededException.class)
          .hasMessageContaining("the greeting, CAPA and login")
          .hasMessageContaining("longer than " + 4 * 8 * 1024 + " bytes");
    }
  }

  @Test
  void anEndlessRunOfUntaggedImapLinesIsALimitNotAnOutOfMemory() throws Exception {
    FaultScript script =
        ScriptedImap.greeting().respondLazily(line -> endless("* OK still talking\r\n"));
    try (FaultServer s = FaultServer.start(script)) {
      ImapClient client =
          ImapClient.builder()
              .endpoint(s.host(), s.port())
              .tlsMode(TlsMode.NONE)
              .plaintextLogin(io.inetkit.core.PlaintextLogin.ALLOWED)
              .credentials(LOGIN)
              .timeouts(ReadFixture.FAST)
              .maxLineLength(8 * 1024)
              .build();
      assertThatThrownBy(client::open)
          .isInstanceOf(LimitExceededException.class)
          .hasMessageContaining("the greeting, CAPABILITY and login");
    }
  }

  @Test
  void anEndlessFolderListIsALimitNotAnOutOfMemory() throws Exception {
    ScriptedImap normal = ScriptedImap.normalExcept("IMAP4rev1", (tag, command) -> null);
    FaultScript script =
        ScriptedImap.greeting()
            .respondLazily(
                line ->
                    line.toUpperCase(java.util.Locale.ROOT).contains(" LIST \"\" \"*\"")
                        ? endless("* LIST () \"/\" \"folder-" + "x".repeat(60) + "\"\r\n")
                        : List.of(normal.apply(line)).iterator());
    try (FaultServer s = FaultServer.start(script);
        ImapSession imap =
            ImapClient.builder()
                .endpoint(s.host(), s.port())
                .tlsMode(TlsMode.NONE)
                .plaintextLogin(io.inetkit.core.PlaintextLogin.ALLOWED)
                .credentials(LOGIN)
                .timeouts(ReadFixture.FAST)
                .maxLineLength(8 * 1024)
                .build()
                .open()) {
      assertThatThrownBy(imap::folders)
          .isInstanceOf(LimitExceededException.class)
          .hasMessageContaining("the reply to LIST is longer than " + 16 * 8 * 1024 + " bytes");
    }
  }
}
