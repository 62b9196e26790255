package io.inetkit.cli;

import io.inetkit.core.InvalidInputException;
import io.inetkit.core.Proxies;
import io.inetkit.core.Proxy;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The proxy options every network command shares, read the way curl reads them: {@code --proxy URL}
 * ({@code socks5h://}, {@code socks5://}, {@code http://}; an empty URL turns proxies off), and
 * otherwise the environment's {@code <scheme>_proxy}, {@code all_proxy} and their upper-case forms;
 * {@code --noproxy LIST} replaces {@code no_proxy}/{@code NO_PROXY}.
 *
 * <pre>{@code
 * @Mixin ProxyOptions proxy;
 * client.builder().proxy(proxy.proxies());
 * }</pre>
 */
public final class ProxyOptions {

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(
      names = {"-x", "--proxy"},
      paramLabel = "URL",
      description =
          "Connect through this proxy, in curl's syntax: socks5h://host:port (the proxy"
              + " resolves names), socks5://host:port, http://host:port (CONNECT); user:password@"
              + " for proxy credentials; default port 1080. \"\" turns proxies off. Default: the"
              + " environment's <scheme>_proxy or ALL_PROXY.")
  String proxy;

  @Option(
      names = "--noproxy",
      paramLabel = "LIST",
      description =
          "Comma-separated hosts to reach directly, as curl reads it: example.com covers its"
              + " subdomains, IP addresses and CIDR ranges (10.0.0.0/8) match addresses, * matches"
              + " all. Replaces NO_PROXY. Loopback is proxied unless listed.")
  String noProxy;

  /**
   * Returns the proxies for this command: {@code --proxy}, else the environment's, with the
   * environment's or {@code --noproxy}'s exclusions.
   *
   * @return the proxies; {@link Proxies#NONE} when {@code --proxy} was given empty
   * @throws InvalidInputException for a malformed proxy URL (exit code 2; no credentials shown)
   */
  public Proxies proxies() {
    Map<String, String> env = ((Inetkit) mixee.root().userObject()).environment().variables();
    Proxies fromEnv = Proxies.fromEnvironment(env);
    Proxies chosen;
    if (proxy == null) {
      chosen = fromEnv;
    } else if (proxy.isBlank()) {
      chosen = Proxies.NONE;
    } else {
      Proxy given = Proxy.parse(proxy);
      if (given.credentials() != null) {
        mixee
            .commandLine()
            .getErr()
            .println(
                "inetkit: warning: a proxy password in --proxy is visible in shell history and"
                    + " process lists; put the proxy URL in ALL_PROXY (or <scheme>_proxy) instead");
      }
      chosen = Proxies.of(given).withNoProxy(fromEnv.noProxy());
    }
    return noProxy != null ? chosen.withNoProxy(noProxy) : chosen;
  }
}
