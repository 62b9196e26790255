package io.inetkit.cli.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.inetkit.cli.CliRun;
import io.inetkit.testkit.mail.MailProtocol;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code mail sync} keeps synced mail private: 0600 files, 0700 folders, over IMAP and POP3. */
class MailSyncPermissionsTest {
  @RegisterExtension static final MailCliServer mail = new MailCliServer();
  @TempDir Path dir;

  private static String mode(Path p) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }

  @Test
  void syncedFilesAre0600AndFolders0700() throws Exception {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    mail.server()
        .deliver("alice@example.org", MailReadCommandsTest.message("private", "for alice"));
    CliRun cli = mail.cli(dir);
    for (String url :
        List.of(mail.url(MailProtocol.IMAPS) + "/INBOX", mail.url(MailProtocol.POP3S))) {
      Path box = dir.resolve(url.startsWith("imap") ? "imap-box" : "pop3-box");
      assertThat(cli.run(mail.withCa("mail", "sync", url, "--maildir", box.toString())))
          .as(cli.err())
          .isZero();
      for (String folder : List.of("", "tmp", "new", "cur", ".inetkit-sync")) {
        assertThat(mode(box.resolve(folder)))
            .as(box.resolve(folder).toString())
            .isEqualTo("rwx------");
      }
      try (Stream<Path> files =
          Stream.concat(Files.list(box.resolve("new")), Files.list(box.resolve(".inetkit-sync")))) {
        assertThat(files.toList())
            .hasSize(2)
            .allSatisfy(f -> assertThat(mode(f)).isEqualTo("rw-------"));
      }
    }
  }
}
