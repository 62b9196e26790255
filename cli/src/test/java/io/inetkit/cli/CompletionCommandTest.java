package io.inetkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** {@code inetkit completion}: bash (zsh through bashcompinit) and fish scripts from the model. */
class CompletionCommandTest {

  private static String completion(String... args) {
    StringWriter out = new StringWriter();
    int code =
        Inetkit.newCommandLine(
                new PrintWriter(out, true), new PrintWriter(new StringWriter(), true))
            .execute(args);
    assertThat(code).isZero();
    return out.toString();
  }

  @Test
  void bashScriptAlsoSetsUpZsh() {
    String bash = completion("completion");
    assertThat(bash).contains("complete -F _complete_inetkit").contains("bashcompinit");
    assertThat(completion("completion", "--shell", "zsh")).isEqualTo(bash);
  }

  @Test
  void fishScriptCompletesCommandsSubcommandsAndOptionsOfEachLevel() {
    String fish = completion("completion", "--shell", "fish");
    assertThat(fish)
        .startsWith("# fish completion for inetkit")
        .contains("complete -c inetkit -f\n")
        .contains(
            "complete -c inetkit -n '__fish_use_subcommand' -a ftp -d 'Files over FTP and FTPS.'")
        .containsPattern(
            "complete -c inetkit -n '__fish_seen_subcommand_from ftp; and not __fish_seen_subcommand_from [a-z ]*' -a get ")
        .contains(
            "complete -c inetkit -n '__fish_seen_subcommand_from ftp; and __fish_seen_subcommand_from get' -s o -l output -r -F")
        .contains("-l shell -x -a 'bash zsh fish'");
  }
}
