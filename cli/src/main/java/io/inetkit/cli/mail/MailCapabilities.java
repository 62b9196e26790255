package io.inetkit.cli.mail;

import io.inetkit.cli.Capabilities;
import io.inetkit.cli.JsonOption;
import io.inetkit.core.ImapUrl;
import io.inetkit.core.InetkitUrl;
import io.inetkit.core.Scheme;
import io.inetkit.mail.imap.ImapSession;
import io.inetkit.mail.pop3.Pop3Session;
import io.inetkit.mail.smtp.SmtpSession;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code inetkit mail capabilities URL}: SMTP EHLO, IMAP CAPABILITY or POP3 CAPA. */
@Command(
    name = "capabilities",
    mixinStandardHelpOptions = true,
    header = "Print what the server offers (EHLO, CAPABILITY, CAPA).",
    description =
        "One capability per line: SMTP EHLO extensions (after STARTTLS; login only when a user is given), IMAP CAPABILITY or POP3 CAPA (after login).",
    footerHeading = "%nExamples:%n",
    footer = {
      "  inetkit mail capabilities smtp://mx.example",
      "  inetkit mail capabilities imaps://alice@mx.example/ --json",
      "  inetkit mail capabilities pop3s://alice@mx.example",
      "JSON: {\"server\",\"protocol\",\"capabilities\":[{\"name\",\"parameters\"}]}"
    })
final class MailCapabilities extends MailAction {
  @Mixin JsonOption json;

  @Parameters(
      index = "0",
      paramLabel = "URL",
      description = "smtp[s]://, imap[s]:// or pop3[s]:// URL")
  String url;

  @Override
  public Integer call() throws Exception {
    InetkitUrl u =
        url(url, Scheme.SMTP, Scheme.SMTPS, Scheme.IMAP, Scheme.IMAPS, Scheme.POP3, Scheme.POP3S);
    Map<String, String> caps = new LinkedHashMap<>();
    String protocol;
    switch (u.scheme()) {
      case SMTP, SMTPS -> {
        protocol = "smtp";
        try (SmtpSession smtp = smtp(u).open()) {
          caps.putAll(smtp.capabilities().extensions());
        }
      }
      case POP3, POP3S -> {
        protocol = "pop3";
        try (Pop3Session pop3 = pop3(u).open()) {
          names(pop3.capabilities(), caps);
        }
      }
      default -> {
        protocol = "imap";
        try (ImapSession imap = imap(ImapUrl.from(u)).open()) {
          names(imap.capabilities(), caps);
        }
      }
    }
    Capabilities.print(output, json, protocol, u.endpoint(), caps);
    return 0;
  }

  /** Splits {@code NAME PARAMS} capability lines into the map, in sorted order. */
  private static void names(Set<String> capabilities, Map<String, String> into) {
    capabilities.stream()
        .sorted()
        .forEach(
            c -> {
              int space = c.indexOf(' ');
              into.put(
                  space < 0 ? c : c.substring(0, space), space < 0 ? "" : c.substring(space + 1));
            });
  }
}
