package io.inetkit.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.inetkit.mail.imap.FolderInfo;
import io.inetkit.mail.imap.ImapSession;
import io.inetkit.mail.imap.MessageRef;
import io.inetkit.mail.imap.SearchCriteria;
import io.inetkit.testkit.mail.MailProtocol;
import io.inetkit.testkit.mail.MailServer;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * An IMAP session is one connection, whatever it does in whichever order: servers that allow one
 * session per user ("failed to create new store connection") must work. Counted at the server side
 * by a relay in front of GreenMail.
 */
class ImapOneConnectionTest {
  @RegisterExtension static final ReadServer mail = new ReadServer();
  MailServer server;
  @TempDir Path dir;

  @BeforeEach
  void twoMessages() {
    server = mail.server();
    server.deliver(ReadFixture.USER, ReadFixture.message("a", "one"));
    server.deliver(ReadFixture.USER, ReadFixture.message("b", "two"));
  }

  @Test
  void syncToMaildirUsesOneConnection() throws Exception {
    try (DropProxy proxy = new DropProxy(server.port(MailProtocol.IMAP))) {
      try (ImapSession imap = ReadFixture.plain(proxy.port()).open()) {
        SyncResult r =
            imap.syncTo("INBOX", Maildir.open(dir.resolve("box")), AfterDownload.KEEP_ON_SERVER);
        assertThat(r.downloaded()).isEqualTo(2);
        imap.syncTo("INBOX", Maildir.open(dir.resolve("box")), AfterDownload.DELETE_FROM_SERVER);
      }
      assertThat(proxy.connections()).isEqualTo(1);
    }
  }

  @Test
  void folderCommandsStatusAndAppendWhileAFolderIsSelectedShareTheConnection() throws Exception {
    try (DropProxy proxy = new DropProxy(server.port(MailProtocol.IMAP))) {
      try (ImapSession imap = ReadFixture.plain(proxy.port()).open()) {
        long validity = imap.status("INBOX").uidValidity();
        List<MessageRef> all = imap.search("INBOX", SearchCriteria.all()); // INBOX now selected
        assertThat(all).allMatch(r -> r.uidValidity() == validity);
        imap.download(all.get(0), new ByteArrayOutputStream());
        assertThat(imap.capabilities()).contains("IMAP4REV1");
        imap.createFolder("Archive");
        assertThat(imap.status("INBOX").messages()).isEqualTo(2);
        assertThat(imap.folders()).extracting(FolderInfo::name).contains("Archive");
        imap.subscribe("Archive");
        assertThat(imap.subscribedFolders()).contains("Archive");
        imap.append("Archive", messageFile(), Set.of(), Instant.now());
        imap.move(all.subList(0, 1), "Archive");
        imap.renameFolder("Archive", "Old");
        imap.deleteFolder("Old");
      }
      assertThat(proxy.connections()).isEqualTo(1);
    }
  }

  private Path messageFile() throws Exception {
    return java.nio.file.Files.write(
        dir.resolve("m.eml"), ReadFixture.message("appended", "three"));
  }
}
