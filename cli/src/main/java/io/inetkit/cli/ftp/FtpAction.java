package io.inetkit.cli.ftp;

import io.inetkit.cli.AuthOptions;
import io.inetkit.cli.MaxFileSizeOption;
import io.inetkit.cli.NetworkCommand;
import io.inetkit.cli.RateLimitOption;
import io.inetkit.cli.TransferOptions;
import io.inetkit.core.FtpUrl;
import io.inetkit.core.Scheme;
import io.inetkit.transfer.ftp.FtpClient;
import java.io.IOException;
import picocli.CommandLine.Mixin;

/** Base of the {@code inetkit ftp} subcommands: parses the URL and builds the client. */
abstract class FtpAction extends NetworkCommand {

  @Mixin AuthOptions auth;

  /** Parses an {@code ftp://} or {@code ftps://} URL. */
  FtpUrl ftpUrl(String text) {
    return FtpUrl.from(url(text, Scheme.FTP, Scheme.FTPS));
  }

  /**
   * Returns a client builder for {@code url} (server, ftps, {@code ;type=a}: the library reads the
   * URL) with every shared option applied. TLS is {@code --tls} when given, else the library's one
   * rule ({@link FtpClient#defaultTlsMode}): implicit for ftps:// and port 990, AUTH TLS required
   * with a password, plain for anonymous.
   */
  FtpClient.Builder client(FtpUrl url) throws IOException {
    FtpClient.Builder b =
        FtpClient.builder()
            .url(url)
            .trust(tls.trust())
            .timeouts(timeouts.timeouts())
            .proxy(proxy.proxies())
            .eventListener(output.events());
    auth.credentials(url.url()).ifPresent(b::credentials);
    tls.explicitMode().ifPresent(b::tlsMode);
    return b;
  }

  /**
   * Applies {@code --max-filesize} ({@code maxSize} may be null for uploads), {@code --limit-rate}
   * and {@code --retry} when given (FTP reconnects and resumes at once: no {@code --retry-delay}).
   */
  static void guards(
      FtpClient.Builder builder,
      TransferOptions transfer,
      MaxFileSizeOption maxSize,
      RateLimitOption rate) {
    if (maxSize != null && maxSize.maxFileSize() > 0) {
      builder.maxFileSize(maxSize.maxFileSize());
    }
    if (rate.limitRate() > 0) {
      builder.rateLimit(rate.limitRate());
    }
    transfer.retries().ifPresent(builder::retries);
  }

  /**
   * {@return {@code path}, or {@code "."} for the login folder (the client refuses an empty path)}
   */
  static String display(String path) {
    return path.isEmpty() ? "." : path;
  }
}
