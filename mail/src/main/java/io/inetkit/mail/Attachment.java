package io.inetkit.mail;

import io.inetkit.core.InvalidInputException;
import io.inetkit.core.internal.Inputs;
import io.inetkit.mail.internal.ContentTypes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A file attached to a {@link MailMessage}, or an inline image referenced from the HTML body by its
 * Content-ID ({@code <img src="cid:logo">}). The content is streamed when the message is sent,
 * never held in memory; it is sent base64-encoded.
 *
 * <pre>{@code
 * Attachment pdf = Attachment.of(Path.of("invoice.pdf"));                 // type detected
 * Attachment csv = Attachment.of("data.csv", "text/csv", () -> openExport());
 * Attachment json = Attachment.of("data.json", () -> openJson());          // type from the name
 * Attachment logo = Attachment.inline(Path.of("logo.png"), "logo");        // cid:logo
 * }</pre>
 *
 * @param fileName the name shown to the recipient; no CR, LF or NUL
 * @param contentType the MIME type, e.g. {@code application/pdf}
 * @param source opens the content
 * @param contentId the Content-ID without angle brackets for an inline part, or {@code ""}
 */
public record Attachment(
    String fileName, String contentType, StreamSource source, String contentId) {

  /**
   * Validates every value.
   *
   * @param fileName the name shown to the recipient; no CR, LF or NUL
   * @param contentType the MIME type, e.g. {@code application/pdf}
   * @param source opens the content
   * @param contentId the Content-ID without angle brackets, or {@code ""}
   */
  public Attachment {
    Inputs.requireNonEmpty("fileName", fileName);
    Inputs.requireMaxLength("fileName", fileName, 255);
    Inputs.requireToken("contentType", contentType, 255);
    if (contentType.indexOf('/') <= 0 || contentType.endsWith("/")) {
      throw new InvalidInputException(
          "contentType", "not a MIME type: " + Inputs.quote(contentType));
    }
    Objects.requireNonNull(source, "source");
    contentId = contentId == null ? "" : contentId;
    if (!contentId.isEmpty()) {
      Inputs.requireToken("contentId", contentId, 255);
      if (contentId.indexOf('<') >= 0 || contentId.indexOf('>') >= 0) {
        throw new InvalidInputException(
            "contentId", "give the id without angle brackets: " + Inputs.quote(contentId));
      }
    }
  }

  /**
   * Attaches a file; its type is detected from the name.
   *
   * @param file the file
   * @return the attachment
   * @throws InvalidInputException when the file is not a readable regular file
   */
  public static Attachment of(Path file) {
    return detected(name(file), open(file), "");
  }

  /**
   * Attaches content from a {@link StreamSource}.
   *
   * @param fileName the name shown to the recipient
   * @param contentType the MIME type, e.g. {@code text/csv}
   * @param source opens the content
   * @return the attachment
   */
  public static Attachment of(String fileName, String contentType, StreamSource source) {
    return new Attachment(fileName, contentType, source, "");
  }

  /**
   * Attaches content from a {@link StreamSource}; its type is detected from {@code fileName} as for
   * a file ({@code application/octet-stream} when the name says nothing).
   *
   * @param fileName the name shown to the recipient, which also gives the type
   * @param source opens the content
   * @return the attachment
   */
  public static Attachment of(String fileName, StreamSource source) {
    return detected(fileName, source, "");
  }

  /**
   * Attaches a file as an inline part the HTML refers to as {@code cid:<contentId>}.
   *
   * @param file the file, usually an image
   * @param contentId the Content-ID, without angle brackets
   * @return the inline part
   */
  public static Attachment inline(Path file, String contentId) {
    return detected(name(file), open(file), contentId);
  }

  /**
   * Attaches streamed content as an inline part.
   *
   * @param fileName the part's file name
   * @param contentType the MIME type, e.g. {@code image/png}
   * @param source opens the content
   * @param contentId the Content-ID, without angle brackets
   * @return the inline part
   */
  public static Attachment inline(
      String fileName, String contentType, StreamSource source, String contentId) {
    return new Attachment(fileName, contentType, source, contentId);
  }

  /** {@return whether this part is inline (has a Content-ID)} */
  public boolean isInline() {
    return !contentId.isEmpty();
  }

  /** The one place a content type is chosen from a file name. */
  private static Attachment detected(String fileName, StreamSource source, String contentId) {
    Inputs.requireNonEmpty("fileName", fileName);
    return new Attachment(fileName, ContentTypes.detect(fileName), source, contentId);
  }

  private static String name(Path file) {
    Objects.requireNonNull(file, "file");
    Path name = file.getFileName();
    return Inputs.requireNonEmpty("fileName", name == null ? "" : name.toString());
  }

  private static StreamSource open(Path file) {
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new InvalidInputException(
          "file", "not a readable file: " + Inputs.quote(file.toString()));
    }
    return () -> Files.newInputStream(file);
  }

  @Override
  public String toString() {
    return "Attachment["
        + fileName
        + ", "
        + contentType
        + (isInline() ? ", cid:" + contentId : "")
        + "]";
  }
}
