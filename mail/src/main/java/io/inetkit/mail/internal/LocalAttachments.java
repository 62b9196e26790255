package io.inetkit.mail.internal;

import io.inetkit.mail.MessagePart;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimePartDataSource;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.SharedFileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Saves the attachments of a message file on disk (a POP3 download, which has no BODYSTRUCTURE):
 * the MIME structure is read from the file as it is needed, never the whole message into memory,
 * and a part counts as an attachment by the same rule as over IMAP ({@link
 * MessagePart#isAttachment()}). Names are sanitised as for IMAP. Not part of the public API.
 */
public final class LocalAttachments {
  private LocalAttachments() {}

  /**
   * Saves every attachment of the RFC 5322 file {@code eml} into {@code directory}, decoded, each
   * through a temporary file; returns the files written, in part order.
   */
  public static List<Path> save(Path eml, Path directory) throws IOException {
    SharedFileInputStream in = new SharedFileInputStream(eml.toFile());
    try {
      MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), in);
      List<Path> saved = new ArrayList<>();
      walk(message, "", directory, saved);
      return List.copyOf(saved);
    } catch (MessagingException e) {
      throw new IOException("cannot read the MIME structure of the message: " + e.getMessage(), e);
    } finally {
      in.close();
    }
  }

  private static void walk(Part part, String prefix, Path directory, List<Path> saved)
      throws MessagingException, IOException {
    if (part.isMimeType("multipart/*") && part instanceof MimePart mime) {
      // Parsed directly, not through getContent(): no mailcap lookup (absent in a shaded jar).
      Multipart multi = new MimeMultipart(new MimePartDataSource(mime));
      for (int i = 0; i < multi.getCount(); i++) {
        BodyPart child = multi.getBodyPart(i);
        walk(child, prefix.isEmpty() ? "" + (i + 1) : prefix + "." + (i + 1), directory, saved);
      }
      return;
    }
    String section = prefix.isEmpty() ? "1" : prefix;
    String name = part.getFileName();
    MessagePart info =
        new MessagePart(
            section,
            baseType(part.getContentType()),
            name == null ? "" : MimeUtility.decodeText(name),
            part.getDisposition() == null ? "" : part.getDisposition().toLowerCase(Locale.ROOT),
            -1,
            null);
    if (!info.isAttachment()) {
      return;
    }
    Path target =
        SafeFiles.uniqueTarget(
            directory, SafeFiles.sanitize(info.fileName(), "attachment-" + section));
    SafeFiles.writeAtomically(
        target,
        out -> {
          try (InputStream decoded = part.getInputStream()) {
            decoded.transferTo(out);
          } catch (MessagingException e) {
            throw new IOException("cannot decode attachment " + section, e);
          }
        });
    saved.add(target);
  }

  private static String baseType(String contentType) {
    String t = contentType == null ? "text/plain" : contentType;
    int semi = t.indexOf(';');
    return (semi < 0 ? t : t.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
  }
}
