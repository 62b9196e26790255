package io.inetkit.cli.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.inetkit.cli.CliRun;
import io.inetkit.testkit.mail.MailProtocol;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code mail folders ...} and {@code mail move --create} against GreenMail. */
class MailFoldersCommandTest {
  @RegisterExtension static final MailCliServer mail = new MailCliServer();
  @TempDir Path dir;

  private String box() {
    return mail.url(MailProtocol.IMAPS);
  }

  private CliRun cli() {
    return mail.cli(dir);
  }

  private String[] args(String... args) {
    return mail.withCa(args);
  }

  private List<String> folders(CliRun cli) {
    assertThat(cli.run(args("mail", "folders", "list", box()))).as(cli.err()).isZero();
    return cli.out().lines().toList();
  }

  @Test
  void createRenameSubscribeListAndDeleteFolders() {
    CliRun cli = cli();
    assertThat(cli.run(args("mail", "folders", "create", box() + "/Projects")))
        .as(cli.err())
        .isZero();
    assertThat(cli.err()).contains("created folder Projects");
    assertThat(folders(cli)).contains("INBOX", "Projects");
    assertThat(cli.run(args("mail", "folders", "rename", box() + "/Projects", "--to", "Done")))
        .isZero();
    assertThat(folders(cli)).contains("Done").doesNotContain("Projects");
    assertThat(cli.run(args("mail", "folders", "subscribe", box() + "/Done"))).isZero();
    assertThat(cli.run(args("mail", "folders", "list", box(), "--subscribed", "--json"))).isZero();
    assertThat(cli.out())
        .startsWith(
            "[\n{\"name\":\"Done\",\"specialUse\":\"\",\"selectable\":true,\"subscribed\":true,\"attributes\":[");
    assertThat(cli.run(args("mail", "folders", "unsubscribe", box() + "/Done"))).isZero();
    assertThat(cli.run(args("mail", "folders", "list", box(), "--subscribed", "--json"))).isZero();
    assertThat(cli.out()).doesNotContain("Done");
    assertThat(cli.run(args("mail", "folders", "delete", box() + "/Done"))).isZero();
    assertThat(folders(cli)).doesNotContain("Done");
  }

  @Test
  void folderActionsNeedAFolderAndReportTheServersRefusal() {
    CliRun cli = cli();
    assertThat(cli.run(args("mail", "folders", "create", box()))).isEqualTo(2);
    assertThat(cli.err()).contains("which folder?");
    assertThat(cli.run(args("mail", "folders", "delete", box() + "/Missing"))).isEqualTo(76);
    assertThat(cli.err()).startsWith("inetkit: ").contains("DELETE Missing");
  }

  @Test
  void moveToAMissingFolderFailsWithAHintAndMovesWithCreate() {
    mail.server().deliver("alice@example.org", MailReadCommandsTest.message("a", "1"));
    CliRun cli = cli();
    assertThat(cli.run(args("mail", "list", box() + "/INBOX", "--json"))).isZero();
    String uid = cli.out().replaceFirst("(?s).*\"uid\":(\\d+).*", "$1");
    String message = box() + "/INBOX;UID=" + uid;

    assertThat(cli.run(args("mail", "move", message, "--to", "Archive"))).isEqualTo(76);
    assertThat(cli.err()).contains("TRYCREATE").contains("--create");
    assertThat(folders(cli)).doesNotContain("Archive");

    assertThat(cli.run(args("mail", "move", message, "--to", "Archive", "--create")))
        .as(cli.err())
        .isZero();
    assertThat(cli.err())
        .contains("created folder Archive")
        .contains("moved 1 message(s) to Archive");
    assertThat(cli.run(args("mail", "list", box() + "/Archive"))).isZero();
    assertThat(cli.out().lines().skip(1).toList()).hasSize(1).allMatch(l -> l.endsWith(" a"));
  }
}
