package io.inetkit.mail;

import io.inetkit.core.Credentials;
import io.inetkit.core.Endpoint;
import io.inetkit.core.TlsMode;
import io.inetkit.core.Trust;
import io.inetkit.mail.imap.ImapClient;
import io.inetkit.mail.imap.ImapSession;
import java.nio.file.Path;

/**
 * Run in a child JVM by {@link KilledSyncTest}: syncs INBOX into a Maildir, deleting on the server.
 */
public final class SyncMain {
  private SyncMain() {}

  public static void main(String[] args) throws Exception {
    ImapClient client =
        ImapClient.builder()
            .endpoint(Endpoint.parse(args[0], 0))
            .tlsMode(TlsMode.IMPLICIT)
            .trust(Trust.fromFile(Path.of(args[1])))
            .credentials(Credentials.password(args[2], args[3].toCharArray()))
            .build();
    try (ImapSession imap = client.open()) {
      imap.syncTo("INBOX", Maildir.open(Path.of(args[4])), AfterDownload.DELETE_FROM_SERVER);
    }
  }
}
