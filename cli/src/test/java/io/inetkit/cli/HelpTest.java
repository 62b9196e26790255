package io.inetkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command's --help (groups and the root too) renders cleanly, shows examples and the exit codes. */
class HelpTest {

  /** Collects the path of {@code cmd} and of every command below it, groups included. */
  private static void commands(CommandLine cmd, List<String> path, List<List<String>> into) {
    into.add(path);
    Map<String, CommandLine> subs = cmd.getSubcommands();
    subs.forEach(
        (name, sub) -> {
          if (!name.equals("help")) {
            List<String> next = new ArrayList<>(path);
            next.add(name);
            commands(sub, next, into);
          }
        });
  }

  @Test
  void everyCommandAndGroupHasHelpWithExamplesAndExitCodesAndNoFormatWarnings() {
    CommandLine root =
        Inetkit.newCommandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    List<List<String>> commands = new ArrayList<>();
    commands(root, List.of(), commands);
    assertThat(commands).extracting(c -> String.join(" ", c))
        .contains("", "mail", "ftp", "mail send", "mail list", "mail read", "mail sync", "mail watch", "mail move",
            "mail flag", "mail delete", "mail capabilities", "ftp ls", "ftp get", "ftp put", "ftp rm",
            "ftp mkdir", "ftp mv", "ftp capabilities", "gopher", "telnet", "completion");
    PrintStream saved = System.err;
    ByteArrayOutputStream warnings = new ByteArrayOutputStream();
    System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
    try {
      for (List<String> command : commands) {
        StringWriter out = new StringWriter();
        List<String> args = new ArrayList<>(command);
        args.add("--help");
        int code =
            Inetkit.newCommandLine(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true))
                .execute(args.toArray(String[]::new));
        assertThat(code).as(String.join(" ", command)).isZero();
        assertThat(out.toString())
            .as(String.join(" ", command))
            .contains(("Usage: inetkit " + String.join(" ", command)).strip())
            .contains("Examples:")
            .contains("77  authentication failed");
      }
    } finally {
      System.setErr(saved);
    }
    assertThat(warnings.toString(StandardCharsets.UTF_8)).doesNotContain("picocli WARN");
  }
}
