package io.inetkit.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.ColorScheme;
import picocli.CommandLine.IHelpCommandInitializable2;
import picocli.CommandLine.Parameters;

/**
 * {@code inetkit help [COMMAND...]}: the help of any command, however deep ({@code inetkit help ftp
 * get} shows {@code ftp get}'s help; picocli's own help command stops at the first name).
 */
@Command(
    name = "help",
    helpCommand = true,
    description = "Show the help of inetkit or of a command, e.g. 'inetkit help ftp get'.",
    footerHeading = "%nExamples:%n",
    footer = {"  inetkit help", "  inetkit help ftp get"})
final class HelpCommand implements IHelpCommandInitializable2, Runnable {

  @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "The command to explain.")
  List<String> names = List.of();

  private CommandLine self;
  private ColorScheme colors;
  private PrintWriter out;

  @Override
  public void init(
      CommandLine helpCommandLine, ColorScheme colorScheme, PrintWriter out, PrintWriter err) {
    this.self = helpCommandLine;
    this.colors = colorScheme;
    this.out = out;
  }

  @Override
  public void run() {
    CommandLine target = self.getParent();
    for (String name : names) {
      Map<String, CommandLine> subcommands = target.getSubcommands();
      CommandLine next = subcommands.get(name);
      if (next == null) {
        // The parameter handler reports it and suggests the nearest command name.
        throw new CommandLine.UnmatchedArgumentException(target, List.of(name));
      }
      target = next;
    }
    target.usage(out, colors);
  }
}
