package io.inetkit.cli;

import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that only groups actions ({@code inetkit ftp}, {@code inetkit mail}, {@code inetkit
 * mail folders}); run without an action it prints its help. Its actions are not listed in its
 * {@code @Command(subcommands = ...)}: {@link Inetkit} adds them, and a run that names one action
 * ({@code inetkit ftp ls ...}) adds only that one, because picocli's reflective model of every
 * action took most of the start-up time.
 */
public abstract class CommandGroup implements Runnable {
  private final List<Class<?>> actions;

  @Spec CommandSpec spec;

  /**
   * Creates a group of {@code actions}.
   *
   * @param actions the action command classes, in the order help lists them
   */
  protected CommandGroup(List<Class<?>> actions) {
    this.actions = List.copyOf(actions);
  }

  /** {@return the action command classes, in the order help lists them} */
  public final List<Class<?>> actions() {
    return actions;
  }

  /** Prints the group's help: it was named without an action. */
  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
