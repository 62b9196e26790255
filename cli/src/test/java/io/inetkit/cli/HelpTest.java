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

/**
 * Every command's --help (groups and the root too) renders cleanly and shows examples; the exit
 * codes are listed once, on the root; help reaches nested commands; typos get suggestions.
 */
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
  void everyCommandAndGroupHasHelpWithExamplesAndNoFormatWarnings() {
    CommandLine root =
        Inetkit.newCommandLine(
            new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    List<List<String>> commands = new ArrayList<>();
    commands(root, List.of(), commands);
    assertThat(commands)
        .extracting(c -> String.join(" ", c))
        .contains(
            "",
            "mail",
            "ftp",
            "mail send",
            "mail list",
            "mail read",
            "mail sync",
            "mail watch",
            "mail move",
            "mail flag",
            "mail delete",
            "mail capabilities",
            "ftp ls",
            "ftp get",
            "ftp put",
            "ftp rm",
            "ftp mkdir",
            "ftp mv",
            "ftp capabilities",
            "gopher",
            "telnet",
            "completion");
    PrintStream saved = System.err;
    ByteArrayOutputStream warnings = new ByteArrayOutputStream();
    System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
    try {
      for (List<String> command : commands) {
        StringWriter out = new StringWriter();
        List<String> args = new ArrayList<>(command);
        args.add("--help");
        int code =
            Inetkit.newCommandLine(
                    new PrintWriter(out, true), new PrintWriter(new StringWriter(), true))
                .execute(args.toArray(String[]::new));
        assertThat(code).as(String.join(" ", command)).isZero();
        // main builds only the commands the arguments name; the help must not change with it.
        StringWriter narrowed = new StringWriter();
        Inetkit.newCommandLine(
                new PrintWriter(narrowed, true),
                new PrintWriter(new StringWriter(), true),
                CliEnvironment.system(),
                args.toArray(String[]::new))
            .execute(args.toArray(String[]::new));
        assertThat(narrowed.toString()).as(String.join(" ", command)).isEqualTo(out.toString());
        assertThat(out.toString())
            .as(String.join(" ", command))
            .contains(("Usage: inetkit " + String.join(" ", command)).strip())
            .contains("Examples:");
        if (command.isEmpty()) {
          assertThat(out.toString())
              .contains("Exit codes:")
              .containsPattern(" 77 +authentication failed");
        } else {
          assertThat(out.toString()).as(String.join(" ", command)).doesNotContain("Exit codes:");
        }
      }
    } finally {
      System.setErr(saved);
    }
    assertThat(warnings.toString(StandardCharsets.UTF_8)).doesNotContain("picocli WARN");
  }

  /** Runs {@code args} on the command line main builds for them (only the commands they name). */
  private static String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Inetkit.newCommandLine(
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                CliEnvironment.system(),
                args)
            .execute(args);
    return new String[] {String.valueOf(code), out.toString(), err.toString()};
  }

  @Test
  void helpShowsTheHelpOfANestedCommand() {
    String[] result = run("help", "ftp", "get");
    assertThat(result[0]).isEqualTo("0");
    assertThat(result[1])
        .contains("Usage: inetkit ftp get ")
        .isEqualTo(run("ftp", "get", "--help")[1]);
  }

  @Test
  void helpOfAnUnknownNestedCommandIsAUsageErrorWithASuggestion() {
    String[] result = run("help", "ftp", "gte");
    assertThat(result[0]).isEqualTo("2");
    assertThat(result[2]).contains("'gte'").contains("Did you mean: inetkit ftp get?");
  }

  @Test
  void aMistypedCommandSuggestsTheNearestOne() {
    String[] result = run("mial");
    assertThat(result[0]).isEqualTo("2");
    assertThat(result[2]).contains("'mial'").contains("Did you mean: inetkit mail?");
  }

  @Test
  void aMistypedActionSuggestsTheNearestOne() {
    String[] result = run("ftp", "lss", "ftp://127.0.0.1:1/");
    assertThat(result[0]).isEqualTo("2");
    assertThat(result[2]).contains("'lss'").contains("Did you mean: inetkit ftp ls?");
    result = run("mail", "folders", "lsit", "imap://127.0.0.1:1/");
    assertThat(result[0]).isEqualTo("2");
    assertThat(result[2]).contains("'lsit'").contains("Did you mean: inetkit mail folders list?");
  }

  @Test
  void aMistypedOptionSuggestsTheNearestOne() {
    String[] result = run("ftp", "get", "ftp://127.0.0.1:1/f", "--ouput", "f");
    assertThat(result[0]).isEqualTo("2");
    assertThat(result[2]).contains("'--ouput'").contains("Did you mean: --output?");
  }
}
