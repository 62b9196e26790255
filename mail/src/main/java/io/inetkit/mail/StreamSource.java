package io.inetkit.mail;

import java.io.IOException;
import java.io.InputStream;

/**
 * Opens a fresh stream over some content each time it is asked, for attachments that do not live in
 * a file. The content may be read more than once (for example once to measure the message against
 * the server's SIZE limit and once to send it); each stream is closed after use.
 *
 * <pre>{@code
 * Attachment report = Attachment.of("report.csv", "text/csv", () -> db.exportCsv());
 * }</pre>
 */
@FunctionalInterface
public interface StreamSource {
  /**
   * {@return a new stream positioned at the start of the content}
   *
   * @throws IOException when the content cannot be opened
   */
  InputStream open() throws IOException;
}
