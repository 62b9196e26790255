package io.inetkit.cli;

import io.inetkit.core.Credentials;
import io.inetkit.core.InetkitUrl;
import io.inetkit.core.TransferProgress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** A test-only command that prints what the shared option groups resolved to. */
@Command(name = "probe")
class ProbeCommand implements Callable<Integer> {
  @Mixin OutputOptions output;
  @Mixin TlsOptions tls;
  @Mixin AuthOptions auth;
  @Mixin TimeoutOptions timeouts;
  @Mixin TransferOptions transfer;
  @Mixin MaxFileSizeOption maxSize;
  @Mixin RateLimitOption rate;

  @Parameters(index = "0")
  String url;

  @Override
  public Integer call() throws Exception {
    InetkitUrl parsed = InetkitUrl.parse(url);
    Optional<Credentials> login = auth.credentials(parsed);
    output.out().println("user=" + login.map(Credentials::user).orElse("-"));
    output.out().println("password=" + login.map(Credentials::secretAsString).orElse("-"));
    output.out().println("tls=" + tls.explicitMode().orElse(parsed.tlsMode()));
    output.out().println("trust=" + tls.trust());
    output.out().println("timeouts=" + timeouts.timeouts());
    output.out().println("max=" + maxSize.maxFileSize() + " rate=" + rate.limitRate());
    var bar = transfer.progress(output);
    bar.progress(new TransferProgress("f", 50, 100, Duration.ofSeconds(1)));
    TransferOptions.finish(bar);
    output.events().commandSent(parsed.endpoint(), "PASS hunter2");
    return 0;
  }
}
