package io.inetkit.cli.ftp;

import io.inetkit.cli.MaxFileSizeOption;
import io.inetkit.cli.RateLimitOption;
import io.inetkit.cli.TransferOptions;
import io.inetkit.core.FtpUrl;
import io.inetkit.core.LocalPaths;
import io.inetkit.core.ProgressListener;
import io.inetkit.transfer.ftp.FtpClient;
import io.inetkit.transfer.ftp.FtpSession;
import io.inetkit.transfer.ftp.FtpTransfer;
import io.inetkit.transfer.ftp.GetOptions;
import io.inetkit.transfer.ftp.MirrorOptions;
import io.inetkit.transfer.ftp.MirrorResult;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code inetkit ftp get URL}: download a file (or with -r a folder tree). */
@Command(
    name = "get",
    mixinStandardHelpOptions = true,
    header = "Download a file, or with -r a folder tree.",
    description = "The file is written under a temporary name and renamed only when complete.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  inetkit ftp get ftp://ftp.example/pub/README",
      "  inetkit ftp get ftps://alice@ftp.example/big.iso -o /tmp/big.iso -C --retry 5",
      "  inetkit ftp get ftp://ftp.example/pub/docs/ -r -o docs --newer",
      "  inetkit ftp get ftp://ftp.example/pub/docs/ -r -o docs --parallel 8",
      "  inetkit ftp get ftp://ftp.example/pub/README -o - | less"
    })
final class FtpGet extends FtpAction {

  @Mixin TransferOptions transfer;

  @Mixin MaxFileSizeOption maxSize;

  @Mixin RateLimitOption rate;

  @Parameters(index = "0", paramLabel = "URL", description = "The file (or with -r the folder).")
  String url;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description =
          "Where to write: a file, an existing folder, or - for standard output"
              + " (default: the remote name in the current folder).")
  String outputFile;

  @Mixin CopyOptions copy;

  @Override
  public Integer call() throws Exception {
    FtpUrl u = ftpUrl(url);
    if (copy.misuse() != null) {
      throw usage(copy.misuse());
    }
    MirrorOptions mirror = copy.mirrorOptions(); // validated before connecting
    ProgressListener progress = transfer.progress(output);
    FtpClient.Builder builder = client(u).progressListener(progress);
    guards(builder, transfer, maxSize, rate);
    copy.limits(builder);
    FtpClient client = builder.build();
    if (copy.recursive) {
      Path dir = Path.of(outputFile != null ? outputFile : u.segments().isEmpty() ? "." : last(u));
      try (FtpSession ftp = client.open()) {
        MirrorResult r = ftp.mirrorDown(display(u.path()), dir, mirror);
        output.note(
            "%d files (%d bytes) into %s, %d up to date",
            r.transferred().size(), r.bytes(), dir, r.skipped().size());
      } finally {
        TransferOptions.finish(progress);
      }
      return 0;
    }
    if (u.isDirectory()) {
      throw usage(u + " names a folder: use 'inetkit ftp ls' or get -r");
    }
    if (copy.resume && "-".equals(outputFile)) {
      throw usage("-C continues a file: it cannot be used with -o -");
    }
    GetOptions options = GetOptions.DEFAULT.withResume(copy.resume);
    Path target = null;
    if (!"-".equals(outputFile)) { // the local side is checked before connecting
      target = Path.of(outputFile != null ? outputFile : last(u));
      if (copy.createDirs && target.toAbsolutePath().getParent() != null) {
        Files.createDirectories(target.toAbsolutePath().getParent());
      }
      target = LocalPaths.downloadTarget(target, last(u), "download");
    }
    try (FtpSession ftp = client.open()) {
      if (target == null) {
        ftp.get(u.path(), output.environment().stdout());
        output.environment().stdout().flush();
        return 0;
      }
      FtpTransfer t = ftp.get(u.path(), target, options);
      output.note("saved %s (%d bytes%s)", target, t.bytes(), resumed(t));
    } finally {
      TransferOptions.finish(progress);
    }
    return 0;
  }

  static String last(FtpUrl u) {
    return u.segments().get(u.segments().size() - 1);
  }

  static String resumed(FtpTransfer t) {
    String s = t.resumedFrom() > 0 ? ", resumed at " + t.resumedFrom() : "";
    return t.reconnects() > 0 ? s + ", " + t.reconnects() + " reconnects" : s;
  }
}
