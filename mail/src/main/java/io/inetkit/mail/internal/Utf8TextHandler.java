package io.inetkit.mail.internal;

import jakarta.activation.DataHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The content of a {@code text/*; charset=UTF-8} body part: writes the text's UTF-8 bytes in one
 * call. Jakarta's own text handler makes a new charset encoder and an 8 KiB buffer for every write
 * and passes the bytes on one at a time, which was a third of the CPU time of sending a small
 * message. Produces the same bytes; {@link #getContent()} is the text as before.
 */
final class Utf8TextHandler extends DataHandler {
  private final String text;

  /** {@code contentType} is e.g. {@code text/plain; charset=UTF-8}. */
  Utf8TextHandler(String text, String contentType) {
    super(text, contentType);
    this.text = text;
  }

  @Override
  public void writeTo(OutputStream out) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
  }
}
