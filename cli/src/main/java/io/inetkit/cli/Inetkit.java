package io.inetkit.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code inetkit} command: one tool for SMTP, POP3, IMAP, FTP/FTPS, Gopher and Telnet.
 *
 * <p>Only {@link #main} calls {@link System#exit}; everything else returns exit codes, so the
 * command is tested in-process with {@link #newCommandLine(PrintWriter, PrintWriter)}.
 */
@Command(
    name = "inetkit",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Mail, file transfer, Gopher and Telnet from one command, with safe defaults.",
    footerHeading = "%nExit codes:%n",
    footer = "${inetkit.exitcodes}",
    subcommands = {ServeCommand.class, CommandLine.HelpCommand.class})
public final class Inetkit implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Builds the command line with its output and error writers (tests inject their own). */
  public static CommandLine newCommandLine(PrintWriter out, PrintWriter err) {
    System.setProperty("inetkit.exitcodes", ExitCode.table());
    CommandLine cmd = new CommandLine(new Inetkit());
    cmd.setOut(out);
    cmd.setErr(err);
    cmd.setExecutionExceptionHandler(errorHandler());
    cmd.setParameterExceptionHandler(
        (ex, args) -> {
          CommandLine c = ex.getCommandLine();
          c.getErr().println("inetkit: " + ex.getMessage());
          c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help'.");
          return ExitCode.USAGE.code();
        });
    return cmd;
  }

  /** Prints one clear line per failure (a stack trace only with -v) and maps it to an exit code. */
  static IExecutionExceptionHandler errorHandler() {
    return (ex, cmd, parseResult) -> {
      cmd.getErr().println("inetkit: " + ex.getMessage());
      if (Verbosity.isVerbose()) {
        ex.printStackTrace(cmd.getErr());
      }
      return ExitCode.of(ex).code();
    };
  }

  /** Runs the command and exits with its exit code. */
  public static void main(String[] args) {
    Verbosity.configureLogging(args);
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    System.exit(newCommandLine(out, err).execute(args));
  }
}
