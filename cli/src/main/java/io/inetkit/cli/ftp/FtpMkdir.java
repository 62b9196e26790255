package io.inetkit.cli.ftp;

import io.inetkit.core.FtpUrl;
import io.inetkit.transfer.ftp.FtpSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code inetkit ftp mkdir URL}: create a folder and any missing parents. */
@Command(
    name = "mkdir",
    mixinStandardHelpOptions = true,
    description = "Create a folder and any missing parents (like mkdir -p).",
    footerHeading = "%nExamples:%n",
    footer = {"  inetkit ftp mkdir ftp://alice@ftp.example.org/incoming/2026/11/"})
final class FtpMkdir extends FtpAction {

  @Parameters(index = "0", paramLabel = "URL", description = "The folder to create.")
  String url;

  @Override
  public Integer call() throws Exception {
    FtpUrl u = ftpUrl(url);
    if (u.path().isEmpty()) {
      throw usage("the URL names no folder");
    }
    try (FtpSession ftp = client(u).build().open()) {
      ftp.mkdirs(u.path());
    }
    output.note("created %s", u.path());
    return 0;
  }
}
