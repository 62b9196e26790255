package io.inetkit.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Writes a fish completion script from the picocli model (picocli generates bash, which zsh runs
 * through {@code bashcompinit}; fish needs its own {@code complete} lines).
 */
final class FishCompletion {
  private FishCompletion() {}

  /** {@return the script for {@code root} and every command below it} */
  static String script(CommandLine root) {
    StringBuilder out = new StringBuilder();
    String name = root.getCommandName();
    out.append("# fish completion for ").append(name).append(", generated from its commands.\n");
    out.append("# Install: ")
        .append(name)
        .append(" completion --shell fish > ~/.config/fish/completions/")
        .append(name)
        .append(".fish\n");
    out.append("complete -c ").append(name).append(" -f\n");
    command(name, root, List.of(), out);
    return out.toString();
  }

  private static void command(String tool, CommandLine cmd, List<String> path, StringBuilder out) {
    String here = condition(path, cmd);
    for (OptionSpec option : cmd.getCommandSpec().options()) {
      if (option.hidden()) {
        continue;
      }
      out.append("complete -c ").append(tool).append(" -n '").append(here).append("'");
      for (String optionName : option.names()) {
        if (optionName.startsWith("--")) {
          out.append(" -l ").append(optionName.substring(2));
        } else if (optionName.length() == 2) {
          out.append(" -s ").append(optionName.substring(1));
        }
      }
      if (option.arity().max() > 0) {
        List<String> candidates = new ArrayList<>();
        if (option.completionCandidates() != null) {
          option.completionCandidates().forEach(candidates::add);
        }
        out.append(
            candidates.isEmpty() ? " -r -F" : " -x -a " + quote(String.join(" ", candidates)));
      }
      out.append(" -d ").append(quote(first(option.description()))).append('\n');
    }
    cmd.getSubcommands()
        .forEach(
            (name, sub) -> {
              if (!name.equals(sub.getCommandName())) {
                return; // an alias: listed once under its own name
              }
              out.append("complete -c ")
                  .append(tool)
                  .append(" -n '")
                  .append(here)
                  .append("' -a ")
                  .append(name)
                  .append(" -d ")
                  .append(quote(summary(sub)))
                  .append('\n');
              List<String> next = new ArrayList<>(path);
              next.add(name);
              command(tool, sub, next, out);
            });
  }

  /**
   * True in fish when the words typed so far name exactly {@code path}, and no subcommand of it.
   */
  private static String condition(List<String> path, CommandLine cmd) {
    List<String> parts = new ArrayList<>();
    if (path.isEmpty()) {
      parts.add("__fish_use_subcommand");
    } else {
      for (String word : path) {
        parts.add("__fish_seen_subcommand_from " + word);
      }
      if (!cmd.getSubcommands().isEmpty()) {
        parts.add(
            "not __fish_seen_subcommand_from " + String.join(" ", cmd.getSubcommands().keySet()));
      }
    }
    return String.join("; and ", parts);
  }

  /**
   * The line picocli shows for a command in its parent's command list: the header, else the
   * description.
   */
  private static String summary(CommandLine cmd) {
    var usage = cmd.getCommandSpec().usageMessage();
    return first(usage.header().length > 0 ? usage.header() : usage.description());
  }

  private static String first(String[] lines) {
    if (lines.length == 0) {
      return "";
    }
    String line = lines[0].replace("%n", " ").strip();
    int end = line.indexOf(". ");
    return end > 0 ? line.substring(0, end + 1) : line;
  }

  private static String quote(String text) {
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }
}
