package io.inetkit.mail;

import java.util.Objects;

/**
 * One leaf part of a message's MIME structure (from IMAP BODYSTRUCTURE, without downloading).
 *
 * <pre>{@code
 * for (MessagePart p : imap.parts(ref)) {
 *   System.out.println(p.section() + " " + p.contentType() + " " + p.fileName());
 * }
 * }</pre>
 *
 * @param section the IMAP section number ({@code 1}, {@code 2.1}, …)
 * @param contentType lower-case {@code type/subtype}
 * @param fileName the decoded file name as the sender gave it (unsafe: may contain {@code ../});
 *     empty when none
 * @param disposition {@code attachment}, {@code inline}, or empty
 * @param size the encoded size in bytes, or -1
 * @param encoding the transfer encoding ({@code base64}, {@code 7bit}, …)
 */
public record MessagePart(
    String section,
    String contentType,
    String fileName,
    String disposition,
    long size,
    String encoding) {

  /**
   * Validates.
   *
   * @param section the IMAP section number ({@code 1}, {@code 2.1}, …)
   * @param contentType lower-case {@code type/subtype}
   * @param fileName the decoded file name as the sender gave it (unsafe: may contain {@code ../});
   *     empty when none
   * @param disposition {@code attachment}, {@code inline}, or empty
   * @param size the encoded size in bytes, or -1
   * @param encoding the transfer encoding ({@code base64}, {@code 7bit}, …)
   */
  public MessagePart {
    Objects.requireNonNull(section, "section");
    Objects.requireNonNull(contentType, "contentType");
    fileName = Objects.requireNonNullElse(fileName, "");
    disposition = Objects.requireNonNullElse(disposition, "");
    encoding = Objects.requireNonNullElse(encoding, "7bit");
  }

  /**
   * {@return whether this part is an attachment (disposition attachment, or a named non-text part)}
   */
  public boolean isAttachment() {
    if (disposition.equalsIgnoreCase("attachment")) {
      return true;
    }
    return !fileName.isEmpty() && !disposition.equalsIgnoreCase("inline")
        || !fileName.isEmpty() && !contentType.startsWith("text/");
  }
}
