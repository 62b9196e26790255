package io.inetkit.benchmarks.host;

import io.inetkit.testkit.mail.MailProtocol;
import io.inetkit.testkit.mail.MailServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * testkit's {@link MailServer} (GreenMail: plain SMTP, IMAP and POP3) with one mailbox, {@code
 * bench@example.org} (login {@code bench}).
 *
 * <ul>
 *   <li>{@code mail.fill COUNT}: empties the mailboxes and stores {@code COUNT} messages of about 2
 *       KiB in the INBOX;
 *   <li>{@code mail.count}: how many messages are stored (after an SMTP trial);
 *   <li>{@code mail.purge}: empties the mailboxes.
 * </ul>
 *
 * <pre>{@code
 * services=mail  ->  READY mail.smtp.port=40129 mail.imap.port=... mail.pop3.port=... mail.login=bench
 * }</pre>
 */
final class MailService implements HostedService {

  /** The mailbox every mail workload uses. */
  static final String ADDRESS = "bench@example.org";

  private MailServer server;

  @Override
  public Map<String, String> start(Path data, Map<String, String> params) throws Exception {
    server =
        MailServer.builder()
            .protocols(MailProtocol.SMTP, MailProtocol.IMAP, MailProtocol.POP3)
            .start();
    server.user(ADDRESS, "bench", "bench-pw");
    return Map.of(
        "mail.smtp.port",
        Integer.toString(server.port(MailProtocol.SMTP)),
        "mail.imap.port",
        Integer.toString(server.port(MailProtocol.IMAP)),
        "mail.pop3.port",
        Integer.toString(server.port(MailProtocol.POP3)),
        "mail.address",
        ADDRESS,
        "mail.login",
        "bench",
        "mail.password",
        "bench-pw");
  }

  @Override
  public String command(String line) {
    String[] w = line.split(" ");
    switch (w[0]) {
      case "mail.fill" -> {
        server.purge();
        int count = Integer.parseInt(w[1]);
        for (int i = 0; i < count; i++) {
          server.deliver(ADDRESS, message(i));
        }
        return Integer.toString(count);
      }
      case "mail.count" -> {
        return Integer.toString(server.receivedBy(ADDRESS).size());
      }
      case "mail.purge" -> {
        server.purge();
        return "purged";
      }
      default -> {
        return null;
      }
    }
  }

  /** A plain-text message of about 2 KiB, numbered {@code i}; the same shape SMTP clients send. */
  static byte[] message(int i) {
    StringBuilder sb = new StringBuilder(2200);
    sb.append("From: Benchmark Sender <sender@example.org>\r\n")
        .append("To: Bench <")
        .append(ADDRESS)
        .append(">\r\n")
        .append("Subject: Benchmark message ")
        .append(i)
        .append("\r\n")
        .append("Date: Wed, 25 Nov 2026 10:00:00 +0000\r\n")
        .append("Message-ID: <bench-")
        .append(i)
        .append("@example.org>\r\n")
        .append("MIME-Version: 1.0\r\n")
        .append("Content-Type: text/plain; charset=us-ascii\r\n\r\n");
    while (sb.length() < 2048 - 64) {
      sb.append("The quick brown fox jumps over the lazy dog, line after line.\r\n");
    }
    return sb.toString().getBytes(StandardCharsets.US_ASCII);
  }

  @Override
  public void close() {
    if (server != null) {
      server.close();
    }
  }
}
