package io.inetkit.testkit.mail;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * What a test asserts on in a stored message, parsed by Jakarta Mail: the first text/plain and
 * text/html bodies that are not attachments (transfer encoding and charset decoded), and every
 * other leaf part as an attachment.
 */
final class MimeView {
  private static final Session SESSION = Session.getInstance(new Properties());

  private String text;
  private String html;
  private final List<ReceivedMail.Attachment> attachments = new ArrayList<>();

  private MimeView() {}

  /** Parses {@code raw} into a fresh {@link MimeMessage}. */
  static MimeMessage parse(byte[] raw) {
    try {
      return new MimeMessage(SESSION, new ByteArrayInputStream(raw));
    } catch (MessagingException e) {
      throw new IllegalStateException("the stored message is not parsable: " + e.getMessage(), e);
    }
  }

  /** Reads the bodies and attachments of {@code raw}. */
  static MimeView of(byte[] raw) {
    MimeView view = new MimeView();
    try {
      view.walk(parse(raw));
    } catch (MessagingException e) {
      throw new IllegalStateException(
          "cannot read the stored message's parts: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return view;
  }

  String text() {
    return text == null ? "" : text;
  }

  String html() {
    return html == null ? "" : html;
  }

  List<ReceivedMail.Attachment> attachments() {
    return List.copyOf(attachments);
  }

  /** {@return every value of header {@code name}, unfolded and RFC 2047-decoded} */
  static List<String> headers(byte[] raw, String name) {
    try {
      String[] values = parse(raw).getHeader(name);
      List<String> decoded = new ArrayList<>();
      if (values != null) {
        for (String v : values) {
          decoded.add(decode(MimeUtility.unfold(v)));
        }
      }
      return List.copyOf(decoded);
    } catch (MessagingException e) {
      throw new IllegalStateException("cannot read header " + name + ": " + e.getMessage(), e);
    }
  }

  static String decode(String encoded) {
    try {
      return MimeUtility.decodeText(encoded);
    } catch (UnsupportedEncodingException e) {
      return encoded;
    }
  }

  private void walk(Part part) throws MessagingException, IOException {
    if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart child = multipart.getBodyPart(i);
        walk(child);
      }
      return;
    }
    boolean attached =
        Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null;
    if (!attached && text == null && part.isMimeType("text/plain")) {
      text = body(part);
    } else if (!attached && html == null && part.isMimeType("text/html")) {
      html = body(part);
    } else {
      String name = part.getFileName();
      byte[] content;
      try (InputStream in = part.getInputStream()) {
        content = in.readAllBytes();
      }
      attachments.add(
          new ReceivedMail.Attachment(
              name == null ? "" : decode(name),
              new ContentType(part.getContentType()).getBaseType().toLowerCase(Locale.ROOT),
              content));
    }
  }

  /** The decoded text of a text part; bytes as UTF-8 when its charset is unknown to the JDK. */
  private static String body(Part part) throws MessagingException, IOException {
    try {
      Object content = part.getContent();
      if (content instanceof String s) {
        return s;
      }
    } catch (UnsupportedEncodingException unknownCharset) {
      // fall through to the bytes
    }
    try (InputStream in = part.getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
