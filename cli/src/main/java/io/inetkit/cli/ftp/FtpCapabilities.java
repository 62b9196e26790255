package io.inetkit.cli.ftp;

import io.inetkit.cli.Capabilities;
import io.inetkit.cli.JsonOption;
import io.inetkit.core.FtpUrl;
import io.inetkit.transfer.ftp.FtpClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code inetkit ftp capabilities URL}: the server's FEAT reply. */
@Command(
    name = "capabilities",
    mixinStandardHelpOptions = true,
    description =
        "Print what the server offers (its FEAT reply), one feature per line. No login: FEAT is asked before USER.",
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
    // FEAT needs no login: no credentials are sent (servers may refuse anonymous logins).
    FtpClient client = client(u).build();
    Capabilities.print(output, json, "ftp", client.endpoint(), client.features().features());
    return 0;
  }
}
