package io.inetkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The completion scripts the distribution ships, loaded into real bash, zsh and fish: each shell is
 * asked for the candidates of a partly typed command line, as pressing Tab would. zsh loads the
 * bash script through {@code bashcompinit}, as docs/cli.md says; its completion runs in a
 * pseudo-terminal ({@code completion/capture.zsh}). A shell that is not installed skips its test
 * (CI installs all three: {@code .ci/install-shells}).
 */
class CompletionScriptsTest {
  @TempDir static Path dir;
  private static Path bash;
  private static Path fish;
  private static Path captureZsh;

  @BeforeAll
  static void writeScripts() throws IOException {
    bash = dir.resolve("inetkit.bash");
    fish = dir.resolve("inetkit.fish");
    Files.writeString(bash, completion("bash"), StandardCharsets.UTF_8);
    Files.writeString(fish, completion("fish"), StandardCharsets.UTF_8);
    captureZsh = dir.resolve("capture.zsh");
    try (InputStream in =
        CompletionScriptsTest.class.getResourceAsStream("/completion/capture.zsh")) {
      Files.write(captureZsh, in.readAllBytes());
    }
  }

  private static String completion(String shell) {
    StringWriter out = new StringWriter();
    int code =
        Inetkit.newCommandLine(
                new PrintWriter(out, true), new PrintWriter(new StringWriter(), true))
            .execute("completion", "--shell", shell);
    assertThat(code).isZero();
    return out.toString();
  }

  @Test
  void bashCompletesCommandsSubcommandsOptionsAndValues() throws Exception {
    assumeInstalled("bash");
    assertThat(bashCandidates("inetkit", "ft")).containsExactly("ftp");
    assertThat(bashCandidates("inetkit", "ftp", "g")).containsExactly("get");
    assertThat(bashCandidates("inetkit", "ftp", "get", "--ou")).containsExactly("--output");
    assertThat(bashCandidates("inetkit", "completion", "--shell", ""))
        .containsExactlyInAnyOrder("bash", "zsh", "fish");
    assertThat(bashCandidates("inetkit", "mail", "flag", "--add", "s")).containsExactly("seen");
  }

  @Test
  void zshCompletesThroughBashcompinit() throws Exception {
    assumeInstalled("zsh");
    assertThat(zshCandidates("inetkit ft")).containsExactly("ftp");
    assertThat(zshCandidates("inetkit ftp g")).containsExactly("get");
    assertThat(zshCandidates("inetkit ftp get --ou")).containsExactly("--output");
    assertThat(zshCandidates("inetkit completion --shell "))
        .containsExactlyInAnyOrder("bash", "zsh", "fish");
    assertThat(zshCandidates("inetkit mail flag --add s")).containsExactly("seen");
  }

  @Test
  void fishCompletesWithDescriptions() throws Exception {
    assumeInstalled("fish");
    assertThat(fishCandidates("inetkit ft")).containsExactly("ftp\tFiles over FTP and FTPS.");
    assertThat(fishCandidates("inetkit ftp g"))
        .singleElement()
        .satisfies(c -> assertThat(c).startsWith("get\t"));
    assertThat(fishCandidates("inetkit ftp get --ou"))
        .singleElement()
        .satisfies(c -> assertThat(c).startsWith("--output\t"));
    assertThat(fishCandidates("inetkit completion --shell "))
        .map(c -> c.split("\t")[0])
        .containsExactlyInAnyOrder("bash", "zsh", "fish");
    assertThat(fishCandidates("inetkit mail flag --add s"))
        .map(c -> c.split("\t")[0])
        .containsExactly("seen");
  }

  /** Runs the completion function the way bash's programmable completion calls it. */
  private static List<String> bashCandidates(String... words) throws Exception {
    StringBuilder array = new StringBuilder();
    for (String w : words) {
      array.append('\'').append(w).append("' ");
    }
    String line = String.join(" ", words);
    String script =
        "source \"$1\"\n"
            // compopt only works inside a real completion; the candidates are what is checked
            + "compopt() { :; }\n"
            + ("COMP_WORDS=(" + array + ")\n")
            + ("COMP_CWORD=" + (words.length - 1) + "\n")
            + ("COMP_LINE='" + line + "'\n")
            + ("COMP_POINT=" + line.length() + "\n")
            + "_complete_inetkit\n"
            + "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
    return run(List.of("bash", "--norc", "--noprofile", "-c", script, "bash", bash.toString()));
  }

  private static List<String> zshCandidates(String line) throws Exception {
    return run(List.of("zsh", "-f", captureZsh.toString(), bash.toString(), line));
  }

  /** fish's {@code complete -C} prints what Tab would offer: candidate, tab, description. */
  private static List<String> fishCandidates(String line) throws Exception {
    return run(
        List.of(
            "fish",
            "--no-config",
            "-c",
            "source $argv[1]; complete -C $argv[2]",
            fish.toString(),
            line));
  }

  private static List<String> run(List<String> command) throws Exception {
    Path output = Files.createTempFile(dir, "out", ".txt");
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    pb.environment().put("HOME", dir.toString()); // no user configuration, nothing written to ~
    pb.environment().put("XDG_CONFIG_HOME", dir.resolve("config").toString());
    pb.environment().put("XDG_DATA_HOME", dir.resolve("data").toString());
    Process p = pb.start();
    boolean finished = p.waitFor(60, TimeUnit.SECONDS);
    if (!finished) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
    String text = Files.readString(output, StandardCharsets.UTF_8);
    assertThat(finished).as("%s finished within 60 s: %s", command.get(0), text).isTrue();
    assertThat(p.exitValue()).as("%s: %s", command.get(0), text).isZero();
    List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n")));
    lines.removeIf(String::isBlank);
    return lines;
  }

  private static void assumeInstalled(String shell) {
    boolean found =
        Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"))
            .anyMatch(d -> Files.isExecutable(Path.of(d, shell)));
    assumeTrue(found, shell + " is not installed (.ci/install-shells installs it)");
  }
}
