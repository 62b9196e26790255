package io.inetkit.testkit.mail;

/**
 * POP3 before STLS (RFC 2595 section 4): greets, answers CAPA listing {@code STLS}, NOOP and QUIT,
 * and refuses everything else with {@code -ERR}.
 */
final class Pop3StartTlsFront implements StartTlsDialogue {

  @Override
  public String greeting() {
    return "+OK inetkit testkit POP3 (STLS front)\r\n";
  }

  @Override
  public Answer answer(String line) {
    return switch (StartTlsDialogue.verb(line)) {
      case "CAPA" -> Answer.reply("+OK Capability list follows\r\nSTLS\r\n.\r\n");
      case "NOOP" -> Answer.reply("+OK\r\n");
      case "QUIT" -> new Answer("+OK bye\r\n", Next.CLOSE);
      case "STLS" -> new Answer("+OK Begin TLS negotiation\r\n", Next.UPGRADE);
      default -> Answer.reply("-ERR STLS first\r\n");
    };
  }
}
