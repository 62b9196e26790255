package io.inetkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.inetkit.cli.ftp.FtpCommand;
import io.inetkit.cli.gopher.GopherCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code main} builds only the commands its arguments need (start-up time); help gets them all. */
class CommandsForTest {

  @Test
  void versionBuildsNoCommand() {
    assertThat(Inetkit.commandsFor(new String[] {"--version"})).isEmpty();
    assertThat(Inetkit.commandsFor(new String[] {"-V"})).isEmpty();
  }

  @Test
  void aNamedCommandBuildsOnlyThatCommand() {
    assertThat(Inetkit.commandsFor(new String[] {"ftp", "get", "ftp://127.0.0.1/x"}))
        .containsExactly(FtpCommand.class);
    assertThat(Inetkit.commandsFor(new String[] {"gopher", "--version"}))
        .containsExactly(GopherCommand.class);
  }

  @Test
  void helpCompletionUnknownNamesAndRootOptionsBuildEveryCommand() {
    int all = Inetkit.commandsFor(new String[0]).size();
    assertThat(all).isEqualTo(8);
    for (String[] args :
        new String[][] {
          {"help", "ftp"}, {"completion"}, {"--help"}, {"ftpx"}, {"--version", "ftp"}, {"-v", "ftp"}
        }) {
      assertThat(Inetkit.commandsFor(args)).as(String.join(" ", args)).hasSize(all);
    }
  }

  /** The names of the commands below {@code path} in the command line main builds for args. */
  private static List<String> built(String[] args, String... path) {
    CommandLine line =
        Inetkit.newCommandLine(
            new PrintWriter(new StringWriter()),
            new PrintWriter(new StringWriter()),
            CliEnvironment.system(),
            args);
    for (String name : path) {
      line = line.getSubcommands().get(name);
    }
    return List.copyOf(line.getSubcommands().keySet());
  }

  @Test
  void aNamedActionOfAGroupBuildsOnlyThatAction() {
    assertThat(built(new String[] {"ftp", "ls", "ftp://127.0.0.1/"}, "ftp")).containsExactly("ls");
    assertThat(built(new String[] {"mail", "send", "--to", "a@b"}, "mail")).containsExactly("send");
    assertThat(built(new String[] {"mail", "folders", "list", "imap://h"}, "mail"))
        .containsExactly("folders");
    assertThat(built(new String[] {"mail", "folders", "list", "imap://h"}, "mail", "folders"))
        .containsExactly("list");
  }

  @Test
  void aGroupWithoutANamedActionBuildsEveryAction() {
    List<String> ftp = built(new String[0], "ftp");
    assertThat(ftp).contains("ls", "get", "put", "rm", "mkdir", "mv", "capabilities");
    List<String> folders = built(new String[0], "mail", "folders");
    assertThat(folders).contains("list", "create", "rename", "delete");
    for (String[] args :
        new String[][] {
          {"ftp"},
          {"ftp", "--help"},
          {"ftp", "lss"},
          {"ftp", "-h", "ls"},
          {"help", "ftp", "ls"},
          {"completion", "ftp", "ls"},
          {"-v", "ftp", "ls"}
        }) {
      assertThat(built(args, "ftp")).as(String.join(" ", args)).isEqualTo(ftp);
    }
    assertThat(built(new String[] {"mail", "folders", "lsit"}, "mail", "folders"))
        .isEqualTo(folders);
    assertThat(built(new String[] {"mail", "folders"}, "mail", "folders")).isEqualTo(folders);
  }
}
