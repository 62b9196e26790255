package io.inetkit.transfer.gopher.internal;

import io.inetkit.core.InetkitException;
import io.inetkit.core.LocalPaths;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a download to a temporary file next to the target and renames it into place only when the
 * download completed, so the target never holds half a file; the temporary file is deleted on
 * failure.
 */
public final class AtomicFile {
  private AtomicFile() {}

  /** Writes into a stream. */
  @FunctionalInterface
  public interface Writer<T> {
    /** Writes the content. */
    T write(OutputStream out) throws IOException;
  }

  /** Runs {@code writer} on a temporary file and moves it to {@code target} if it returns. */
  public static <T> T write(Path target, Writer<T> writer) throws IOException {
    Path abs = target.toAbsolutePath();
    Path dir = abs.getParent();
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".part");
    try {
      T result;
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp), 256 * 1024)) {
        result = writer.write(out);
      }
      try {
        Files.move(temp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, abs, StandardCopyOption.REPLACE_EXISTING);
      }
      return result;
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temp);
      if (e instanceof IOException io && !(e instanceof InetkitException)) {
        throw LocalPaths.failure("cannot save to " + target, target, io);
      }
      throw e;
    }
  }
}
