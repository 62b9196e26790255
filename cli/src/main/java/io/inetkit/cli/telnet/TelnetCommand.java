package io.inetkit.cli.telnet;

import io.inetkit.cli.AuthOptions;
import io.inetkit.cli.CliEnvironment;
import io.inetkit.cli.OutputOptions;
import io.inetkit.cli.ProxyOptions;
import io.inetkit.cli.TimeoutOptions;
import io.inetkit.core.Credentials;
import io.inetkit.core.Endpoint;
import io.inetkit.core.InetkitUrl;
import io.inetkit.core.Scheme;
import io.inetkit.core.Timeouts;
import io.inetkit.terminal.ExpectMatch;
import io.inetkit.terminal.TelnetClient;
import io.inetkit.terminal.TelnetSession;
import io.inetkit.terminal.TelnetTerminalBridge;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code inetkit telnet HOST [PORT]} or {@code inetkit telnet telnet://host:port}: a scripted
 * Telnet session through {@link TelnetClient}. Steps come from {@code --send}, {@code --expect} and
 * {@code --run} in the order given, or from a {@code --script} file.
 *
 * <pre>{@code
 * inetkit telnet router.example.org --user admin --run 'show version'
 * inetkit telnet telnet://127.0.0.1:2323 --expect 'login: ' --send alice --expect 'Password: '
 * }</pre>
 */
@Command(
    name = "telnet",
    mixinStandardHelpOptions = true,
    header = "Open a Telnet session: interactive, or scripted (send, expect, run, login).",
    description =
        "Without steps the session is interactive: on a terminal in raw mode like the classic telnet command (Ctrl-] opens the telnet> prompt: quit, status, send escape), otherwise standard input goes to the server and its output to standard output (after the input ends, the session waits up to --timeout for the server to close); the server is told the terminal type in $TERM. --send, --expect and --run run in the order given (or the steps of --script FILE); scripted sessions announce the terminal type 'dumb', so shells send plain text, and --run prints exactly the command's output (control sequences and the prompt's line removed). With --user the session first logs in at the login: and Password: prompts (unless the script has a login step). What the server says is printed on standard output.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  inetkit telnet 127.0.0.1 2323 --user alice --run whoami --run 'echo hi'",
      "  inetkit telnet telnet://127.0.0.1:2323 --expect 'login: ' --send guest --expect '\\$ '",
      "  inetkit telnet host --user alice --script steps.txt",
      "Script file lines: 'send TEXT', 'expect REGEX', 'run COMMAND', 'login'; # comments.",
      "  inetkit telnet 127.0.0.1 2323                    interactive; Ctrl-] then 'quit' to leave",
      "  printf 'whoami\\nexit\\n' | inetkit telnet 127.0.0.1 2323 --user alice   piped, no terminal"
    })
