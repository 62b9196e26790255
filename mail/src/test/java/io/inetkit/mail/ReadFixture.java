package io.inetkit.mail;

import io.inetkit.core.Credentials;
import io.inetkit.core.Timeouts;
import io.inetkit.mail.imap.ImapClient;
import io.inetkit.mail.pop3.Pop3Client;
import io.inetkit.testkit.mail.MailProtocol;
import io.inetkit.testkit.mail.MailServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Test helpers shared by the reading tests: a GreenMail server, clients, messages. */
final class ReadFixture {
  private ReadFixture() {}

  static final String USER = "alice@example.org";
  static final String PASSWORD = "wonderland";
  static final Timeouts FAST =
      new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(60));

  static ImapClient imap(MailServer server, MailProtocol protocol) {
    return ImapClient.builder()
        .endpoint(server.endpoint(protocol))
        .tlsMode(protocol.tlsMode())
        .plaintextLogin(io.inetkit.core.PlaintextLogin.ALLOWED) // the plain-text listeners
        .trust(server.clientTrust())
        .credentials(Credentials.password(USER, PASSWORD.toCharArray()))
        .timeouts(FAST)
        .build();
  }

  /** A client for a plain-text IMAP port on 127.0.0.1 (a proxy in front of the server). */
  static ImapClient plain(int port) {
    return ImapClient.builder()
        .endpoint("127.0.0.1", port)
        .tlsMode(io.inetkit.core.TlsMode.NONE)
        .plaintextLogin(io.inetkit.core.PlaintextLogin.ALLOWED)
        .credentials(Credentials.password(USER, PASSWORD.toCharArray()))
        .timeouts(FAST)
        .build();
  }

  static Pop3Client pop3(MailServer server, MailProtocol protocol) {
    return Pop3Client.builder()
        .endpoint(server.endpoint(protocol))
        .tlsMode(protocol.tlsMode())
        .plaintextLogin(io.inetkit.core.PlaintextLogin.ALLOWED) // the plain-text listeners
        .trust(server.clientTrust())
        .credentials(Credentials.password(USER, PASSWORD.toCharArray()))
        .timeouts(FAST)
        .build();
  }

  static byte[] message(String subject, String body) {
    return ("From: Bob <bob@example.org>\r\n"
            + "To: Alice <alice@example.org>\r\n"
            + "Subject: "
            + subject
            + "\r\n"
            + "Date: Tue, 24 Nov 2026 10:00:00 +0000\r\n"
            + "Message-ID: <"
            + subject.replace(' ', '-')
            + "@example.org>\r\n"
            + "MIME-Version: 1.0\r\n"
            + "Content-Type: text/plain; charset=UTF-8\r\n"
            + "\r\n"
            + body
            + "\r\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  static byte[] withAttachment(String subject, String fileName, byte[] content) {
    String b64 = java.util.Base64.getMimeEncoder().encodeToString(content);
    return ("From: Bob <bob@example.org>\r\n"
            + "To: Alice <alice@example.org>\r\n"
            + "Subject: "
            + subject
            + "\r\n"
            + "MIME-Version: 1.0\r\n"
            + "Content-Type: multipart/mixed; boundary=\"XYZ\"\r\n"
            + "\r\n"
            + "--XYZ\r\n"
            + "Content-Type: text/plain\r\n\r\nsee attached\r\n"
            + "--XYZ\r\n"
            + "Content-Type: application/octet-stream; name=\""
            + fileName
            + "\"\r\n"
            + "Content-Disposition: attachment; filename=\""
            + fileName
            + "\"\r\n"
            + "Content-Transfer-Encoding: base64\r\n\r\n"
            + b64
            + "\r\n"
            + "--XYZ--\r\n")
        .getBytes(StandardCharsets.UTF_8);
  }
}
