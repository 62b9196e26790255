package io.inetkit.cli;

import java.util.List;

/**
 * A command that only groups actions ({@code inetkit ftp}, {@code inetkit mail}, {@code inetkit
 * mail folders}). Its actions are not in its {@code @Command(subcommands = ...)}: {@link Inetkit}
 * adds them, and a run that names one action ({@code inetkit ftp ls ...}) adds only that one,
 * because picocli's reflective model of every action took most of the start-up time.
 */
public interface CommandGroup {

  /** Returns the action command classes, in the order help lists them. */
  List<Class<?>> actions();
}
