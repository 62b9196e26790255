package io.inetkit.cli.mail;

import io.inetkit.cli.Json;
import io.inetkit.cli.JsonOption;
import io.inetkit.core.ImapUrl;
import io.inetkit.mail.imap.ImapClient;
import io.inetkit.mail.imap.ImapSession;
import io.inetkit.mail.imap.ImapWatch;
import io.inetkit.mail.imap.MessageSummary;
import io.inetkit.mail.imap.WatchEvent;
import io.inetkit.mail.imap.WatchOptions;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code inetkit mail watch URL}: print each new message as it arrives, until Ctrl-C. */
@Command(
    name = "watch",
    mixinStandardHelpOptions = true,
    header = "Print each new message as it arrives (IDLE), until Ctrl-C.",
    description =
        "Uses IMAP IDLE when offered, else polls; reconnects by itself after a dropped connection. Stops at Ctrl-C or after --count messages.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  inetkit mail watch imaps://alice@mx.example/INBOX",
      "  inetkit mail watch imaps://alice@mx.example/INBOX --json --count 1"
    })
final class MailWatch extends MailAction {
  @Mixin JsonOption json;

  @Parameters(index = "0", paramLabel = "URL", description = "imap[s]://user@host/FOLDER")
  String url;

  @Option(names = "--count", paramLabel = "N", description = "Exit after N new messages.")
  Integer count;

  @Override
  public Integer call() throws Exception {
    ImapUrl u = imapUrl(url);
    ImapClient client = imap(u);
    BlockingQueue<WatchEvent> events = new LinkedBlockingQueue<>();
    int seen = 0;
    try (ImapWatch watch = client.watch(folder(u), WatchOptions.defaults(), events::add)) {
      output.note("watching %s on %s (Ctrl-C to stop)", folder(u), client.endpoint());
      while (count == null || seen < count) {
        WatchEvent e = events.take();
        if (e.kind() == WatchEvent.Kind.DISCONNECTED) {
          output.note(
              "inetkit: %s; reconnecting",
              e.error() == null ? "disconnected" : e.error().getMessage());
          continue;
        }
        if (e.messages().isEmpty()) {
          continue;
        }
        // A session per batch: a connection held open for hours would be dropped as idle.
        try (ImapSession imap = client.open()) {
          for (MessageSummary s : imap.summaries(e.messages())) {
            print(s, u);
            seen++;
          }
        }
      }
    }
    return 0;
  }

  private void print(MessageSummary s, ImapUrl u) {
    if (json.enabled()) {
      output.out().println(Json.write(MailList.toJson(s, u)));
    } else {
      output.out().printf("%d  %s  %s%n", s.ref().uid(), s.from(), s.subject());
    }
    output.out().flush();
  }
}
