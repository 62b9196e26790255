package io.inetkit.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.inetkit.core.Credentials;
import io.inetkit.core.TlsMode;
import io.inetkit.mail.imap.ImapClient;
import io.inetkit.mail.imap.ImapSession;
import io.inetkit.mail.pop3.Pop3Client;
import io.inetkit.mail.pop3.Pop3Session;
import io.inetkit.testkit.fault.FaultScript;
import io.inetkit.testkit.fault.FaultServer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Which login an IMAP or POP3 session uses, seen on the wire of a scripted server. */
class ReadLoginTest {
  private static final Credentials PASSWORD =
      Credentials.password("alice", "secret-pw".toCharArray());

  private static ImapClient imap(FaultServer s, Credentials credentials) {
    return ImapClient.builder()
        .endpoint(s.host(), s.port())
        .tlsMode(TlsMode.NONE)
        .plaintextLogin(io.inetkit.core.PlaintextLogin.ALLOWED)
        .credentials(credentials)
        .timeouts(ReadFixture.FAST)
        .build();
  }

  /** Answers AUTHENTICATE with a continuation and the client's (untagged) response with OK. */
  private static ScriptedImap saslServer(String capabilities) {
    AtomicReference<String> pending = new AtomicReference<>();
    return ScriptedImap.normalExcept(
        capabilities,
        (tag, command) -> {
          if (command.startsWith("AUTHENTICATE")) {
            pending.set(tag);
            return "+ \r\n";
          }
          String authTag = command.isEmpty() ? pending.getAndSet(null) : null;
          return authTag == null ? null : authTag + " OK authenticated\r\n";
        });
  }

  /** Decodes the SASL response that follows {@code command}: on the same line, or on the next. */
  private static String decoded(FaultServer s, String command) {
    java.util.List<String> rest =
        s.received().substring(s.received().indexOf(command) + command.length()).lines().toList();
    String response = rest.get(0).isBlank() ? rest.get(1) : rest.get(0);
    return new String(Base64.getDecoder().decode(response.strip()), StandardCharsets.UTF_8);
  }

  @Test
  void imapUsesAuthenticatePlainWhenOffered() throws Exception {
    ScriptedImap responder = saslServer("IMAP4rev1 AUTH=PLAIN AUTH=LOGIN");
    try (FaultServer s = ScriptedImap.start(responder);
        ImapSession session = imap(s, PASSWORD).open()) {
      assertThat(responder.commands())
          .contains("AUTHENTICATE PLAIN")
          .noneMatch(c -> c.startsWith("LOGIN"));
      assertThat(decoded(s, "AUTHENTICATE PLAIN")).isEqualTo("\0alice\0secret-pw");
    }
  }

  @Test
  void imapUsesLoginWithoutSaslMechanisms() throws Exception {
    ScriptedImap responder = ScriptedImap.normalExcept("IMAP4rev1", (tag, command) -> null);
    try (FaultServer s = ScriptedImap.start(responder);
        ImapSession session = imap(s, PASSWORD).open()) {
      assertThat(responder.commands())
          .anyMatch(c -> c.startsWith("LOGIN alice "))
          .noneMatch(c -> c.startsWith("AUTHENTICATE"));
    }
  }

  @Test
  void imapUsesXoauth2ForATokenAndNeverLogin() throws Exception {
    ScriptedImap responder = saslServer("IMAP4rev1 AUTH=PLAIN AUTH=XOAUTH2");
    Credentials token = Credentials.oauth2("alice", () -> "tok-123");
    try (FaultServer s = ScriptedImap.start(responder);
        ImapSession session = imap(s, token).open()) {
      assertThat(responder.commands())
          .anyMatch(c -> c.startsWith("AUTHENTICATE XOAUTH2"))
          .noneMatch(c -> c.startsWith("LOGIN") || c.equals("AUTHENTICATE PLAIN"));
      assertThat(s.received()).doesNotContain("tok-123"); // sent base64-encoded only
    }
  }

  @Test
  void pop3UsesAuthPlainWhenOfferedAndUserPassOtherwise() throws Exception {
    for (boolean sasl : new boolean[] {true, false}) {
      String capa = "+OK\r\nUIDL\r\nUSER\r\n" + (sasl ? "SASL PLAIN\r\n" : "") + ".\r\n";
      FaultScript script =
          FaultScript.create()
              .send("+OK fault POP3\r\n")
              .respond(
                  line ->
                      line.startsWith("CAPA")
                          ? capa
                          : line.equals("AUTH PLAIN")
                              ? "+ \r\n" // else the response came with the command
                              : line.startsWith("STAT") ? "+OK 0 0\r\n" : "+OK\r\n");
      try (FaultServer s = FaultServer.start(script);
          Pop3Session session =
              Pop3Client.builder()
                  .endpoint(s.host(), s.port())
                  .tlsMode(TlsMode.NONE)
                  .plaintextLogin(io.inetkit.core.PlaintextLogin.ALLOWED)
                  .credentials(PASSWORD)
                  .timeouts(ReadFixture.FAST)
                  .build()
                  .open()) {
        if (sasl) {
          assertThat(s.received()).contains("AUTH PLAIN").doesNotContain("PASS ");
          assertThat(decoded(s, "AUTH PLAIN"))
              .endsWith("\0alice\0secret-pw"); // Angus POP3 also names alice as authzid
        } else {
          assertThat(s.received())
              .contains("USER alice\r\nPASS secret-pw\r\n")
              .doesNotContain("AUTH ");
        }
      }
    }
  }
}
