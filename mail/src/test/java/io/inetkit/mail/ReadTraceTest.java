package io.inetkit.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.inetkit.core.Credentials;
import io.inetkit.core.Endpoint;
import io.inetkit.core.PlaintextLogin;
import io.inetkit.core.TlsMode;
import io.inetkit.mail.imap.ImapClient;
import io.inetkit.mail.imap.ImapSession;
import io.inetkit.mail.imap.MessageRef;
import io.inetkit.mail.imap.SearchCriteria;
import io.inetkit.mail.internal.RecordedConversation;
import io.inetkit.mail.pop3.Pop3Client;
import io.inetkit.mail.pop3.Pop3Message;
import io.inetkit.mail.pop3.Pop3Session;
import io.inetkit.testkit.fault.FaultServer;
import io.inetkit.testkit.mail.MailProtocol;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * IMAP and POP3 report their conversation (commands and replies) to the event listener, as SMTP and
 * FTP do, bounded and with every secret redacted: the password never appears, in any encoding,
 * whichever login the server takes.
 */
class ReadTraceTest {
  @RegisterExtension static final ReadServer mail = new ReadServer();
  @TempDir Path dir;

  /** A client of a scripted plain-text IMAP server, logging in as alice with {@code trace}. */
  private static ImapClient scripted(FaultServer server, RecordedConversation trace) {
    return ImapClient.builder()
        .endpoint(Endpoint.of(server.host(), server.port()))
        .tlsMode(TlsMode.NONE)
        .plaintextLogin(PlaintextLogin.ALLOWED)
        .timeouts(ReadFixture.FAST)
        .events(trace)
        .credentials(Credentials.password("alice", "hunter2-secret".toCharArray()))
        .build();
  }

  private static void assertNoSecret(String trace, String user, String password) {
    Base64.Encoder b64 = Base64.getEncoder();
    assertThat(trace)
        .doesNotContain(password)
        .doesNotContain(b64.encodeToString(password.getBytes(StandardCharsets.UTF_8)))
        .doesNotContain(
            b64.encodeToString(("\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8)))
        .doesNotContain(
            b64.encodeToString(
                (user + "\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void imapTraceShowsCommandsAndRepliesButNeverThePasswordOrTheMessageBody() throws Exception {
    mail.server().deliver(ReadFixture.USER, ReadFixture.message("traced", "the secret body text"));
    RecordedConversation trace = new RecordedConversation();
    ImapClient client =
        ReadFixture.imap(mail.server(), MailProtocol.IMAPS).newBuilder().events(trace).build();
    try (ImapSession imap = client.open()) {
      List<MessageRef> refs = imap.search("INBOX", SearchCriteria.all());
      imap.download(refs.get(0), new ByteArrayOutputStream());
      imap.syncTo("INBOX", Maildir.open(dir.resolve("box")), AfterDownload.KEEP_ON_SERVER);
    }
    String text = trace.text();
    assertThat(text)
        .containsPattern("(?m)^> \\w+ LOGIN " + ReadFixture.USER + " \\*\\*\\*$")
        .containsPattern("(?m)^> \\w+ SELECT INBOX")
        .containsPattern(
            "(?m)^> \\w+ UID FETCH \\d+ \\(UID RFC822.SIZE BODY.PEEK\\[\\]<0\\.\\d+>\\)")
        .containsPattern("(?m)^< \\* \\d+ FETCH .*\\{\\d+\\}$")
        .containsPattern("(?m)^< <\\d+ bytes>")
        .containsPattern("(?m)^< \\w+ OK")
        .containsPattern("(?m)^> \\w+ LOGOUT")
        .doesNotContain("the secret body text");
    assertNoSecret(text, ReadFixture.USER, ReadFixture.PASSWORD);
  }

  @Test
  void imapLoginCommandIsRedacted() throws Exception {
    ScriptedImap imap = ScriptedImap.normalExcept("IMAP4rev1", (tag, command) -> null);
    try (FaultServer server = ScriptedImap.start(imap)) {
      RecordedConversation trace = new RecordedConversation();
      scripted(server, trace).open().close();
      assertThat(imap.commands()).anyMatch(c -> c.contains("hunter2-secret")); // it was sent...
      assertThat(trace.text())
          .containsPattern("(?m)^> \\w+ LOGIN alice \\*\\*\\*$"); // ...not shown
      assertNoSecret(trace.text(), "alice", "hunter2-secret");
    }
  }

  @Test
  void imapSaslExchangeShowsNoContinuationResponse() throws Exception {
    String[] authTag = new String[1];
    ScriptedImap imap =
        ScriptedImap.normalExcept(
            "IMAP4rev1 AUTH=PLAIN",
            (tag, command) -> {
              if (command.startsWith("AUTHENTICATE")) {
                authTag[0] = tag;
                return "+ \r\n";
              }
              return command.isEmpty() && authTag[0] != null
                  ? authTag[0] + " OK authenticated\r\n"
                  : null;
            });
    try (FaultServer server = ScriptedImap.start(imap)) {
      RecordedConversation trace = new RecordedConversation();
      scripted(server, trace).open().close();
      assertThat(trace.text())
          .containsPattern("(?m)^> \\w+ AUTHENTICATE PLAIN$")
          .containsPattern("(?m)^< \\+ ?$")
          .containsPattern("(?m)^> \\*\\*\\*$")
          .containsPattern("(?m)^< \\w+ OK authenticated$");
      assertNoSecret(trace.text(), "alice", "hunter2-secret");
      assertThat(server.received())
          .contains(
              Base64.getEncoder()
                  .encodeToString(
                      "\0alice\0hunter2-secret"
                          .getBytes(StandardCharsets.UTF_8))); // it was sent, not shown
    }
  }

  @Test
  void pop3TraceShowsCommandsAndRepliesButNeverThePasswordAndMessageDataOnlyAsACount()
      throws Exception {
    mail.server().deliver(ReadFixture.USER, ReadFixture.message("traced", "the secret body text"));
    RecordedConversation trace = new RecordedConversation();
    Pop3Client client =
        ReadFixture.pop3(mail.server(), MailProtocol.POP3S).newBuilder().events(trace).build();
    try (Pop3Session pop3 = client.open()) {
      Pop3Message m = pop3.list().get(0);
      pop3.download(m.uidl(), new ByteArrayOutputStream());
    }
    String text = trace.text();
    assertThat(text)
        .containsPattern("(?m)^< \\+OK")
        .containsPattern("(?m)^> (AUTH PLAIN|PASS) ")
        .contains("> UIDL")
        .contains("> RETR 1")
        .containsPattern("(?m)^< \\(message data: \\d+ lines\\)$")
        .contains("> QUIT")
        .doesNotContain("the secret body text")
        .doesNotContain("Subject: traced");
    assertNoSecret(text, ReadFixture.USER, ReadFixture.PASSWORD);
  }
}
