package io.inetkit.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the packaged {@code inetkit.jar} as a child process, the way users and scripts do: its own
 * JVM, a fresh home folder ({@code HOME} and {@code user.home}: no {@code ~/.netrc}), standard
 * input from {@code /dev/null} unless given, and no inherited {@code INETKIT_PASSWORD} or {@code
 * NETRC}.
 *
 * <pre>{@code
 * CliJar.Result r = new CliJar(home).env("INETKIT_PASSWORD", "pw").run("ftp", "ls", url, "--json");
 * assertThat(r.code()).as(r.err()).isZero();
 * }</pre>
 */
final class CliJar {
  /** What one run printed and returned. */
  record Result(int code, String out, String err) {}

  private final Path home;
  private final Map<String, String> env = new HashMap<>();
  private String stdin;

  CliJar(Path home) {
    this.home = home;
  }

  /** Returns the jar under test, from the {@code inetkit.jar} system property set by the POM. */
  static Path jar() {
    String property = System.getProperty("inetkit.jar", "../cli/target/inetkit.jar");
    Path jar = Path.of(property).toAbsolutePath().normalize();
    assertThat(jar).as("build the cli module first (mvn -pl cli package)").isRegularFile();
    return jar;
  }

  /** Sets an environment variable for the child. */
  CliJar env(String name, String value) {
    env.put(name, value);
    return this;
  }

  /** Feeds {@code text} to the child's standard input. */
  CliJar stdin(String text) {
    this.stdin = text;
    return this;
  }

  /** Runs {@code inetkit args...} and waits at most 60 s. */
  Result run(String... args) throws IOException, InterruptedException {
    Path out = Files.createTempFile(home, "out", ".txt");
    Path err = Files.createTempFile(home, "err", ".txt");
    ProcessBuilder pb = processBuilder(args);
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Path in = null;
    if (stdin != null) {
      in = Files.writeString(Files.createTempFile(home, "in", ".txt"), stdin);
      pb.redirectInput(in.toFile());
    } else {
      pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    }
    Process p = pb.start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("inetkit " + String.join(" ", args) + " did not finish in 60 s");
    }
    return new Result(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  /**
   * Starts {@code inetkit args...} without waiting (for {@code serve}): standard output is a pipe
   * the caller reads, standard error is discarded. The caller must stop the process.
   */
  Process start(String... args) throws IOException {
    return start(ProcessBuilder.Redirect.DISCARD, args);
  }

  /**
   * Starts {@code inetkit args...} without waiting (for {@code serve} and {@code mail watch}):
   * standard output is a pipe the caller reads, standard error goes to {@code err}, a file the
   * caller can watch for notes. The caller must stop the process.
   */
  Process start(Path err, String... args) throws IOException {
    return start(ProcessBuilder.Redirect.to(err.toFile()), args);
  }

  private Process start(ProcessBuilder.Redirect err, String... args) throws IOException {
    ProcessBuilder pb = processBuilder(args);
    pb.redirectError(err);
    pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    return pb.start();
  }

  /**
   * Returns whether {@link #runOnTerminal} can run here (util-linux {@code script} is installed).
   */
  static boolean canRunOnTerminal() {
    return Files.isExecutable(Path.of("/usr/bin/script"));
  }

  /**
   * Runs {@code inetkit args...} on a pseudo-terminal made by util-linux {@code script}: standard
   * input, output and error are a terminal, as for a person at a shell, unless {@code redirect}
   * (shell syntax such as {@code "2>err.txt"}, run in the home folder) sends one elsewhere. {@link
   * Result#out()} is what the terminal showed, {@link Result#err()} is empty.
   */
  Result runOnTerminal(String redirect, String... args) throws IOException, InterruptedException {
    StringBuilder line = new StringBuilder();
    for (String word : command(args)) {
      line.append('\'').append(word.replace("'", "'\\''")).append("' ");
    }
    line.append(redirect);
    ProcessBuilder pb =
        environment(
            new ProcessBuilder("/usr/bin/script", "-q", "-e", "-c", line.toString(), "/dev/null"));
    Path out = Files.createTempFile(home, "tty", ".txt");
    pb.redirectOutput(out.toFile()).redirectErrorStream(true);
    pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    Process p = pb.start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("inetkit " + String.join(" ", args) + " did not finish in 60 s");
    }
    return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), "");
  }

  private ProcessBuilder processBuilder(String... args) {
    return environment(new ProcessBuilder(command(args)));
  }

  /** Runs in the home folder with a clean environment: no inherited password sources. */
  private ProcessBuilder environment(ProcessBuilder pb) {
    pb.directory(home.toFile());
    pb.environment().keySet().removeIf(k -> k.equals("INETKIT_PASSWORD") || k.equals("NETRC"));
    pb.environment().put("HOME", home.toString());
    pb.environment().putAll(env);
    return pb;
  }

  /** Returns the command line that runs the jar with {@code args}. */
  private List<String> command(String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-XX:TieredStopAtLevel=1");
    // The JVM takes user.home from the password database, not $HOME: without this the child
    // would read (and could write) the real ~/.netrc and friends.
    command.add("-Duser.home=" + home);
    command.add("-jar");
    command.add(jar().toString());
    command.addAll(List.of(args));
    return command;
  }
}
