package io.inetkit.testkit.mail;

import java.io.IOException;
import java.io.InputStream;

/**
 * SMTP before STARTTLS (RFC 3207): greets, answers EHLO advertising STARTTLS, HELO, NOOP and QUIT,
 * and refuses everything else with {@code 530 5.7.0 Must issue a STARTTLS command first}.
 */
final class SmtpStartTlsFront implements StartTlsDialogue {

  @Override
  public String greeting() {
    return "220 127.0.0.1 ESMTP inetkit testkit (STARTTLS front)\r\n";
  }

  @Override
  public Answer answer(String line) {
    return switch (StartTlsDialogue.verb(line)) {
      case "EHLO" -> Answer.reply("250-127.0.0.1\r\n250-8BITMIME\r\n250 STARTTLS\r\n");
      case "HELO" -> Answer.reply("250 127.0.0.1\r\n");
      case "NOOP" -> Answer.reply("250 2.0.0 OK\r\n");
      case "QUIT" -> new Answer("221 2.0.0 Bye\r\n", Next.CLOSE);
      case "STARTTLS" -> new Answer("220 2.0.0 Ready to start TLS\r\n", Next.UPGRADE);
      default -> Answer.reply("530 5.7.0 Must issue a STARTTLS command first\r\n");
    };
  }

  /** Swallows GreenMail's greeting, which may span several {@code 220-} lines. */
  @Override
  public void swallowGreeting(InputStream upstream) throws IOException {
    String line;
    do {
      line = Upstream.readLine(upstream);
    } while (line != null && line.length() > 3 && line.charAt(3) == '-');
  }
}
