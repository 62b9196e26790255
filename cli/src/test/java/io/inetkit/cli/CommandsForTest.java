package io.inetkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.inetkit.cli.ftp.FtpCommand;
import io.inetkit.cli.gopher.GopherCommand;
import org.junit.jupiter.api.Test;

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
}
