package io.inetkit.core.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The one way inetkit writes a file that must never be seen half-written: into a temporary file
 * ({@code .<name>.<random>.part}) in the target's folder, renamed over the target only when the
 * content is complete, and deleted when writing fails. Used by mail downloads, Gopher downloads and
 * FTP downloads; Maildir delivery and journals can build on {@link #tempFileFor} and {@link
 * #moveIntoPlace}. Not part of the public API.
 *
 * <pre>{@code
 * long bytes = AtomicFiles.write(target, 64 * 1024, out -> copy(in, out));
 * }</pre>
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** Writes the content of a file and returns what the caller wants to know (a byte count). */
  @FunctionalInterface
  public interface Content<T> {
    /** Writes the content to {@code out}, which the caller closes. */
    T writeTo(OutputStream out) throws IOException;
  }

  /**
   * Writes {@code target} atomically through a buffer of {@code bufferSize} bytes, creating its
   * folder if needed. On any failure the temporary file is deleted and {@code target} is left as it
   * was.
   *
   * @return what {@code content} returned
   */
  public static <T> T write(Path target, int bufferSize, Content<T> content) throws IOException {
    Path temp = tempFileFor(target);
    boolean done = false;
    try {
      T result;
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp), bufferSize)) {
        result = content.writeTo(out);
      }
      moveIntoPlace(temp, target);
      done = true;
      return result;
    } finally {
      if (!done) {
        Files.deleteIfExists(temp);
      }
    }
  }

  /**
   * Creates an empty temporary file {@code .<name>.<random>.part} in {@code target}'s folder (made
   * if missing), so the final rename stays on one file system.
   */
  public static Path tempFileFor(Path target) throws IOException {
    Path abs = target.toAbsolutePath();
    Path dir = abs.getParent();
    Files.createDirectories(dir);
    return Files.createTempFile(dir, "." + abs.getFileName() + ".", ".part");
  }

  /**
   * Renames {@code temp} over {@code target}: atomically where the file system can, else with a
   * plain replacing move.
   */
  public static void moveIntoPlace(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
