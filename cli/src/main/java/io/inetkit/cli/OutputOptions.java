package io.inetkit.cli;

import io.inetkit.core.EventListener;
import io.inetkit.core.LoggingEventListener;
import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The output options every command shares: {@code -v} (protocol trace on standard error, secrets
 * redacted; stack traces on failure) and {@code -q} (nothing but results and errors).
 *
 * <pre>{@code
 * @Mixin OutputOptions output;
 * client.builder().eventListener(output.events());
 * output.note("saved %s", file);
 * }</pre>
 */
public final class OutputOptions {

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(
      names = {"-v", "--verbose"},
      description = "Print the protocol conversation (passwords redacted) and stack traces.")
  boolean verbose;

  @Option(
      names = {"-q", "--quiet"},
      description = "Print only results and errors: no notes, no progress.")
  boolean quiet;

  /** {@return the writer for results} */
  public PrintWriter out() {
    return mixee.commandLine().getOut();
  }

  /** {@return the writer for notes, progress, warnings and errors} */
  public PrintWriter err() {
    return mixee.commandLine().getErr();
  }

  /** {@return whether {@code -v} was given} */
  public boolean verbose() {
    return verbose;
  }

  /** {@return whether {@code -q} was given} */
  public boolean quiet() {
    return quiet;
  }

  /** {@return the protocol trace listener with {@code -v}, else a listener that ignores all} */
  public EventListener events() {
    return verbose ? new LoggingEventListener(new WriterLogger(err())) : EventListener.NONE;
  }

  /**
   * Prints a note on standard error unless {@code -q}.
   *
   * @param format a {@link String#format} pattern
   * @param args its arguments
   */
  public void note(String format, Object... args) {
    if (!quiet) {
      err().println(String.format(format, args));
      err().flush();
    }
  }

  /** {@return the environment the command runs in} */
  public CliEnvironment environment() {
    return ((Inetkit) mixee.root().userObject()).environment();
  }
}
