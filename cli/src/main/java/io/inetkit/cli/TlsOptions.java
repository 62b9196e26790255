package io.inetkit.cli;

import io.inetkit.core.PlaintextLogin;
import io.inetkit.core.TlsMode;
import io.inetkit.core.Trust;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The TLS options every network command shares: {@code --tls}, {@code --cacert} (with {@code
 * --cacert-password-env}/{@code -file} for a PKCS#12 trust store), {@code --insecure}. The default
 * trusts the system CAs and checks host names; {@code --cacert} replaces them; {@code --insecure}
 * prints a loud warning on standard error, even with {@code --quiet}.
 *
 * <pre>{@code
 * @Mixin TlsOptions tls;
 * FtpClient.Builder b = FtpClient.builder().url(url).trust(tls.trust());
 * tls.explicitMode().ifPresent(b::tlsMode); // else the library derives it from URL and port
 * }</pre>
 */
public final class TlsOptions {

  /** The TLS modes a user chooses between on the command line. */
  public enum Choice {
    /** No TLS at all. */
    none(TlsMode.NONE),
    /** Plain connection upgraded with STARTTLS/STLS/AUTH TLS; fails when the server cannot. */
    starttls(TlsMode.STARTTLS_REQUIRED),
    /** TLS from the first byte. */
    implicit(TlsMode.IMPLICIT);

    private final TlsMode mode;

    Choice(TlsMode mode) {
      this.mode = mode;
    }

    /** {@return the library's TLS mode} */
    public TlsMode mode() {
      return mode;
    }
  }

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(
      names = "--tls",
      paramLabel = "MODE",
      description =
          "TLS mode: ${COMPLETION-CANDIDATES}. Default from the URL scheme: smtps, imaps, pop3s,"
              + " ftps, gophers are implicit; smtp, imap, pop3 require STARTTLS; ftp requires"
              + " AUTH TLS when logging in with a password (none sends it in clear) and is plain"
              + " for anonymous; gopher, telnet are plain.")
  Choice choice;

  @Option(
      names = "--cacert",
      paramLabel = "FILE",
      description =
          "Trust only the CA certificates in FILE (PEM, or PKCS#12 such as a Java truststore.p12):"
              + " they replace the system's CAs, they are not added to them.")
  Path caFile;

  @Option(
      names = "--cacert-password-env",
      paramLabel = "NAME",
      description = "The password of a PKCS#12 --cacert file is in environment variable NAME.")
  String caPasswordEnv;

  @Option(
      names = "--cacert-password-file",
      paramLabel = "FILE",
      description = "The password of a PKCS#12 --cacert file is the first line of FILE.")
  Path caPasswordFile;

  @Option(
      names = {"-k", "--insecure"},
      description = "Accept ANY certificate for ANY host name. Only for servers you control.")
  boolean insecure;

  /**
   * {@return {@link PlaintextLogin#ALLOWED} when the user said {@code --tls none} (the explicit
   * opt-in to a password in clear text), else {@link PlaintextLogin#REFUSED}} With {@code
   * loggingIn} and {@code --tls none}, warns on standard error (even with {@code --quiet}) that the
   * password travels in clear text.
   *
   * @param loggingIn whether the command will send a password
   */
  public PlaintextLogin plaintextLogin(boolean loggingIn) {
    if (choice != Choice.none) {
      return PlaintextLogin.REFUSED;
    }
    if (loggingIn) {
      mixee
          .commandLine()
          .getErr()
          .println(
              "inetkit: WARNING: --tls none: the password is sent in clear text; anyone on the"
                  + " network path can read it.");
    }
    return PlaintextLogin.ALLOWED;
  }

  /** {@return the TLS mode chosen with {@code --tls}; empty when not given} */
  public Optional<TlsMode> explicitMode() {
    return Optional.ofNullable(choice).map(Choice::mode);
  }

  /**
   * {@return the trust to use: system CAs, the {@code --cacert} file, or (with a warning on
   * standard error) none at all}
   *
   * @throws ParameterException when {@code --cacert} and {@code --insecure} are both given, or a
   *     {@code --cacert} password option is wrong
   * @throws IOException when {@code --cacert-password-file} cannot be read
   */
  public Trust trust() throws IOException {
    if (insecure && (caFile != null || caPasswordEnv != null || caPasswordFile != null)) {
      throw new ParameterException(
          mixee.commandLine(), "--cacert and --insecure exclude each other");
    }
    if (insecure) {
      mixee
          .commandLine()
          .getErr()
          .println(
              "inetkit: WARNING: --insecure: certificates and host names are NOT verified;"
                  + " anyone on the network path can read and change this connection.");
      return Trust.insecure();
    }
    char[] password = caPassword();
    if (caFile == null) {
      if (password != null) {
        throw new ParameterException(
            mixee.commandLine(), "a --cacert password was given but no --cacert FILE");
      }
      return Trust.system();
    }
    try {
      return Trust.fromFile(caFile, password);
    } finally {
      if (password != null) {
        java.util.Arrays.fill(password, '\0');
      }
    }
  }

  /** {@return the PKCS#12 password from {@code --cacert-password-env} or {@code -file}, or null} */
  private char[] caPassword() throws IOException {
    if (caPasswordEnv != null && caPasswordFile != null) {
      throw new ParameterException(
          mixee.commandLine(), "give only one of --cacert-password-env, --cacert-password-file");
    }
    if (caPasswordEnv != null) {
      String value = ((Inetkit) mixee.root().userObject()).environment().variable(caPasswordEnv);
      if (value == null) {
        throw new ParameterException(
            mixee.commandLine(),
            "--cacert-password-env: environment variable " + caPasswordEnv + " is not set");
      }
      return value.toCharArray();
    }
    if (caPasswordFile != null) {
      try (BufferedReader r = Files.newBufferedReader(caPasswordFile, StandardCharsets.UTF_8)) {
        String line = r.readLine();
        return line == null ? new char[0] : line.toCharArray();
      }
    }
    return null;
  }
}
