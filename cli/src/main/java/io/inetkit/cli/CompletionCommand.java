package io.inetkit.cli;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code inetkit completion}: prints the bash (and zsh) completion script picocli generates. */
@Command(
    name = "completion",
    mixinStandardHelpOptions = true,
    description = "Print a bash/zsh completion script for inetkit.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  source <(inetkit completion)",
      "  inetkit completion > /etc/bash_completion.d/inetkit"
    })
final class CompletionCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().getOut().print(AutoComplete.bash("inetkit", spec.root().commandLine()));
    spec.commandLine().getOut().flush();
  }
}
