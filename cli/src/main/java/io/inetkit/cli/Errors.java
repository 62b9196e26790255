package io.inetkit.cli;

import io.inetkit.core.InetkitException;
import io.inetkit.core.InvalidInputException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Turns a failure into the one line the user reads: what was attempted, against which server, and
 * what the server said (the library's exception messages carry all three).
 */
final class Errors {
  private Errors() {}

  /** {@return the one-line description of {@code failure}, without a stack trace} */
  static String describe(Throwable failure) {
    String message = failure.getMessage() == null ? "" : failure.getMessage();
    if (failure instanceof InetkitException) {
      return oneLine(message);
    }
    if (failure instanceof InvalidInputException) {
      return "invalid input: " + oneLine(message);
    }
    if (failure instanceof FileSystemException fse) {
      String what =
          failure instanceof NoSuchFileException
              ? "no such file or folder"
              : failure instanceof AccessDeniedException
                  ? "permission denied"
                  : failure instanceof FileAlreadyExistsException
                      ? "already exists"
                      : failure instanceof NotDirectoryException
                          ? "not a folder"
                          : failure instanceof DirectoryNotEmptyException
                              ? "folder not empty"
                              : fse.getReason() == null ? "file system error" : fse.getReason();
      return what
          + ": "
          + fse.getFile()
          + (fse.getOtherFile() == null ? "" : " -> " + fse.getOtherFile());
    }
    if (failure instanceof IllegalArgumentException) {
      return "invalid input: " + oneLine(message);
    }
    if (failure instanceof java.io.IOException) {
      return "I/O error: " + oneLine(message);
    }
    return "internal error: "
        + failure.getClass().getName()
        + (message.isEmpty() ? "" : ": " + oneLine(message))
        + " (run with -v for the stack trace)";
  }

  private static String oneLine(String text) {
    return text.replaceAll("\\s*[\\r\\n]+\\s*", " | ").strip();
  }
}
