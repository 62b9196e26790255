package io.inetkit.testkit.mail;

/**
 * IMAP before STARTTLS (RFC 9051 section 6.2.1): greets and answers CAPABILITY with {@code STARTTLS
 * LOGINDISABLED}, NOOP and LOGOUT; refuses LOGIN and AUTHENTICATE with {@code NO [PRIVACYREQUIRED]}
 * and anything else with {@code BAD}.
 */
final class ImapStartTlsFront implements StartTlsDialogue {
  private static final String CAPABILITIES = "IMAP4rev1 STARTTLS LOGINDISABLED";

  @Override
  public String greeting() {
    return "* OK [CAPABILITY " + CAPABILITIES + "] inetkit testkit IMAP (STARTTLS front)\r\n";
  }

  @Override
  public Answer answer(String line) {
    String[] words = line.strip().split(" ", 3);
    if (words.length < 2) {
      return Answer.reply("* BAD missing tag or command\r\n");
    }
    String tag = words[0];
    return switch (StartTlsDialogue.verb(words[1])) {
      case "CAPABILITY" ->
          Answer.reply(
              "* CAPABILITY " + CAPABILITIES + "\r\n" + tag + " OK CAPABILITY completed\r\n");
      case "NOOP" -> Answer.reply(tag + " OK NOOP completed\r\n");
      case "LOGOUT" ->
          new Answer("* BYE logging out\r\n" + tag + " OK LOGOUT completed\r\n", Next.CLOSE);
      case "STARTTLS" -> new Answer(tag + " OK Begin TLS negotiation now\r\n", Next.UPGRADE);
      case "LOGIN", "AUTHENTICATE" ->
          Answer.reply(tag + " NO [PRIVACYREQUIRED] STARTTLS first\r\n");
      default -> Answer.reply(tag + " BAD STARTTLS first\r\n");
    };
  }
}
