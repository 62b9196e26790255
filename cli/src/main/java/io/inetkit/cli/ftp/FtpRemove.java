package io.inetkit.cli.ftp;

import io.inetkit.core.FtpUrl;
import io.inetkit.transfer.ftp.FtpSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code inetkit ftp rm URL}: delete a file, or with -r a folder tree. */
@Command(
    name = "rm",
    mixinStandardHelpOptions = true,
    description = "Delete a file, or with -r a folder and everything in it.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  inetkit ftp rm ftp://alice@ftp.example/incoming/old.zip",
      "  inetkit ftp rm ftp://alice@ftp.example/tmp/ -r"
    })
final class FtpRemove extends FtpAction {

  @Parameters(index = "0", paramLabel = "URL", description = "The file or folder to delete.")
  String url;

  @Option(
      names = {"-r", "--recursive"},
      description = "Delete a folder and everything in it.")
  boolean recursive;

  @Override
  public Integer call() throws Exception {
    FtpUrl u = ftpUrl(url);
    if (u.path().isEmpty()) {
      throw usage("refusing to delete the login folder");
    }
    try (FtpSession ftp = client(u).build().open()) {
      if (recursive) {
        ftp.deleteRecursively(u.path());
      } else {
        ftp.delete(u.path());
      }
    }
    output.note("deleted %s", u.path());
    return 0;
  }
}
