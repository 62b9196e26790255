package io.inetkit.cli.ftp;

import io.inetkit.transfer.ftp.MirrorMode;
import picocli.CommandLine.Option;

/** The options {@code ftp get} and {@code ftp put} share: resume, recursion, folder creation. */
final class CopyOptions {
  @Option(
      names = {"-C", "--continue"},
      description = "Continue an earlier, interrupted transfer (REST, or APPE for uploads).")
  boolean resume;

  @Option(
      names = {"-r", "--recursive"},
      description = "Copy a folder and everything below it.")
  boolean recursive;

  @Option(names = "--newer", description = "With -r: skip files that are already up to date.")
  boolean onlyNewer;

  @Option(names = "--create-dirs", description = "Create missing target folders.")
  boolean createDirs;

  @Option(
      names = "--max-depth",
      paramLabel = "N",
      description = "With -r: stop (exit 76) below N folders deep (default 64).")
  Integer maxDepth;

  @Option(
      names = "--max-entries",
      paramLabel = "N",
      description = "With -r: stop (exit 76) after N files and folders (default 1000000).")
  Long maxEntries;

  /** Applies {@code --max-depth} and {@code --max-entries} when given. */
  void limits(io.inetkit.transfer.ftp.FtpClient.Builder builder) {
    if (maxDepth != null) {
      builder.maxMirrorDepth(maxDepth);
    }
    if (maxEntries != null) {
      builder.maxMirrorEntries(maxEntries);
    }
  }

  /** {@return the mirror mode {@code --newer} asks for} */
  MirrorMode mirrorMode() {
    return onlyNewer ? MirrorMode.ONLY_NEWER : MirrorMode.ALL;
  }
}
