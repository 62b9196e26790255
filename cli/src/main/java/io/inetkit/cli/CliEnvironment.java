package io.inetkit.cli;

import java.io.Console;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What the command sees of the world outside its arguments: environment variables, standard input,
 * whether a person sits at a terminal, and how to ask them for a password. Tests inject their own;
 * {@link #system()} is the real process.
 *
 * <pre>{@code
 * CliEnvironment env = CliEnvironment.system()
 *     .withVariables(Map.of("INETKIT_PASSWORD", "secret"))
 *     .withStdin(new ByteArrayInputStream(new byte[0]));
 * Inetkit.newCommandLine(out, err, env).execute("ftp", "ls", "ftp://alice@127.0.0.1:2121/");
 * }</pre>
 *
 * @param variables environment variables
 * @param stdin standard input
 * @param stdout standard output as bytes, for downloads written to {@code -o -} and raw messages
 * @param terminal whether standard input and output are an interactive terminal (password prompts,
 *     Telnet's raw mode)
 * @param stderrTerminal whether standard error is an interactive terminal (progress bars); it is
 *     not when redirected ({@code 2>log}), even if a person watches the rest
 * @param prompt asks for a password without echo; returns {@code null} when it cannot
 * @param home the user's home folder (for {@code ~/.netrc})
 */
public record CliEnvironment(
    Map<String, String> variables,
    InputStream stdin,
    OutputStream stdout,
    boolean terminal,
    boolean stderrTerminal,
    PasswordPrompt prompt,
    Path home) {

  /** Asks a person for a secret without echoing it. */
  @FunctionalInterface
  public interface PasswordPrompt {
    /** Never asks; returns {@code null}. */
    PasswordPrompt NONE = text -> null;

    /**
     * Shows {@code text} and returns what was typed, or {@code null} when nobody can answer.
     *
     * @param text the prompt
     * @return the characters typed, or {@code null}
     */
    char[] readPassword(String text);
  }

  /**
   * Copies the variables and checks that nothing is null.
   *
   * @param variables environment variables
   * @param stdin standard input
   * @param stdout standard output as bytes
   * @param terminal whether standard input and output are an interactive terminal
   * @param stderrTerminal whether standard error is an interactive terminal
   * @param prompt asks for a password without echo
   * @param home the user's home folder
   */
  public CliEnvironment {
    variables = Map.copyOf(variables);
    Objects.requireNonNull(stdin, "stdin");
    Objects.requireNonNull(stdout, "stdout");
    Objects.requireNonNull(prompt, "prompt");
    Objects.requireNonNull(home, "home");
  }

  /**
   * {@return the real process environment: {@link System#console()} decides whether a person
   * answers prompts, and standard error is checked on its own for progress bars (see {@link
   * Terminals})}
   */
  public static CliEnvironment system() {
    Console console = System.console();
    boolean terminal = Terminals.consoleIsTerminal();
    PasswordPrompt prompt =
        terminal ? text -> console.readPassword("%s", text) : PasswordPrompt.NONE;
    return new CliEnvironment(
        System.getenv(),
        System.in,
        System.out,
        terminal,
        Terminals.stderrIsTerminal(),
        prompt,
        Path.of(System.getProperty("user.home", ".")));
  }

  /**
   * {@return the value of an environment variable, or {@code null}}
   *
   * @param name the variable's name
   */
  public String variable(String name) {
    return variables.get(name);
  }

  /**
   * {@return a copy with other environment variables}
   *
   * @param variables the variables (copied)
   */
  public CliEnvironment withVariables(Map<String, String> variables) {
    return new CliEnvironment(variables, stdin, stdout, terminal, stderrTerminal, prompt, home);
  }

  /**
   * {@return a copy reading standard input from {@code stdin}}
   *
   * @param stdin the new standard input
   */
  public CliEnvironment withStdin(InputStream stdin) {
    return new CliEnvironment(variables, stdin, stdout, terminal, stderrTerminal, prompt, home);
  }

  /**
   * {@return a copy writing byte output to {@code stdout}}
   *
   * @param stdout the new byte output
   */
  public CliEnvironment withStdout(OutputStream stdout) {
    return new CliEnvironment(variables, stdin, stdout, terminal, stderrTerminal, prompt, home);
  }

  /**
   * {@return a copy that behaves as if a person sat at a terminal answering prompts, with every
   * standard stream on it}
   *
   * @param prompt how the person is asked for a password
   */
  public CliEnvironment withTerminal(PasswordPrompt prompt) {
    return new CliEnvironment(variables, stdin, stdout, true, true, prompt, home);
  }

  /**
   * {@return a copy whose standard error is ({@code true}) or is not a terminal}
   *
   * @param stderrTerminal whether standard error is a terminal
   */
  public CliEnvironment withStderrTerminal(boolean stderrTerminal) {
    return new CliEnvironment(variables, stdin, stdout, terminal, stderrTerminal, prompt, home);
  }

  /**
   * {@return a copy with another home folder}
   *
   * @param home the home folder
   */
  public CliEnvironment withHome(Path home) {
    return new CliEnvironment(variables, stdin, stdout, terminal, stderrTerminal, prompt, home);
  }
}
