package io.inetkit.transfer.ftp;

/**
 * Which files a mirror copies.
 *
 * <pre>{@code
 * ftp.mirrorDown("/pub/docs", Path.of("docs"), MirrorMode.ONLY_NEWER);
 * }</pre>
 */
public enum MirrorMode {
  /** Copy every file. */
  ALL,
  /** Copy files missing at the target or with another size or an older modification time. */
  ONLY_NEWER
}
