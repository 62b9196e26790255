package io.inetkit.cli.ftp;

import io.inetkit.transfer.ftp.MirrorMode;
import io.inetkit.transfer.ftp.MirrorOptions;
import picocli.CommandLine.Option;

/**
 * The options {@code ftp get} and {@code ftp put} share: resume, recursion (with its parallelism
 * and limits), folder creation.
 */
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

  @Option(
      names = "--parallel",
      paramLabel = "N",
      description =
          "With -r: move files over N connections at once, 1 to 64 (default "
              + MirrorOptions.DEFAULT_PARALLELISM
              + "); the first connection also lists the folders.")
  Integer parallel;

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

  /**
   * Returns why these options do not go together, or null: {@code --parallel} without {@code -r}
   * (an option is never silently ignored).
   */
  String misuse() {
    if (parallel != null && !recursive) {
      return "--parallel needs -r: it is the number of connections of a mirror";
    }
    return null;
  }

  /** Returns the mirror options {@code --newer} and {@code --parallel} ask for. */
  MirrorOptions mirrorOptions() {
    MirrorOptions options =
        MirrorOptions.DEFAULT.withMode(onlyNewer ? MirrorMode.ONLY_NEWER : MirrorMode.ALL);
    return parallel == null ? options : options.withParallelism(parallel);
  }
}
