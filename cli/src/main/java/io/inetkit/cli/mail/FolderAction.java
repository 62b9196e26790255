package io.inetkit.cli.mail;

import io.inetkit.core.ImapUrl;
import io.inetkit.mail.imap.ImapSession;
import picocli.CommandLine.Parameters;

/** Base of the {@code inetkit mail folders} actions that change one folder named by the URL. */
abstract class FolderAction extends MailAction {
  @Parameters(index = "0", paramLabel = "URL", description = "imap[s]://user@host/FOLDER")
  String url;

  @Override
  public Integer call() throws Exception {
    ImapUrl u = imapUrl(url);
    String folder =
        u.mailbox()
            .filter(m -> !m.isEmpty())
            .orElseThrow(() -> usage("which folder? put it in the URL: imaps://host/Archive"));
    try (ImapSession imap = imap(u).open()) {
      apply(imap, folder);
    }
    return 0;
  }

  /** Changes {@code folder} and prints a note saying so. */
  abstract void apply(ImapSession imap, String folder) throws java.io.IOException;
}
