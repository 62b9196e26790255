package io.inetkit.cli.ftp;

import io.inetkit.cli.AuthOptions;
import io.inetkit.cli.MaxFileSizeOption;
import io.inetkit.cli.NetworkCommand;
import io.inetkit.cli.RateLimitOption;
import io.inetkit.cli.TransferOptions;
import io.inetkit.core.FtpUrl;
import io.inetkit.core.InetkitUrl;
import io.inetkit.core.Scheme;
import io.inetkit.transfer.ftp.FtpClient;
import io.inetkit.transfer.ftp.TransferType;
import java.io.IOException;
import picocli.CommandLine.Mixin;

/** Base of the {@code inetkit ftp} subcommands: parses the URL and builds the client. */
abstract class FtpAction extends NetworkCommand {

  @Mixin AuthOptions auth;

  /** Parses an {@code ftp://} or {@code ftps://} URL. */
  FtpUrl ftpUrl(String text) {
    return FtpUrl.from(url(text, Scheme.FTP, Scheme.FTPS));
  }

  /** Returns a client builder for {@code url} with every shared option applied. */
  FtpClient.Builder client(FtpUrl url) throws IOException {
    InetkitUrl u = url.url();
    FtpClient.Builder b =
        FtpClient.builder()
            .endpoint(u.endpoint())
            .trust(tls.trust())
            .timeouts(timeouts.timeouts())
            .proxy(proxy.proxies())
            .eventListener(output.events());
    auth.credentials(u).ifPresentOrElse(b::credentials, b::anonymous);
    // --tls, or ftps:// (implicit); else the library's rule: TLS required with a password,
    // plain for anonymous, implicit on port 990 (FtpClient.defaultTlsMode).
    if (tls.explicit() || u.scheme() == Scheme.FTPS) {
      b.tlsMode(tls.mode(u.tlsMode()));
    }
    url.typeCode()
        .filter(t -> t == FtpUrl.TypeCode.ASCII)
        .ifPresent(t -> b.transferType(TransferType.ASCII));
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
   * Returns {@code path}, or {@code "."} for the login folder (the client refuses an empty path).
   */
  static String display(String path) {
    return path.isEmpty() ? "." : path;
  }
}
