package io.inetkit.transfer.gopher.internal;

import io.inetkit.core.InetkitException;
import io.inetkit.core.LocalPaths;
import io.inetkit.core.internal.AtomicFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * Writes a download with core's {@link AtomicFiles} (a temporary file next to the target, renamed
 * into place only when the download completed, deleted on failure) and reports a local failure as a
 * {@link io.inetkit.core.LocalFileException}.
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
    try {
      return AtomicFiles.write(target, 256 * 1024, writer::write);
    } catch (IOException e) {
      if (!(e instanceof InetkitException)) {
        throw LocalPaths.failure("cannot save to " + target, target, e);
      }
      throw e;
    }
  }
}