public final class TelnetCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin OutputOptions output;

  @Mixin TimeoutOptions timeouts;

  @Mixin ProxyOptions proxy;

  @Mixin AuthOptions auth;

  @Parameters(
      index = "0",
      paramLabel = "HOST|URL",
      description = "A host name, or telnet://host:port.")
  String target;

  @Parameters(
      index = "1",
      paramLabel = "PORT",
      arity = "0..1",
      description = "The port (default 23).")
  Integer port;

  @Option(names = "--script", paramLabel = "FILE", description = "Run the steps in FILE.")
  Path script;

  @Option(
      names = "--prompt",
      paramLabel = "REGEX",
      description = "The shell prompt that ends --run output (default: $, #, > or %% and a space).")
  Pattern prompt;

  private final List<ScriptStep> steps = new ArrayList<>();

  @Option(names = "--send", paramLabel = "TEXT", description = "Send TEXT as a line.")
  void send(String text) {
    steps.add(new ScriptStep(ScriptStep.Kind.SEND, text));
  }

  @Option(
      names = "--expect",
      paramLabel = "REGEX",
      description = "Wait for REGEX (print what came).")
  void expect(String regex) {
    steps.add(new ScriptStep(ScriptStep.Kind.EXPECT, regex));
  }

  @Option(names = "--run", paramLabel = "COMMAND", description = "Run COMMAND, print its output.")
  void run(String command) {
    steps.add(new ScriptStep(ScriptStep.Kind.RUN, command));
  }

  @Override
  public Integer call() throws Exception {
    InetkitUrl url = url();
    if (script != null && !steps.isEmpty()) {
      throw usage("give either --script or --send/--expect/--run, not both");
    }
    List<ScriptStep> plan = script != null ? readScript(script) : List.copyOf(steps);
    Optional<Credentials> login = auth.credentials(url);
    List<Pattern> patterns = compile(plan);
    Timeouts t = timeouts.timeouts();
    TelnetClient.Builder builder =
        TelnetClient.builder()
            .url(url)
            .timeouts(t)
            .expectTimeout(t.read())
            .proxy(proxy.proxies())
            .eventListener(output.events());
    if (prompt != null) {
      builder.prompt(prompt);
    }
    if (plan.isEmpty()) {
      // Interactive: the user's own terminal, so full-screen programs work. Scripted sessions
      // keep the library's "dumb", so shells send plain output without control sequences.
      builder.terminalType(interactiveTerminalType(output.environment().variable("TERM")));
    }
    PrintWriter out = output.out();
    try (TelnetSession session = builder.build().open()) {
      boolean scriptLogsIn = plan.stream().anyMatch(s -> s.kind() == ScriptStep.Kind.LOGIN);
      if (login.isPresent() && !scriptLogsIn) {
        session.login(login.get());
      }
      if (plan.isEmpty()) {
        return interactive(session);
      }
      for (int i = 0; i < plan.size(); i++) {
        ScriptStep step = plan.get(i);
        switch (step.kind()) {
          case SEND -> session.sendLine(step.argument());
          case EXPECT -> {
            ExpectMatch m = session.expect(patterns.get(i), t.read());
            out.print(m.before() + m.matched());
          }
          case RUN -> out.print(session.run(step.argument(), t.read()));
          case LOGIN ->
              session.login(login.orElseThrow(() -> usage("the script logs in: give --user")));
        }
        out.flush();
      }
    }
    out.flush();
    return 0;
  }

  /**
   * Connects the session to the user: the real terminal in raw mode (Ctrl-] for the {@code telnet>}
   * prompt) when there is one, else standard input and output as plain streams.
   */
  private int interactive(TelnetSession session) throws IOException {
    CliEnvironment env = output.environment();
    TelnetTerminalBridge.Exit exit;
    if (env.terminal()) {
      output.note("Connected to %s. Escape character is '^]'.", session.endpoint());
      exit = TelnetTerminalBridge.runOnSystemTerminal(session);
    } else {
      // After piped input ends, wait for the server to answer and close (at most --timeout).
      InputStream keys = new LingeringInputStream(env.stdin(), timeouts.timeouts().read());
      // standard output carries only what the server sent; the bridge's words are notes
      exit = TelnetTerminalBridge.forStreams(session, keys, env.stdout(), notes()).run();
      env.stdout().flush();
    }
    output.note(
        "Connection to %s closed (%s).",
        session.endpoint(), exit.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
    return 0;
  }

  /** {@return a stream to standard error for the bridge's own words, or nowhere with -q} */
  private OutputStream notes() {
    if (output.quiet()) {
      return OutputStream.nullOutputStream();
    }
    PrintWriter err = output.err();
    return new OutputStream() {
      @Override
      public void write(int b) {
        err.write(b & 0xff);
      }

      @Override
      public void write(byte[] b, int off, int len) {
        err.write(new String(b, off, len, StandardCharsets.UTF_8));
      }

      @Override
      public void flush() {
        err.flush();
      }
    };
  }

  /** {@return {@code $TERM} when it is a usable terminal type, else {@code VT100}} */
  static String interactiveTerminalType(String term) {
    boolean usable =
        term != null
            && term.matches("[A-Za-z0-9][A-Za-z0-9._+-]{0,39}")
            && !term.equals(TelnetClient.SCRIPTED_TERMINAL_TYPE);
    return usable ? term : "VT100";
  }

  private InetkitUrl url() {
    if (target.contains("://")) {
      InetkitUrl url = InetkitUrl.parse(target);
      if (url.scheme() != Scheme.TELNET) {
        throw usage("expected a telnet:// URL, got " + url);
      }
      if (port != null) {
        throw usage("give the port in the URL or as PORT, not both");
      }
      return url;
    }
    Endpoint endpoint = Endpoint.of(target, port == null ? Scheme.TELNET.defaultPort() : port);
    return InetkitUrl.parse("telnet://" + endpoint);
  }

  private List<Pattern> compile(List<ScriptStep> plan) {
    List<Pattern> patterns = new ArrayList<>();
    for (ScriptStep step : plan) {
      try {
        patterns.add(
            step.kind() == ScriptStep.Kind.EXPECT ? Pattern.compile(step.argument()) : null);
      } catch (PatternSyntaxException e) {
        throw usage(
            "--expect: not a regular expression: " + e.getDescription() + " in " + step.argument());
      }
    }
    return patterns;
  }

  private static List<ScriptStep> readScript(Path file) throws IOException {
    List<ScriptStep> plan = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int number = 0;
      while ((line = r.readLine()) != null) {
        ScriptStep step = ScriptStep.parse(line, ++number);
        if (step != null) {
          plan.add(step);
        }
      }
    }
    return plan;
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
