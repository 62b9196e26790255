package io.inetkit.mail.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Marks an I/O failure reading local content (an attachment or a prepared message file), so the
 * sending code can tell it from a network failure while both happen inside one {@code writeTo}.
 */
public final class LocalSourceException extends IOException {
  private static final long serialVersionUID = 1L;

  private final String source;

  LocalSourceException(String source, IOException cause) {
    super("cannot read " + source + ": " + cause.getMessage(), cause);
    this.source = source;
  }

  /** Returns what could not be read, e.g. the attachment's file name. */
  public String source() {
    return source;
  }

  /** Returns {@code in} with every read failure reported as a {@link LocalSourceException}. */
  static InputStream guard(String source, InputStream in) {
    return new FilterInputStream(in) {
      @Override
      public int read() throws IOException {
        try {
          return super.read();
        } catch (IOException e) {
          throw new LocalSourceException(source, e);
        }
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        try {
          return super.read(b, off, len);
        } catch (IOException e) {
          throw new LocalSourceException(source, e);
        }
      }
    };
  }

  /** Opens {@code source} through {@link #guard}, reporting an open failure the same way. */
  static InputStream open(String name, io.inetkit.mail.StreamSource source) throws IOException {
    try {
      return guard(name, source.open());
    } catch (LocalSourceException e) {
      throw e;
    } catch (IOException e) {
      throw new LocalSourceException(name, e);
    }
  }
}
