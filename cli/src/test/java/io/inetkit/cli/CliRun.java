package io.inetkit.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine;

/** Runs {@code inetkit} in-process with captured writers and an injected environment. */
public final class CliRun {
  private final Map<String, String> variables = new HashMap<>();
  private CliEnvironment env;
  private final java.io.ByteArrayOutputStream stdout = new java.io.ByteArrayOutputStream();
  private StringWriter out = new StringWriter();
  private StringWriter err = new StringWriter();
  private final Map<String, java.util.function.Supplier<Object>> extraCommands = new HashMap<>();
  private String[] trailing = new String[0];

  /** An environment with no variables, empty stdin, no terminal, and {@code home} as home. */
  public CliRun(Path home) {
    env =
        new CliEnvironment(
            Map.of(),
            new ByteArrayInputStream(new byte[0]),
            stdout,
            false,
            false,
            CliEnvironment.PasswordPrompt.NONE,
            home);
  }

  public CliRun variable(String name, String value) {
    variables.put(name, value);
    return this;
  }

  public CliRun stdin(String text) {
    env = env.withStdin(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    return this;
  }

  /** Runs as if a person sat at a terminal holding standard input, output and error. */
  public CliRun terminal(CliEnvironment.PasswordPrompt prompt) {
    env = env.withTerminal(prompt);
    return this;
  }

  /** Runs as if standard error were ({@code true}) or were not a terminal, the rest unchanged. */
  public CliRun stderrTerminal(boolean terminal) {
    env = env.withStderrTerminal(terminal);
    return this;
  }

  /** Adds a command made fresh for each run (picocli keeps option values in the object). */
  public CliRun command(String name, java.util.function.Supplier<Object> command) {
    extraCommands.put(name, command);
    return this;
  }

  /** Appends {@code args} to every command line this runs (such as {@code --cacert FILE}). */
  public CliRun trailing(String... args) {
    trailing = args.clone();
    return this;
  }

  /** Runs the command line; output is read with {@link #out()} and {@link #err()}. */
  public int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    stdout.reset();
    String[] all = java.util.Arrays.copyOf(args, args.length + trailing.length);
    System.arraycopy(trailing, 0, all, args.length, trailing.length);
    // Built for the arguments as main builds it (only the commands they name).
    CommandLine cmd =
        Inetkit.newCommandLine(
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            env.withVariables(variables),
            all);
    extraCommands.forEach((name, make) -> cmd.addSubcommand(name, make.get()));
    cmd.setOut(cmd.getOut()).setErr(cmd.getErr()).setCaseInsensitiveEnumValuesAllowed(true);
    return cmd.execute(all);
  }

  public String out() {
    return out.toString();
  }

  /** Returns the bytes written to standard output as a byte stream (downloads to {@code -o -}). */
  public byte[] stdoutBytes() {
    return stdout.toByteArray();
  }

  public String err() {
    return err.toString();
  }
}
