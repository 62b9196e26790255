package io.inetkit.benchmarks.workloads;

import io.inetkit.benchmarks.Availability;
import io.inetkit.benchmarks.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The CLI as users start it: the distribution's launcher ({@code cli/src/dist/bin/inetkit}, as in a
 * clone) on the built {@code cli/target/inetkit.jar}, one process per run.
 */
final class CliLauncher {

  /** The launcher script, relative to the repository's root. */
  static final String SCRIPT = "cli/src/dist/bin/inetkit";

  private CliLauncher() {}

  /** The launcher script's path. */
  static String script(Tools tools) {
    return tools.repoRoot().resolve(SCRIPT).toString();
  }

  /** Available when the CLI jar is built and the launcher script is there. */
  static Availability availability(Tools tools) {
    if (!tools.cli().available()) {
      return tools.cli();
    }
    return tools.repoRoot() != null && Files.isRegularFile(Path.of(script(tools)))
        ? Availability.AVAILABLE
        : Availability.missing(SCRIPT + " not found");
  }

  /**
   * {@code env VARIABLES... INETKIT_JAR=JAR sh bin/inetkit ARGS...}, as a list callers may add
   * options to.
   */
  static List<String> command(Tools tools, List<String> variables, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add("env");
    cmd.addAll(variables);
    cmd.add("INETKIT_JAR=" + tools.cliJar());
    cmd.add("sh");
    cmd.add(script(tools));
    cmd.addAll(List.of(args));
    return cmd;
  }
}
