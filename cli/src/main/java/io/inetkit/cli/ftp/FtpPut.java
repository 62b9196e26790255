package io.inetkit.cli.ftp;

import io.inetkit.cli.RateLimitOption;
import io.inetkit.cli.TransferOptions;
import io.inetkit.core.FtpUrl;
import io.inetkit.core.LocalFileException;
import io.inetkit.core.LocalPaths;
import io.inetkit.core.ProgressListener;
import io.inetkit.transfer.ftp.FtpClient;
import io.inetkit.transfer.ftp.FtpSession;
import io.inetkit.transfer.ftp.FtpTransfer;
import io.inetkit.transfer.ftp.MirrorOptions;
import io.inetkit.transfer.ftp.MirrorResult;
import io.inetkit.transfer.ftp.PutOptions;
import io.inetkit.transfer.ftp.StreamPutOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code inetkit ftp put FILE URL}: upload a file (or with -r a folder tree). */
@Command(
    name = "put",
    mixinStandardHelpOptions = true,
    description = "Upload a file (- for standard input), or with -r a folder tree.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  inetkit ftp put report.pdf ftp://alice@ftp.example/incoming/",
      "  inetkit ftp put big.iso ftps://alice@ftp.example/iso/big.iso --create-dirs -C",
      "  inetkit ftp put site/ ftp://alice@ftp.example/www/ -r --newer",
      "  tar c dir | inetkit ftp put - ftp://alice@ftp.example/backup/dir.tar",
      "A URL ending in / is a folder: the file keeps its name."
    })
final class FtpPut extends FtpAction {

  @Mixin TransferOptions transfer;

  @Mixin RateLimitOption rate;

  @Parameters(index = "0", paramLabel = "FILE", description = "The local file or folder, or -.")
  String file;

  @Parameters(index = "1", paramLabel = "URL", description = "The remote file or folder.")
  String url;

  @Mixin CopyOptions copy;

  @Option(
      names = "--atomic",
      description = "Upload under a temporary name and rename when complete.")
  boolean atomic;

  @Override
  public Integer call() throws Exception {
    FtpUrl u = ftpUrl(url);
    if (copy.misuse() != null) {
      throw usage(copy.misuse());
    }
    MirrorOptions mirror = copy.mirrorOptions(); // validated before connecting
    boolean stdin = file.equals("-");
    if (stdin && auth.readsStdin()) {
      throw usage("standard input cannot hold both the password and the file");
    }
    if (stdin && copy.resume) {
      throw usage("-C cannot continue an upload from standard input");
    }
    Path local = stdin ? null : Path.of(file);
    if (!stdin && !Files.exists(local)) { // the local side is checked before connecting
      throw new LocalFileException(
          "cannot upload " + file + ": no such file or folder", local, null);
    }
    if (!stdin && copy.recursive != Files.isDirectory(local)) {
      throw usage(copy.recursive ? file + " is not a folder" : file + " is a folder: add -r");
    }
    if (!stdin && !copy.recursive) {
      LocalPaths.uploadSource(local);
    }
    ProgressListener progress = transfer.progress(output);
    FtpClient.Builder builder = client(u).progressListener(progress);
    guards(builder, transfer, null, rate);
    try (FtpSession ftp = builder.build().open()) {
      if (copy.recursive) {
        MirrorResult r = ftp.mirrorUp(local, display(u.path()), mirror);
        output.note(
            "%d files (%d bytes) to %s, %d up to date",
            r.transferred().size(), r.bytes(), display(u.path()), r.skipped().size());
        return 0;
      }
      String remote = remotePath(u, stdin ? null : local);
      int slash = remote.lastIndexOf('/');
      if (copy.createDirs && slash > 0) {
        ftp.mkdirs(remote.substring(0, slash));
      }
      FtpTransfer t =
          stdin
              ? ftp.put(output.environment().stdin(), remote, streamOptions())
              : ftp.put(
                  local, remote, PutOptions.DEFAULT.withResume(copy.resume).withAtomic(atomic));
      output.note("uploaded %s (%d bytes%s)", remote, t.bytes(), FtpGet.resumed(t));
    } finally {
      TransferOptions.finish(progress);
    }
    return 0;
  }

  private StreamPutOptions streamOptions() {
    return StreamPutOptions.DEFAULT.withAtomic(atomic);
  }

  private String remotePath(FtpUrl u, Path local) {
    if (!u.isDirectory()) {
      return u.path();
    }
    if (local == null || local.getFileName() == null) {
      throw usage("the URL names a folder: give the remote file name for standard input");
    }
    String name = local.getFileName().toString();
    return u.path().isEmpty() ? name : u.path() + "/" + name;
  }
}
