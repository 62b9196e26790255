package io.inetkit.transfer.ftp.internal;

import io.inetkit.core.Endpoint;
import io.inetkit.core.ProtocolViolationException;
import io.inetkit.core.internal.Inputs;
import java.nio.file.Path;

/** Checks names that come from a server before they touch the local disk. */
final class SafeNames {
  private SafeNames() {}

  /**
   * Returns {@code name} if it is a plain file name: not empty, not {@code .} or {@code ..}, no
   * {@code /} or {@code \}, no NUL or other control character, no drive letter.
   *
   * @throws ProtocolViolationException otherwise
   */
  static String requirePlainName(String name, String listedIn, Endpoint endpoint)
      throws ProtocolViolationException {
    boolean bad =
        name.isEmpty()
            || name.equals(".")
            || name.equals("..")
            || name.indexOf('/') >= 0
            || name.indexOf('\\') >= 0
            || name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)
            || (name.length() >= 2 && name.charAt(1) == ':');
    if (bad) {
      throw new ProtocolViolationException(
          "refusing unsafe name " + Inputs.quote(name) + " listed in " + listedIn, endpoint, null);
    }
    return name;
  }

  /** Resolves {@code name} under {@code dir}, failing if the result would leave {@code dir}. */
  static Path resolveInside(Path dir, String name, String listedIn, Endpoint endpoint)
      throws ProtocolViolationException {
    Path base = dir.toAbsolutePath().normalize();
    Path target = base.resolve(requirePlainName(name, listedIn, endpoint)).normalize();
    if (!target.getParent().equals(base)) {
      throw new ProtocolViolationException(
          "refusing name " + Inputs.quote(name) + " that leaves " + base, endpoint, null);
    }
    return target;
  }

  /** Joins a remote folder and a name with {@code /}. */
  static String join(String dir, String name) {
    if (dir.isEmpty() || dir.equals(".")) {
      return name;
    }
    return dir.endsWith("/") ? dir + name : dir + "/" + name;
  }

  /** Returns the last element of a remote path. */
  static String baseName(String remote) {
    String r = remote.endsWith("/") ? remote.substring(0, remote.length() - 1) : remote;
    return r.substring(r.lastIndexOf('/') + 1);
  }

  /** Returns the folder part of a remote path ({@code ""} when none). */
  static String parent(String remote) {
    int slash = remote.lastIndexOf('/');
    return slash < 0 ? "" : slash == 0 ? "/" : remote.substring(0, slash);
  }

  /** The longest path an error message shows whole. */
  private static final int SHOWN = 120;

  /**
   * Returns {@code path} for an error message: whole when short, else its start and end around an
   * ellipsis, so that a message about a deep (or endless) tree stays one short line.
   */
  static String abbreviate(String path) {
    if (path.length() <= SHOWN) {
      return path;
    }
    return path.substring(0, SHOWN / 3)
        + "…("
        + (path.length() - SHOWN)
        + " more)…"
        + path.substring(path.length() - 2 * SHOWN / 3);
  }
}
