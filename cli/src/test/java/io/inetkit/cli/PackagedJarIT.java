package io.inetkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.inetkit.testkit.gopher.GopherServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the shaded {@code target/inetkit.jar} as a child process, as users and scripts do. */
class PackagedJarIT {
  @TempDir Path dir;

  record Result(int code, String out, String err) {}

  private Result inetkit(String... args) throws IOException, InterruptedException {
    Path jar = Path.of("target", "inetkit.jar").toAbsolutePath();
    assertThat(jar).exists();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // A fresh home: the JVM takes user.home from the password database, not $HOME.
    command.add("-Duser.home=" + dir);
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(List.of(args));
    Path out = dir.resolve("out");
    Path err = dir.resolve("err");
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    pb.environment().put("HOME", dir.toString());
    pb.environment().keySet().removeAll(List.of("INETKIT_PASSWORD", "NETRC"));
    Process p = pb.start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void versionAndHelpWithExitCodes() throws Exception {
    Result version = inetkit("--version");
    assertThat(version.code()).isZero();
    assertThat(version.out()).startsWith("inetkit 0.");
    Result help = inetkit("--help");
    assertThat(help.code()).isZero();
    assertThat(help.out()).contains("Examples:").containsPattern(" 77 +authentication failed");
    Result mailList = inetkit("mail", "list", "--help");
    assertThat(mailList.code()).isZero();
    assertThat(mailList.out()).contains("Examples:").doesNotContain("Exit codes:");
  }

  @Test
  void gopherMenuFromATestkitServerAndFailuresAsExitCodes() throws Exception {
    try (GopherServer gopher = GopherServer.start()) {
      gopher.file("docs/readme.txt", "hi\n");
      Result menu = inetkit("gopher", gopher.url("1/docs"), "--json");
      assertThat(menu.code()).as(menu.err()).isZero();
      assertThat(menu.out()).contains("\"display\":\"readme.txt\"");
      Result missing = inetkit("gopher", gopher.url("0/docs/none.txt"));
      assertThat(missing.code()).isEqualTo(66);
      assertThat(missing.err().lines()).hasSize(1).allMatch(l -> l.startsWith("inetkit: "));
    }
    Result bad = inetkit("gopher", "gopher://127.0.0.1/0/a%0Ab");
    assertThat(bad.code()).isEqualTo(2);
    Result refused = inetkit("gopher", "gopher://127.0.0.1:" + TestPorts.closed() + "/");
    assertThat(refused.code()).isEqualTo(69);
    assertThat(refused.err()).doesNotContain("\tat ");
  }
}
