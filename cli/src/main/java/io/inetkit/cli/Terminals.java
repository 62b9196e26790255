package io.inetkit.cli;

import java.io.Console;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Tells whether the process's standard streams are interactive terminals. Java 17 has no {@code
 * isatty}: {@link System#console()} is non-null only when standard input <em>and</em> output are a
 * terminal (and from Java 22 on, even when they are not; {@code Console.isTerminal()} is asked
 * then), and says nothing about standard error. Standard error is checked on its own through {@code
 * /proc/self/fd/2}, which on Linux links to the terminal device ({@code /dev/pts/N}, {@code
 * /dev/ttyN}) or to a file or pipe; where {@code /proc} is missing the console answer is the best
 * guess.
 *
 * <pre>{@code
 * boolean drawBars = Terminals.stderrIsTerminal(); // false for 2>log, 2>&1 | tee, CI
 * }</pre>
 */
final class Terminals {
  private static final Path STDERR_LINK = Path.of("/proc/self/fd/2");

  private Terminals() {}

  /** {@return whether standard input and output are an interactive terminal (prompts, raw mode)} */
  static boolean consoleIsTerminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      Method isTerminal = Console.class.getMethod("isTerminal"); // Java 22+
      return (Boolean) isTerminal.invoke(console);
    } catch (NoSuchMethodException e) {
      return true; // before Java 22 a console exists only on a terminal
    } catch (ReflectiveOperationException e) {
      return false;
    }
  }

  /** {@return whether standard error is an interactive terminal (progress bars)} */
  static boolean stderrIsTerminal() {
    if (Files.isSymbolicLink(STDERR_LINK)) {
      try {
        return isTerminalDevice(Files.readSymbolicLink(STDERR_LINK).toString());
      } catch (IOException | SecurityException e) {
        return false;
      }
    }
    return consoleIsTerminal();
  }

  /** {@return whether {@code device}, the target of a {@code /proc/self/fd} link, is a terminal} */
  static boolean isTerminalDevice(String device) {
    return device.startsWith("/dev/pts/")
        || device.startsWith("/dev/tty")
        || device.equals("/dev/console");
  }
}
