package io.inetkit.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code inetkit} command: one tool for SMTP, POP3, IMAP, FTP/FTPS, Gopher and Telnet.
 *
 * <p>Only {@link #main} calls {@link System#exit}; everything else returns exit codes, so the
 * command is tested in-process with {@link #newCommandLine(PrintWriter, PrintWriter)}.
 */
@Command(
    name = "inetkit",
    scope = ScopeType.INHERIT,
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Mail, file transfer, Gopher and Telnet from one command, with safe defaults.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  inetkit demo                                   a guided tour on embedded servers",
      "  inetkit mail list imaps://alice@mx.example/INBOX --unseen",
      "  inetkit ftp get ftps://ftp.example/pub/big.iso -o big.iso -C",
      "  inetkit gopher gopher://gopher.example/",
      "  inetkit telnet 127.0.0.1 2323 --user alice --run whoami",
      "  inetkit serve --only ftp,imap                  test servers for other languages' suites",
      "  inetkit mail --help                            every command has --help with examples",
      "  inetkit help ftp get                           the same as inetkit ftp get --help"
    })
public final class Inetkit implements Runnable {

  /** The commands below the root, in the order help lists them. */
  private static final java.util.Map<String, Class<?>> COMMANDS = commands();

  private static java.util.Map<String, Class<?>> commands() {
    java.util.Map<String, Class<?>> all = new java.util.LinkedHashMap<>();
    all.put("mail", io.inetkit.cli.mail.MailCommand.class);
    all.put("ftp", io.inetkit.cli.ftp.FtpCommand.class);
    all.put("gopher", io.inetkit.cli.gopher.GopherCommand.class);
    all.put("telnet", io.inetkit.cli.telnet.TelnetCommand.class);
    all.put("serve", ServeCommand.class);
    all.put("demo", DemoCommand.class);
    all.put("completion", CompletionCommand.class);
    all.put("help", HelpCommand.class);
    return java.util.Collections.unmodifiableMap(all);
  }

  @Spec CommandSpec spec;

  private final CliEnvironment environment;

  private Inetkit(CliEnvironment environment) {
    this.environment = environment;
  }

  /** {@return the environment (variables, stdin, terminal) this command line runs in} */
  CliEnvironment environment() {
    return environment;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * Builds the command line with its output and error writers (tests inject their own).
   *
   * @param out where results go
   * @param err where notes, progress and errors go
   * @return the command line, ready to {@code execute(args)}
   */
  public static CommandLine newCommandLine(PrintWriter out, PrintWriter err) {
    return newCommandLine(out, err, CliEnvironment.system());
  }

  /**
   * Builds the command line with its writers and environment (tests inject variables, standard
   * input and a terminal).
   *
   * @param out where results go
   * @param err where notes, progress and errors go
   * @param env the environment the commands see
   * @return the command line, ready to {@code execute(args)}
   */
  public static CommandLine newCommandLine(PrintWriter out, PrintWriter err, CliEnvironment env) {
    return newCommandLine(out, err, env, COMMANDS.values(), new String[0]);
  }

  /**
   * The commands {@code args} need: picocli builds a reflective model of every command it is given,
   * which took most of the start-up time, so a run of {@code inetkit ftp ...} builds only {@code
   * ftp}, and {@code --version} none. Anything else (no command, help, completion, an unknown name)
   * gets them all, so help and error messages list every command.
   */
  static java.util.Collection<Class<?>> commandsFor(String[] args) {
    if (isVersionOnly(args)) {
      return java.util.List.of();
    }
    if (args.length > 0) {
      Class<?> named = COMMANDS.get(args[0]);
      if (named != null && !args[0].equals("help") && !args[0].equals("completion")) {
        return java.util.List.of(named);
      }
    }
    return COMMANDS.values();
  }

  /** {@return whether {@code args} ask for the version and nothing else} */
  static boolean isVersionOnly(String[] args) {
    return args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"));
  }

  /**
   * Builds the command line {@code main} runs for {@code args}: only the commands, and within a
   * group such as {@code ftp} only the action, that {@code args} name (see {@link #commandsFor});
   * tests run the CLI through this too.
   */
  static CommandLine newCommandLine(
      PrintWriter out, PrintWriter err, CliEnvironment env, String[] args) {
    return newCommandLine(out, err, env, commandsFor(args), args);
  }

  /**
   * The action of {@code group} named at {@code args[index]}, or {@code null} when there is none
   * (nothing, an option such as {@code --help}, a mistyped name): then every action is built, so
   * that the group's help and its did-you-mean suggestions still list them all.
   */
  static Class<?> namedAction(CommandGroup group, String[] args, int index) {
    if (index < args.length) {
      for (Class<?> action : group.actions()) {
        Command command = action.getAnnotation(Command.class);
        if (command != null && command.name().equals(args[index])
            || command != null && java.util.List.of(command.aliases()).contains(args[index])) {
          return action;
        }
      }
    }
    return null;
  }

  /**
   * Builds {@code command} and, if it is a {@link CommandGroup}, its actions (bottom-up, as
   * picocli's own {@code subcommands} attribute does); {@code named} says that {@code args[index -
   * 1]} named this command, so that only the action {@code args[index]} names is needed.
   */
  private static CommandLine build(Class<?> command, String[] args, int index, boolean named) {
    CommandLine line = new CommandLine(command);
    if (line.getCommand() instanceof CommandGroup group) {
      Class<?> action = named ? namedAction(group, args, index) : null;
      for (Class<?> each : action != null ? java.util.List.of(action) : group.actions()) {
        line.addSubcommand(build(each, args, index + 1, action != null));
      }
    }
    return line;
  }

  private static CommandLine newCommandLine(
      PrintWriter out,
      PrintWriter err,
      CliEnvironment env,
      java.util.Collection<Class<?>> commands,
      String[] args) {
    CommandLine cmd = new CommandLine(new Inetkit(env));
    boolean named = commands.size() == 1;
    for (Class<?> command : commands) {
      cmd.addSubcommand(build(command, args, 1, named));
    }
    // Set after the subcommands are added, so they do not inherit it: the exit codes are listed
    // once, in the top-level help and the inetkit(1) man page.
    cmd.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n");
    cmd.getCommandSpec().usageMessage().exitCodeList(ExitCode.list());
    cmd.setCaseInsensitiveEnumValuesAllowed(true);
    cmd.setUsageHelpWidth(100);
    // telnet's --send/--expect/--run are repeatable steps, recorded in order by setter methods.
    CommandLine telnet = cmd.getSubcommands().get("telnet");
    if (telnet != null) {
      telnet.setOverwrittenOptionsAllowed(true);
    }
    cmd.setOut(out);
    cmd.setErr(err);
    cmd.setExecutionExceptionHandler(errorHandler());
    cmd.setExecutionStrategy(Inetkit::runWithinMaxTime);
    cmd.setParameterExceptionHandler(
        (ex, unused) -> {
          CommandLine c = ex.getCommandLine();
          c.getErr().println("inetkit: " + ex.getMessage());
          String suggestion = Suggestions.forFailure(ex); // `inetkit mial`, `--ouput`
          if (suggestion != null) {
            c.getErr().println(suggestion);
          }
          c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help'.");
          return ExitCode.USAGE.code();
        });
    return cmd;
  }

  /**
   * Runs the command; a network command given {@code --max-time} runs inside one overall deadline,
   * so that connect, login, every command, every transfer and every retry together end by then
   * (each library operation's deadline is bounded by it).
   */
  static int runWithinMaxTime(CommandLine.ParseResult parseResult) {
    CommandLine.ParseResult last = parseResult;
    while (last.hasSubcommand()) {
      last = last.subcommand();
    }
    if (last.commandSpec().userObject() instanceof NetworkCommand command
        && command.timeouts.overall != null) {
      try (io.inetkit.core.internal.Deadline.Scope scope =
          io.inetkit.core.internal.Deadline.enclose(command.timeouts.overall)) {
        return new CommandLine.RunLast().execute(parseResult);
      }
    }
    return new CommandLine.RunLast().execute(parseResult);
  }

  /** Prints one clear line per failure (a stack trace only with -v) and maps it to an exit code. */
  static IExecutionExceptionHandler errorHandler() {
    return (ex, cmd, parseResult) -> {
      cmd.getErr().println("inetkit: " + Errors.describe(ex));
      boolean verbose =
          Verbosity.isVerbose()
              || cmd.getParseResult() != null && cmd.getParseResult().hasMatchedOption("--verbose");
      if (verbose) {
        ex.printStackTrace(cmd.getErr());
      }
      return ExitCode.of(ex).code();
    };
  }

  /**
   * Runs the command and exits with its exit code.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    if (isVersionOnly(args)) {
      // The answer needs no parser: picocli's model of even the root command took most of the
      // start-up of `inetkit --version`.
      for (String line : new VersionProvider().getVersion()) {
        System.out.println(line);
      }
      System.exit(ExitCode.OK.code());
    }
    Verbosity.configureLogging(args);
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    System.exit(newCommandLine(out, err, CliEnvironment.system(), args).execute(args));
  }
}
