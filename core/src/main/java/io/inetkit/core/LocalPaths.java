package io.inetkit.core;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The local side of a transfer, checked before connecting, the same way by every protocol: a file
 * to upload must exist and be readable; a download target may be a file (its folder must exist) or
 * an existing folder, which receives the file under the remote name. Failures are {@link
 * LocalFileException}s that say what is wrong in a sentence.
 *
 * <pre>{@code
 * Path source = LocalPaths.uploadSource(Path.of("report.pdf"));
 * Path target = LocalPaths.downloadTarget(Path.of("downloads"), "big.iso"); // downloads/big.iso
 * }</pre>
 */
public final class LocalPaths {
  private LocalPaths() {}

  /**
   * {@return {@code source} when it is a readable regular file}
   *
   * @param source the local file to upload
   * @throws LocalFileException when it does not exist, is a folder or cannot be read
   */
  public static Path uploadSource(Path source) throws LocalFileException {
    if (!Files.exists(source)) {
      throw new LocalFileException("cannot upload " + source + ": no such file", source, null);
    }
    if (Files.isDirectory(source)) {
      throw new LocalFileException("cannot upload " + source + ": it is a folder", source, null);
    }
    if (!Files.isReadable(source)) {
      throw new LocalFileException("cannot upload " + source + ": permission denied", source, null);
    }
    return source;
  }

  /**
   * {@return where a download should be written: {@code target} itself, or {@code target/name} when
   * {@code target} is an existing folder ({@code name} reduced to a plain file name, {@code
   * fallback} when nothing usable is left)}
   *
   * @param target the path the user gave: a file to write or an existing folder
   * @param name the remote name, used inside a folder
   * @param fallback the file name when {@code name} leaves nothing usable
   * @throws LocalFileException when the folder to write into does not exist or is not a folder
   */
  public static Path downloadTarget(Path target, String name, String fallback)
      throws LocalFileException {
    Path resolved = intoFolder(target, name, fallback);
    Path folder = resolved.toAbsolutePath().getParent();
    if (folder != null && !Files.isDirectory(folder)) {
      throw new LocalFileException(
          "cannot save to "
              + resolved
              + ": "
              + (Files.exists(folder)
                  ? folder + " is not a folder"
                  : "the folder " + folder + " does not exist"),
          resolved,
          null);
    }
    if (Files.isDirectory(resolved)) {
      throw new LocalFileException(
          "cannot save to " + resolved + ": it is a folder", resolved, null);
    }
    return resolved;
  }

  /**
   * {@return {@code target/name} when {@code target} is an existing folder ({@code name} reduced to
   * a plain file name, {@code fallback} when nothing usable is left), else {@code target}: {@link
   * #downloadTarget} without its checks, for writers that create missing folders}
   *
   * @param target the path the user gave: a file to write or an existing folder
   * @param name the remote name, used inside a folder
   * @param fallback the file name when {@code name} leaves nothing usable
   */
  public static Path intoFolder(Path target, String name, String fallback) {
    return Files.isDirectory(target) ? target.resolve(plainName(name, fallback)) : target;
  }

  /**
   * Returns a failure to read or write a local file as a {@link LocalFileException} whose message
   * is one sentence.
   *
   * @param doing what was attempted, e.g. {@code "cannot save to x.iso"}
   * @param file the local file
   * @param e the I/O failure; returned as it is when it is a {@link LocalFileException} already
   * @return the exception to throw
   */
  public static LocalFileException failure(String doing, Path file, IOException e) {
    if (e instanceof LocalFileException lfe) {
      return lfe;
    }
    String why =
        e instanceof NoSuchFileException
            ? "no such file or folder"
            : e instanceof AccessDeniedException
                ? "permission denied"
                : e instanceof FileSystemException fse && fse.getReason() != null
                    ? fse.getReason()
                    : String.valueOf(e.getMessage());
    return new LocalFileException(doing + ": " + why, file, e);
  }

  /**
   * {@return the last segment of {@code name} if it is a plain file name, else {@code fallback}}
   */
  static String plainName(String name, String fallback) {
    String n = name == null ? "" : name.replace('\\', '/');
    while (n.endsWith("/")) {
      n = n.substring(0, n.length() - 1);
    }
    n = n.substring(n.lastIndexOf('/') + 1);
    boolean usable =
        !n.isEmpty()
            && !n.equals(".")
            && !n.equals("..")
            && n.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
    return usable ? n : fallback;
  }
}
