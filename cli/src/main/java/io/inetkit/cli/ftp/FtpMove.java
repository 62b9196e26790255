package io.inetkit.cli.ftp;

import io.inetkit.core.FtpUrl;
import io.inetkit.core.internal.Inputs;
import io.inetkit.transfer.ftp.FtpSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code inetkit ftp mv URL NEWPATH}: rename or move a file or folder on the server. */
@Command(
    name = "mv",
    mixinStandardHelpOptions = true,
    header = "Rename or move a file or folder on the server (RNFR/RNTO).",
    description =
        "NEWPATH is relative to the login folder, like URL paths; start it with / for an absolute path.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  inetkit ftp mv ftp://alice@ftp.example/incoming/a.txt archive/a.txt",
      "  inetkit ftp mv ftp://alice@ftp.example/incoming/a.txt archive/2026/a.txt --create-dirs",
      "A missing file exits 66, like ftp rm."
    })
final class FtpMove extends FtpAction {

  @Parameters(index = "0", paramLabel = "URL", description = "The file or folder to move.")
  String url;

  @Parameters(index = "1", paramLabel = "NEWPATH", description = "Its new path.")
  String newPath;

  @Option(names = "--create-dirs", description = "Create the missing folders of NEWPATH first.")
  boolean createDirs;

  @Override
  public Integer call() throws Exception {
    FtpUrl u = ftpUrl(url);
    Inputs.requireNonEmpty("NEWPATH", newPath);
    Inputs.requireNoControl("NEWPATH", newPath);
    if (u.path().isEmpty()) {
      throw usage("the URL names no file");
    }
    try (FtpSession ftp = client(u).build().open()) {
      int slash = newPath.lastIndexOf('/');
      if (createDirs && slash > 0) {
        ftp.mkdirs(newPath.substring(0, slash));
      }
      ftp.rename(u.path(), newPath);
    }
    output.note("renamed %s to %s", u.path(), newPath);
    return 0;
  }
}
