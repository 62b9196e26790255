package io.inetkit.cli;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code inetkit completion}: prints a completion script. bash's is picocli's; zsh runs the same
 * script through {@code bashcompinit}; fish gets its own ({@link FishCompletion}).
 */
@Command(
    name = "completion",
    mixinStandardHelpOptions = true,
    description = "Print a bash, zsh or fish completion script for inetkit.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  source <(inetkit completion)                                   bash, this shell",
      "  inetkit completion > /etc/bash_completion.d/inetkit",
      "  source <(inetkit completion --shell zsh)                      zsh (loads bashcompinit)",
      "  inetkit completion --shell fish > ~/.config/fish/completions/inetkit.fish"
    })
final class CompletionCommand implements Runnable {
  /** The shells a script is generated for. */
  enum Shell {
    bash,
    zsh,
    fish
  }

  @Spec CommandSpec spec;

  @Option(
      names = "--shell",
      paramLabel = "SHELL",
      defaultValue = "bash",
      description =
          "bash (default), zsh or fish. zsh gets the bash script, which loads zsh's bashcompinit.")
  Shell shell;

  @Override
  public void run() {
    String script =
        shell == Shell.fish
            ? FishCompletion.script(spec.root().commandLine())
            : AutoComplete.bash("inetkit", spec.root().commandLine());
    spec.commandLine().getOut().print(script);
    spec.commandLine().getOut().flush();
  }
}
