package io.inetkit.transfer.ftp;

import java.util.Objects;

/**
 * How {@link FtpSession#mirrorDown(String, java.nio.file.Path, MirrorOptions) mirrorDown} and
 * {@link FtpSession#mirrorUp(java.nio.file.Path, String, MirrorOptions) mirrorUp} copy a tree.
 *
 * <pre>{@code
 * ftp.mirrorDown("/pub/docs", Path.of("docs"),
 *     MirrorOptions.DEFAULT.withMode(MirrorMode.ONLY_NEWER).withParallelism(8));
 * }</pre>
 *
 * @param mode which files are copied
 * @param parallelism how many connections move files at once, 1 to {@value #MAX_PARALLELISM}: the
 *     session's own connection lists the folders (and moves files too), and up to {@code
 *     parallelism - 1} more connections, opened as files are found and closed when the mirror ends,
 *     move files. Default {@value #DEFAULT_PARALLELISM}, chosen by measurement (docs/ftp.md); 1
 *     moves everything over the session's connection. An FTPS mirror whose trust is {@link
 *     io.inetkit.core.Trust#fromSslContext} keeps to one connection: each connection needs a TLS
 *     context of its own for its data connections to resume its session
 */
public record MirrorOptions(MirrorMode mode, int parallelism) {
  /** The default parallelism: 8 connections. */
  public static final int DEFAULT_PARALLELISM = 8;

  /** The most connections one mirror opens. */
  public static final int MAX_PARALLELISM = 64;

  /** Every file ({@link MirrorMode#ALL}) over {@value #DEFAULT_PARALLELISM} connections. */
  public static final MirrorOptions DEFAULT =
      new MirrorOptions(MirrorMode.ALL, DEFAULT_PARALLELISM);

  /**
   * Validates the options.
   *
   * @param mode which files are copied; not null
   * @param parallelism how many connections move files at once, 1 to {@value #MAX_PARALLELISM}
   * @throws NullPointerException when {@code mode} is null
   * @throws io.inetkit.core.InvalidInputException when {@code parallelism} is out of range
   */
  public MirrorOptions {
    Objects.requireNonNull(mode, "mode");
    io.inetkit.core.internal.Inputs.requireRange("parallelism", parallelism, 1, MAX_PARALLELISM);
  }

  /**
   * Returns a copy with {@link #mode} set.
   *
   * @param mode which files are copied; not null
   * @return a copy with {@code mode} replaced
   */
  public MirrorOptions withMode(MirrorMode mode) {
    return new MirrorOptions(mode, parallelism);
  }

  /**
   * Returns a copy with {@link #parallelism} set.
   *
   * @param parallelism how many connections move files at once, 1 to {@value #MAX_PARALLELISM}
   * @return a copy with {@code parallelism} replaced
   * @throws io.inetkit.core.InvalidInputException when {@code parallelism} is out of range
   */
  public MirrorOptions withParallelism(int parallelism) {
    return new MirrorOptions(mode, parallelism);
  }
}
