package io.inetkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code bin/inetkit.cmd}, the Windows launcher, checked without Windows: what the file says and
 * that it agrees with the build and with the POSIX launcher. Running it needs {@code cmd.exe}; that
 * is left to a Windows machine (docs/cli.md says so).
 */
class WindowsLauncherTest {
  private static final Path CMD = Path.of("src/dist/bin/inetkit.cmd");
  private static final Path SH = Path.of("src/dist/bin/inetkit");

  private static List<String> lines() throws IOException {
    return Files.readAllLines(CMD, StandardCharsets.US_ASCII);
  }

  @Test
  void isPlainBatchThatRunsTheDistributionJarAndPassesArgumentsAndExitCode() throws IOException {
    List<String> lines = lines();
    assertThat(lines.get(0)).isEqualToIgnoringCase("@echo off");
    assertThat(lines).anyMatch(l -> l.equalsIgnoreCase("setlocal"));
    String run =
        lines.stream().filter(l -> l.contains(" -jar ")).reduce((a, b) -> a + "\n" + b).orElse("");
    assertThat(run)
        .as("the one java command")
        .doesNotContain("\n")
        .startsWith("\"%JAVA_EXE%\" ")
        .contains("-jar \"%INETKIT_HOME%\\lib\\inetkit.jar\"")
        .endsWith(" %*");
    assertThat(lines).contains("exit /b %ERRORLEVEL%");
    // %~dp0 is bin\ with its trailing backslash: home is its parent
    assertThat(lines).contains("set \"INETKIT_HOME=%~dp0..\"");
  }

  @Test
  void everyLineIsWellFormed() throws IOException {
    byte[] bytes = Files.readAllBytes(CMD);
    for (byte b : bytes) {
      assertThat(b & 0xff).as("ASCII only (cmd.exe reads the OEM code page)").isLessThan(0x80);
    }
    for (String line : lines()) {
      assertThat(line.chars().filter(c -> c == '"').count() % 2)
          .as("balanced quotes: %s", line)
          .isZero();
      // %NAME% pairs, %~dp0, the arguments %~1 .. %~9 and %* are the only uses of %
      String rest =
          line.replaceAll("%[A-Z_]+%", "")
              .replace("%~dp0", "")
              .replaceAll("%~[1-9]", "")
              .replace("%*", "");
      assertThat(rest).as("stray %% in: %s", line).doesNotContain("%");
      assertThat(line)
          .as("POSIX shell syntax in: %s", line)
          .doesNotContain("$")
          .doesNotContain("#!");
    }
  }

  @Test
  void usesTheJarTheBuildPutsInLib() throws IOException {
    String pom = Files.readString(Path.of("pom.xml"), StandardCharsets.UTF_8);
    assertThat(pom)
        .contains("<outputFile>${project.build.directory}/inetkit.jar</outputFile>")
        .contains("<mainClass>io.inetkit.cli.Inetkit</mainClass>");
    String assembly =
        Files.readString(Path.of("src/assembly/distribution.xml"), StandardCharsets.UTF_8);
    assertThat(assembly)
        .containsPattern(
            "<source>\\$\\{project.build.directory}/inetkit.jar</source>\\s*"
                + "<outputDirectory>lib</outputDirectory>")
        .containsPattern(
            "<include>inetkit.cmd</include>\\s*</includes>\\s*<lineEnding>dos</lineEnding>");
  }

  @Test
  void runsTheJvmWithTheSameOptionsAsThePosixLauncher() throws IOException {
    String sh = Files.readString(SH, StandardCharsets.UTF_8);
    Matcher m = Pattern.compile("(?m)^opts=\"([^\"]*)\"").matcher(sh);
    assertThat(m.find()).as("opts= line in bin/inetkit").isTrue();
    List<String> posix =
        Arrays.stream(m.group(1).split(" ")).filter(o -> o.startsWith("-XX:")).toList();
    assertThat(posix).isNotEmpty();
    String run = lines().stream().filter(l -> l.contains(" -jar ")).findFirst().orElseThrow();
    assertThat(run).contains(posix);
    assertThat(run).contains("%INETKIT_JAVA_OPTS%");
    assertThat(run.indexOf("%INETKIT_JAVA_OPTS%"))
        .as("user options come last, so they override")
        .isGreaterThan(run.lastIndexOf("-XX:"));
  }
}
