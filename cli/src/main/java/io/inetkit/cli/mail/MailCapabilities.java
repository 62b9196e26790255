package io.inetkit.cli.mail;

import io.inetkit.cli.Capabilities;
import io.inetkit.cli.JsonOption;
import io.inetkit.core.ImapUrl;
import io.inetkit.mail.ImapSession;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code inetkit mail capabilities URL}: what the server offers (IMAP CAPABILITY). */
@Command(
    name = "capabilities",
    mixinStandardHelpOptions = true,
    description = "Print what the server offers (IMAP CAPABILITY after login), one per line.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  inetkit mail capabilities imaps://alice@mail.example.org/",
      "  inetkit mail capabilities imaps://alice@mail.example.org/ --json"
    })
final class MailCapabilities extends MailAction {
  @Mixin JsonOption json;

  @Parameters(index = "0", paramLabel = "URL", description = "imap[s]://user@host/")
  String url;

  @Override
  public Integer call() throws Exception {
    ImapUrl u = imapUrl(url);
    Map<String, String> caps = new LinkedHashMap<>();
    try (ImapSession imap = imap(u).open()) {
      imap.capabilities().stream().sorted().forEach(c -> caps.put(c, ""));
    }
    Capabilities.print(output, json, "imap", u.url().endpoint(), caps);
    return 0;
  }
}
