package io.inetkit.core;

import java.nio.file.Path;

/**
 * A local file or folder could not be read or written: the file to upload does not exist, the
 * folder to save into is missing, the disk is full. Nothing about the server; the CLI exits 74.
 * Checks that can be made before connecting ({@link LocalPaths}) are made before connecting.
 *
 * <pre>{@code
 * try {
 *   ftp.put(Path.of("report.pdf"), "incoming/report.pdf");
 * } catch (LocalFileException e) {
 *   System.err.println(e.getMessage()); // cannot upload report.pdf: no such file
 * }
 * }</pre>
 */
public class LocalFileException extends InetkitException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;

  /**
   * @param message a sentence saying what could not be done with which file, and why
   * @param file the local file or folder concerned
   * @param cause the file system's exception, or {@code null}
   */
  public LocalFileException(String message, Path file, Throwable cause) {
    super(message, null, cause);
    this.file = file;
  }

  /** {@return the local file or folder concerned} */
  public Path file() {
    return file;
  }
}
