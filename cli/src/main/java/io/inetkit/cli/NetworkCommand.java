package io.inetkit.cli;

import io.inetkit.core.InetkitUrl;
import io.inetkit.core.Scheme;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Base of every command that talks to a server: the shared output, TLS and timeout options, and URL
 * parsing that names the schemes the command accepts. Protocol commands add {@link AuthOptions}
 * when they log in.
 *
 * <pre>{@code
 * @Command(name = "ls")
 * final class FtpList extends NetworkCommand {
 *   public Integer call() throws Exception {
 *     InetkitUrl url = url(text, Scheme.FTP, Scheme.FTPS);
 *     ...
 *   }
 * }
 * }</pre>
 */
public abstract class NetworkCommand implements Callable<Integer> {
  /** The command's own model (its writers, its name for messages). */
  @Spec protected CommandSpec spec;

  /** {@code -v}, {@code -q}. */
  @Mixin protected OutputOptions output;

  /** {@code --tls}, {@code --cacert}, {@code --insecure}. */
  @Mixin protected TlsOptions tls;

  /** {@code --connect-timeout}, {@code --timeout}, {@code --max-time}. */
  @Mixin protected TimeoutOptions timeouts;

  /** {@code --proxy}, {@code --noproxy}; the environment's proxy variables by default. */
  @Mixin protected ProxyOptions proxy;

  /**
   * Parses {@code text} as a URL of one of {@code schemes}.
   *
   * @param text the URL as typed
   * @param schemes the schemes this command accepts
   * @return the parsed URL
   * @throws io.inetkit.core.InvalidInputException when it is not a valid URL (exit code 2)
   * @throws ParameterException when it has another scheme
   */
  protected InetkitUrl url(String text, Scheme... schemes) {
    InetkitUrl url = InetkitUrl.parse(text);
    if (!Arrays.asList(schemes).contains(url.scheme())) {
      throw usage(
          "expected a "
              + String.join("://, ", Arrays.stream(schemes).map(Scheme::id).toList())
              + ":// URL, got "
              + url);
    }
    return url;
  }

  /**
   * {@return a usage error (exit code 2) for this command}
   *
   * @param message what is wrong, for the user
   */
  protected ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
