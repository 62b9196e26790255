package io.inetkit.transfer.ftp;

import io.inetkit.core.internal.Inputs;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a directory listing (from MLSD, or LIST parsed by Commons Net's parsers).
 *
 * <pre>{@code
 * for (FtpEntry e : ftp.list("/pub")) {
 *   if (e.isFile()) System.out.println(e.name() + " " + e.size());
 * }
 * }</pre>
 *
 * @param name the entry's name as the server gave it (no folder part)
 * @param type file, directory, link or unknown
 * @param size the size in bytes, or {@code -1} when unknown
 * @param modified when the entry was last modified, or {@code null} when unknown
 * @param permissions the permissions as the server gave them (MLSD {@code perm} fact or the {@code
 *     rwxr-xr-x} column), or {@code ""} when unknown
 */
public record FtpEntry(String name, Type type, long size, Instant modified, String permissions) {

  /** What kind of entry it is. */
  public enum Type {
    /** A regular file. */
    FILE,
    /** A directory. */
    DIRECTORY,
    /** A symbolic link. */
    SYMBOLIC_LINK,
    /** Something else, or not reported. */
    UNKNOWN
  }

  /**
   * Validates the entry.
   *
   * @param name the entry's name as the server gave it (no folder part)
   * @param type file, directory, link or unknown
   * @param size the size in bytes, or {@code -1} when unknown
   * @param modified when the entry was last modified, or {@code null} when unknown
   * @param permissions the permissions as the server gave them (MLSD {@code perm} fact or the
   *     {@code rwxr-xr-x} column), or {@code ""} when unknown
   */
  public FtpEntry {
    Inputs.requireNoControl("name", name);
    Objects.requireNonNull(type, "type");
    if (size < -1) {
      throw new IllegalArgumentException("size < -1");
    }
    permissions = permissions == null ? "" : permissions;
  }

  /** {@return whether this is a regular file} */
  public boolean isFile() {
    return type == Type.FILE;
  }

  /** {@return whether this is a directory} */
  public boolean isDirectory() {
    return type == Type.DIRECTORY;
  }

  /** {@return the modification time when the server reported one} */
  public Optional<Instant> modifiedTime() {
    return Optional.ofNullable(modified);
  }
}
