package io.inetkit.cli.ftp;

import io.inetkit.cli.CommandGroup;
import java.util.List;
import picocli.CommandLine.Command;

/**
 * {@code inetkit ftp}: list, download, upload, delete, create and rename files over FTP and FTPS,
 * through {@link io.inetkit.transfer.ftp.FtpClient}.
 *
 * <pre>{@code
 * inetkit ftp ls ftp://alice@ftp.example.org/pub/ --json
 * inetkit ftp get ftps://ftp.example.org/pub/big.iso -o big.iso --retry 3
 * }</pre>
 */
@Command(
    name = "ftp",
    mixinStandardHelpOptions = true,
    header = "Files over FTP and FTPS.",
    description = "ftp:// is plain unless --tls starttls (explicit FTPS); ftps:// is implicit TLS.",
    footerHeading = "%nURLs:%n",
    footer = {
      "  ftp://[user@]host[:port]/path   paths are relative to the login folder (RFC 1738);",
      "  ftp://host/%%2Fetc/motd is the absolute /etc/motd. No user means anonymous.",
      "%nExamples:",
      "  inetkit ftp ls ftp://alice@ftp.example/pub/ --json",
      "  inetkit ftp get ftps://ftp.example/pub/big.iso -o big.iso -C --retry 5",
      "  inetkit ftp put report.pdf ftp://alice@ftp.example/incoming/ --create-dirs",
      "  inetkit ftp mv ftp://alice@ftp.example/incoming/a.txt archive/a.txt",
      "  inetkit ftp get --help              examples and options of one action"
    })
public final class FtpCommand extends CommandGroup {
  /** A group of the actions below, in the order help lists them. */
  public FtpCommand() {
    super(
        List.of(
            FtpList.class,
            FtpGet.class,
            FtpPut.class,
            FtpRemove.class,
            FtpMkdir.class,
            FtpMove.class,
            FtpCapabilities.class));
  }
}
