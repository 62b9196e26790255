package io.inetkit.cli.ftp;

import io.inetkit.cli.AuthOptions;
import io.inetkit.cli.NetworkCommand;
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
            .tlsMode(tls.mode(u.tlsMode()))
            .trust(tls.trust())
            .timeouts(timeouts.timeouts())
            .eventListener(output.events());
    auth.credentials(u).ifPresentOrElse(b::credentials, b::anonymous);
    url.typeCode()
        .filter(t -> t == FtpUrl.TypeCode.ASCII)
        .ifPresent(t -> b.transferType(TransferType.ASCII));
    return b;
  }

  /**
   * Applies {@code --max-filesize}, {@code --limit-rate} and {@code --retry} when given; refuses
   * {@code --retry-delay}, since the client reconnects at once.
   */
  static void guards(FtpClient.Builder builder, TransferOptions transfer) {
    transfer.refuseRetryDelay("FTP (it reconnects and resumes at once)");
    if (transfer.maxFileSize() > 0) {
      builder.maxFileSize(transfer.maxFileSize());
    }
    if (transfer.limitRate() > 0) {
      builder.rateLimit(transfer.limitRate());
    }
    transfer.retries().ifPresent(builder::retries);
  }

  /** Returns {@code path}, or {@code "."} for the login folder (the client refuses an empty path). */
  static String display(String path) {
    return path.isEmpty() ? "." : path;
  }
}
