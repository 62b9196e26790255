package io.inetkit.cli;

import picocli.CommandLine.Option;

/**
 * {@code --max-filesize SIZE}, curl's download guard, for the commands that download ({@code ftp
 * get}, {@code gopher}); commands that cannot honour it do not list it.
 *
 * <pre>{@code
 * @Mixin MaxFileSizeOption maxSize;
 * if (maxSize.maxFileSize() > 0) builder.maxFileSize(maxSize.maxFileSize());
 * }</pre>
 */
public final class MaxFileSizeOption {
  @Option(
      names = "--max-filesize",
      paramLabel = "SIZE",
      converter = ByteSizes.class,
      description = "Refuse to download more than SIZE bytes (e.g. 10M, 1G).")
  Long maxFileSize;

  /** {@return the {@code --max-filesize} limit, or {@code -1} when none} */
  public long maxFileSize() {
    return maxFileSize == null ? -1 : maxFileSize;
  }
}
