package io.inetkit.cli.ftp;

import io.inetkit.cli.Capabilities;
import io.inetkit.cli.JsonOption;
import io.inetkit.core.FtpUrl;
import io.inetkit.transfer.ftp.FtpSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code inetkit ftp capabilities URL}: the server's FEAT reply. */
@Command(
    name = "capabilities",
    mixinStandardHelpOptions = true,
    description = "Print what the server offers (its FEAT reply), one feature per line.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  inetkit ftp capabilities ftp://ftp.example/",
      "  inetkit ftp capabilities ftps://alice@ftp.example/ --json"
    })
final class FtpCapabilities extends FtpAction {

  @Mixin JsonOption json;

  @Parameters(index = "0", paramLabel = "URL", description = "The server.")
  String url;

  @Override
  public Integer call() throws Exception {
    FtpUrl u = ftpUrl(url);
    try (FtpSession ftp = client(u).build().open()) {
      Capabilities.print(output, json, "ftp", ftp.endpoint(), ftp.features().features());
    }
    return 0;
  }
}
