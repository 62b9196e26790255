package io.inetkit.cli;

import io.inetkit.core.Credentials;
import io.inetkit.core.InetkitUrl;
import io.inetkit.core.Netrc;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Who to log in as, and where the password comes from. There is deliberately no {@code --password}
 * option (it would land in shell history and process lists). The password is taken from the first
 * of: {@code --password-env NAME}, {@code --password-file F}, {@code --password-stdin}, a password
 * in the URL (with a warning), the {@code INETKIT_PASSWORD} variable, the {@code .netrc} entry for
 * the host ({@code --netrc-file}, else {@code $NETRC}, else {@code ~/.netrc}), and finally a masked
 * prompt when a person is at the terminal.
 *
 * <pre>{@code
 * @Mixin AuthOptions auth;
 * Optional<Credentials> login = auth.credentials(url);
 * }</pre>
 */
public final class AuthOptions {

  /** The environment variable read for a password when no other source is named. */
  public static final String PASSWORD_VARIABLE = "INETKIT_PASSWORD";

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(
      names = {"-u", "--user"},
      paramLabel = "USER",
      description = "Log in as USER (overrides a user in the URL). Never put the password here.")
  String user;

  @Option(
      names = "--netrc-file",
      paramLabel = "FILE",
      description = "Read logins from FILE instead of $NETRC or ~/.netrc.")
  Path netrcFile;

  @Option(
      names = "--password-env",
      paramLabel = "NAME",
      description = "Read the password from environment variable NAME.")
  String passwordEnv;

  @Option(
      names = "--password-file",
      paramLabel = "FILE",
      description = "Read the password from the first line of FILE.")
  Path passwordFile;

  @Option(
      names = "--password-stdin",
      description = "Read the password from the first line of standard input.")
  boolean passwordStdin;

  /** {@return whether {@code --password-stdin} was given (standard input then holds no data)} */
  public boolean readsStdin() {
    return passwordStdin;
  }

  /**
   * {@return the credentials for {@code url}, or empty when no user is known (anonymous)}
   *
   * @param url the URL given on the command line (its user, if any, wins)
   * @throws ParameterException when a user is known but no password source yields a password, or
   *     when several explicit password sources are given
   * @throws IOException when a password file or the {@code .netrc} cannot be read
   */
  public Optional<Credentials> credentials(InetkitUrl url) throws IOException {
    String login = user != null ? user : url.user().orElse(null);
    if (login != null && login.indexOf(':') >= 0 && user != null) {
      throw usage(
          "--user takes a user name only; give the password with .netrc, "
              + PASSWORD_VARIABLE
              + ", --password-env, --password-file or --password-stdin");
    }
    int explicit =
        (passwordEnv != null ? 1 : 0) + (passwordFile != null ? 1 : 0) + (passwordStdin ? 1 : 0);
    if (explicit > 1) {
      throw usage("give only one of --password-env, --password-file, --password-stdin");
    }
    CliEnvironment env = ((Inetkit) mixee.root().userObject()).environment();
    char[] password = explicitPassword(env);
    if (password == null && url.password().isPresent()) {
      mixee
          .commandLine()
          .getErr()
          .println(
              "inetkit: warning: a password in the URL is visible in shell history and process"
                  + " lists; prefer .netrc or "
                  + PASSWORD_VARIABLE);
      password = url.password().get();
    }
    if (password == null && env.variable(PASSWORD_VARIABLE) != null) {
      password = env.variable(PASSWORD_VARIABLE).toCharArray();
    }
    if (password == null) {
      Optional<Netrc.Entry> entry = netrc(env).find(url.host(), login);
      if (entry.isPresent() && entry.get().password() != null && entry.get().login() != null) {
        login = entry.get().login();
        password = entry.get().password().toCharArray();
      }
    }
    if (login == null) {
      if (explicit > 0) {
        throw usage("a password was given but no user: add --user or user@ to the URL");
      }
      return Optional.empty();
    }
    if (password == null) {
      password = env.prompt().readPassword("Password for " + login + "@" + url.host() + ": ");
    }
    if (password == null) {
      throw usage(
          "no password for "
              + login
              + "@"
              + url.host()
              + ": put it in ~/.netrc, or use "
              + PASSWORD_VARIABLE
              + ", --password-env, --password-file or --password-stdin");
    }
    try {
      return Optional.of(Credentials.password(login, password));
    } finally {
      java.util.Arrays.fill(password, '\0');
    }
  }

  private char[] explicitPassword(CliEnvironment env) throws IOException {
    if (passwordEnv != null) {
      String value = env.variable(passwordEnv);
      if (value == null) {
        throw usage("--password-env: environment variable " + passwordEnv + " is not set");
      }
      return value.toCharArray();
    }
    if (passwordFile != null) {
      try (BufferedReader r = Files.newBufferedReader(passwordFile, StandardCharsets.UTF_8)) {
        return firstLine(r, "--password-file " + passwordFile);
      }
    }
    if (passwordStdin) {
      BufferedReader r =
          new BufferedReader(new InputStreamReader(env.stdin(), StandardCharsets.UTF_8));
      return firstLine(r, "--password-stdin");
    }
    return null;
  }

  private char[] firstLine(BufferedReader r, String source) throws IOException {
    String line = r.readLine();
    if (line == null || line.isEmpty()) {
      throw usage(source + ": no password (empty input)");
    }
    return line.toCharArray();
  }

  private Netrc netrc(CliEnvironment env) throws IOException {
    Path file = netrcFile;
    if (file == null) {
      String fromEnv = env.variable("NETRC");
      file =
          fromEnv != null && !fromEnv.isBlank() ? Path.of(fromEnv) : env.home().resolve(".netrc");
    } else if (!Files.isReadable(file)) {
      throw usage("--netrc-file: cannot read " + file);
    }
    return Netrc.load(file);
  }

  private ParameterException usage(String message) {
    return new ParameterException(mixee.commandLine(), message);
  }
}
