package io.inetkit.cli;

import io.inetkit.core.TlsMode;
import io.inetkit.core.Trust;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The TLS options every network command shares: {@code --tls}, {@code --cacert}, {@code
 * --insecure}. The default trusts the system CAs and checks host names; {@code --insecure}
 * prints a loud warning on standard error, even with {@code --quiet}.
 *
 * <pre>{@code
 * @Mixin TlsOptions tls;
 * FtpClient.builder().tlsMode(tls.mode(url.tlsMode())).trust(tls.trust());
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

    /** Returns the library's TLS mode. */
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
      description = "Trust the CA certificates in FILE (PEM or PKCS#12) instead of the system's.")
  Path caFile;

  @Option(
      names = {"-k", "--insecure"},
      description = "Accept ANY certificate for ANY host name. Only for servers you control.")
  boolean insecure;

  /** Returns the TLS mode chosen with {@code --tls}, else {@code schemeDefault}. */
  public TlsMode mode(TlsMode schemeDefault) {
    return choice == null ? schemeDefault : choice.mode();
  }

  /** Returns whether {@code --tls} was given. */
  public boolean explicit() {
    return choice != null;
  }

  /**
   * Returns the trust to use: system CAs, the {@code --cacert} file, or (with a warning on
   * standard error) none at all.
   *
   * @throws ParameterException when {@code --cacert} and {@code --insecure} are both given
   */
  public Trust trust() {
    if (insecure && caFile != null) {
      throw new ParameterException(mixee.commandLine(), "--cacert and --insecure exclude each other");
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
    return caFile == null ? Trust.system() : Trust.fromFile(caFile);
  }
}
