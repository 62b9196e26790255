package io.inetkit.mail.internal;

import io.inetkit.core.InvalidInputException;
import io.inetkit.core.internal.Inputs;
import io.inetkit.mail.Attachment;
import io.inetkit.mail.MailAddress;
import io.inetkit.mail.MailMessage;
import io.inetkit.mail.OutgoingMessage;
import io.inetkit.mail.PreparedMessage;
import jakarta.activation.DataHandler;
import jakarta.activation.DataSource;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UnsupportedEncodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;

/**
 * Turns inetkit's message model into MIME with Jakarta Mail and writes it, streaming every
 * attachment: multipart/alternative for text + HTML, multipart/related for inline images,
 * multipart/mixed for attachments; RFC 2047 subjects and display names; no Bcc header (a prepared
 * file's Bcc and Resent-Bcc fields are left out as it is streamed).
 */
public final class MimeComposer {
  private static final int COPY_BUFFER = 256 * 1024;

  private MimeComposer() {}

  /** The envelope of a prepared message, read from its headers. */
  public record Envelope(MailAddress from, List<MailAddress> recipients) {}

  /** Returns whether sending needs SMTPUTF8 (an envelope address is non-ASCII). */
  public static boolean needsUtf8(OutgoingMessage m) {
    return m.envelopeFrom().isInternational()
        || m.envelopeRecipients().stream().anyMatch(MailAddress::isInternational);
  }

  /** Writes the message in RFC 5322 form to {@code out}, streaming attachments. */
  public static void write(OutgoingMessage message, OutputStream out) throws IOException {
    if (message instanceof PreparedMessage p) {
      writeWithoutBcc(p, out, false);
      return;
    }
    try {
      MailMessage m = (MailMessage) message;
      boolean utf8 = needsUtf8(m);
      MimeMessage mm = compose(m, utf8 ? SendSessions.UTF8 : SendSessions.ASCII);
      (utf8 ? SendSessions.UTF8_WRITER : SendSessions.ASCII_WRITER).write(mm, out);
    } catch (MessagingException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IOException("cannot write the message as MIME: " + e.getMessage(), e);
    }
  }

  /**
   * Streams a prepared file without its Bcc and Resent-Bcc header fields (the body byte for byte);
   * returns the filter, which knows how many bytes it left out. With {@code headerOnly} it stops
   * reading once the header section has passed.
   */
  private static HeaderFieldFilter writeWithoutBcc(
      PreparedMessage p, OutputStream out, boolean headerOnly) throws IOException {
    try (InputStream in =
            LocalSourceException.open(p.file().toString(), () -> Files.newInputStream(p.file()));
        HeaderFieldFilter filter = new HeaderFieldFilter(out, HeaderFieldFilter.BCC)) {
      byte[] buf = new byte[COPY_BUFFER];
      int n;
      while ((n = in.read(buf)) >= 0) {
        filter.write(buf, 0, n);
        if (headerOnly && filter.inBody()) {
          break;
        }
      }
      return filter;
    }
  }

  /**
   * The size of a message as it will be sent and, when it is at most {@code keepUpTo} bytes, the
   * bytes themselves (so a message measured for SIZE is composed once, not twice).
   *
   * @param size the size in bytes (before dot-stuffing)
   * @param bytes the message, or {@code null} when it was larger than asked to keep, or a prepared
   *     file (streamed from disk when sent)
   */
  public record Measured(long size, byte[] bytes) {}

  /** Measures {@code message}, keeping its bytes when there are at most {@code keepUpTo}. */
  public static Measured measure(OutgoingMessage message, int keepUpTo) throws IOException {
    if (message instanceof PreparedMessage) {
      return new Measured(size(message), null);
    }
    KeepingCounter out = new KeepingCounter(keepUpTo);
    write(message, out);
    return new Measured(out.count, out.kept == null ? null : out.kept.toByteArray());
  }

  /** Writes {@code message}, or {@code measured}'s bytes of it when they were kept. */
  public static void write(OutgoingMessage message, Measured measured, OutputStream out)
      throws IOException {
    if (measured != null && measured.bytes() != null) {
      out.write(measured.bytes());
    } else {
      write(message, out);
    }
  }

  /** Counts what is written and keeps it while it is no more than a limit. */
  private static final class KeepingCounter extends OutputStream {
    private final int keepUpTo;
    private java.io.ByteArrayOutputStream kept = new java.io.ByteArrayOutputStream(4096);
    private long count;

    KeepingCounter(int keepUpTo) {
      this.keepUpTo = keepUpTo;
    }

    @Override
    public void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      count += len;
      if (kept != null) {
        if (count > keepUpTo) {
          kept = null; // too large to hold: it is composed again when sent
        } else {
          kept.write(b, off, len);
        }
      }
    }
  }

  /** Returns the size in bytes of what {@link #write} produces (streams it once). */
  public static long size(OutgoingMessage message) throws IOException {
    if (message instanceof PreparedMessage p) {
      return Files.size(p.file())
          - writeWithoutBcc(p, OutputStream.nullOutputStream(), true).droppedBytes();
    }
    long[] count = {0};
    OutputStream counter =
        new OutputStream() {
          @Override
          public void write(int b) {
            count[0]++;
          }

          @Override
          public void write(byte[] b, int off, int len) {
            count[0] += len;
          }
        };
    write(message, counter); // counting needs no buffer
    return count[0];
  }

  /**
   * Returns the message as a Jakarta Mail {@link MimeMessage} with a session of its own (for the
   * interop adapter: the caller may change that session's properties).
   */
  public static MimeMessage compose(MailMessage m) throws MessagingException {
    return compose(m, Session.getInstance(sessionProperties(needsUtf8(m))));
  }

  /**
   * The properties of the sessions messages are composed in: {@code mail.from} is set so that
   * Jakarta Mail never asks for the local host name (a possibly slow {@code
   * InetAddress.getLocalHost()}) to make multipart boundaries; nothing is sent with this session.
   */
  private static Properties sessionProperties(boolean utf8) {
    Properties props = new Properties();
    props.put("mail.from", "inetkit@localhost");
    if (utf8) {
      props.put("mail.mime.allowutf8", "true");
    }
    return props;
  }

  /**
   * The two sessions messages are sent with, made once: a Jakarta Mail {@link Session} reads
   * provider files from the class path when it is made, which used to be half the CPU time of
   * sending a small message. Composing only reads their properties, so sharing them is safe.
   */
  private static final class SendSessions {
    static final Session ASCII = Session.getInstance(sessionProperties(false));
    static final Session UTF8 = Session.getInstance(sessionProperties(true));
    static final MimeWriter ASCII_WRITER = new MimeWriter(ASCII.getStreamProvider(), false);
    static final MimeWriter UTF8_WRITER = new MimeWriter(UTF8.getStreamProvider(), true);
  }

  private static MimeMessage compose(MailMessage m, Session session) throws MessagingException {
    MimeMessage mm = new ComposedMimeMessage(session, "<" + m.messageId() + ">");
    try {
      mm.setHeader("From", addresses(List.of(m.from()), 6));
      setAddresses(mm, "Reply-To", m.replyTo());
      setAddresses(mm, "To", m.to());
      setAddresses(mm, "Cc", m.cc());
    } catch (UnsupportedEncodingException e) {
      throw new IllegalStateException("UTF-8 is always supported", e);
    }
    mm.setSubject(m.subject(), "UTF-8");
    mm.setSentDate(Date.from(m.date()));
    for (MailMessage.Header h : m.headers()) {
      mm.addHeader(h.name(), MimeUtility.fold(h.name().length() + 2, encode(h.value())));
    }
    setBody(mm, m);
    mm.saveChanges();
    return mm;
  }

  private static void setAddresses(MimeMessage mm, String header, List<MailAddress> list)
      throws MessagingException, UnsupportedEncodingException {
    if (!list.isEmpty()) {
      mm.setHeader(header, addresses(list, header.length() + 2));
    }
  }

  private static String addresses(List<MailAddress> list, int used)
      throws UnsupportedEncodingException {
    InternetAddress[] out = new InternetAddress[list.size()];
    for (int i = 0; i < out.length; i++) {
      MailAddress a = list.get(i);
      out[i] =
          new InternetAddress(
              a.address(), a.displayName().isEmpty() ? null : a.displayName(), "UTF-8");
    }
    return InternetAddress.toString(out, used);
  }

  private static String encode(String value) {
    try {
      return MimeUtility.encodeText(value, "UTF-8", null);
    } catch (UnsupportedEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void setBody(MimeMessage mm, MailMessage m) throws MessagingException {
    List<Attachment> inline = m.attachments().stream().filter(Attachment::isInline).toList();
    List<Attachment> attached = m.attachments().stream().filter(a -> !a.isInline()).toList();
    if (inline.isEmpty() && attached.isEmpty() && (m.text() == null || m.html() == null)) {
      if (m.html() != null) {
        setText(mm, m.html(), "html");
      } else {
        setText(mm, m.text() == null ? "" : m.text(), "plain");
      }
      return;
    }
    MimeBodyPart main = textBody(m);
    MimeMultipart top = null;
    if (!inline.isEmpty()) {
      top = new MimeMultipart("related");
      top.addBodyPart(main);
      for (Attachment a : inline) {
        top.addBodyPart(part(a));
      }
      main = wrap(top);
    }
    if (!attached.isEmpty()) {
      top = new MimeMultipart("mixed");
      top.addBodyPart(main);
      for (Attachment a : attached) {
        top.addBodyPart(part(a));
      }
    }
    mm.setContent(top != null ? top : alternativeOf(m));
  }

  /**
   * Sets UTF-8 text of type {@code text/<subtype>} (as {@code setText} would, but with a faster
   * handler: {@link Utf8TextHandler}). Text that is plain ASCII in lines of at most 998 characters
   * is marked 7bit at once, which is what Jakarta Mail would choose, but it would write the whole
   * text through its content handler once more to find out.
   */
  private static void setText(MimePart part, String text, String subtype)
      throws MessagingException {
    part.setDataHandler(new Utf8TextHandler(text, "text/" + subtype + "; charset=UTF-8"));
    if (isSevenBit(text)) {
      part.setHeader("Content-Transfer-Encoding", "7bit");
    }
  }

  /**
   * Returns whether Jakarta Mail would send {@code text} as 7bit (its {@code checkAscii} rules).
   */
  static boolean isSevenBit(String text) {
    int lineLength = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\r' || c == '\n') {
        lineLength = 0;
      } else if ((c < 0x20 && c != '\t') || c >= 0x7f || ++lineLength > 998) {
        return false;
      }
    }
    return true;
  }

  private static MimeMultipart alternativeOf(MailMessage m) throws MessagingException {
    MimeMultipart alternative = new MimeMultipart("alternative");
    alternative.addBodyPart(textPart(m.text()));
    alternative.addBodyPart(htmlPart(m.html()));
    return alternative;
  }

  private static MimeBodyPart textPart(String text) throws MessagingException {
    MimeBodyPart part = new MimeBodyPart();
    setText(part, text == null ? "" : text, "plain");
    return part;
  }

  private static MimeBodyPart htmlPart(String html) throws MessagingException {
    MimeBodyPart part = new MimeBodyPart();
    setText(part, html, "html");
    return part;
  }

  private static MimeBodyPart textBody(MailMessage m) throws MessagingException {
    if (m.html() == null) {
      return textPart(m.text());
    }
    return m.text() == null ? htmlPart(m.html()) : wrap(alternativeOf(m));
  }

  private static MimeBodyPart wrap(MimeMultipart multipart) throws MessagingException {
    MimeBodyPart part = new MimeBodyPart();
    part.setContent(multipart);
    return part;
  }

  private static MimeBodyPart part(Attachment a) throws MessagingException {
    MimeBodyPart part = new MimeBodyPart();
    part.setDataHandler(new DataHandler(new SourceDataSource(a)));
    part.setFileName(a.fileName());
    part.setDisposition(a.isInline() ? Part.INLINE : Part.ATTACHMENT);
    if (a.isInline()) {
      part.setContentID("<" + a.contentId() + ">");
    }
    // Set explicitly so Jakarta Mail never reads the whole content to choose an encoding.
    part.setHeader("Content-Transfer-Encoding", "base64");
    return part;
  }

  /** Reads the envelope of an RFC 5322 file from its From, To, Cc and Bcc headers. */
  public static Envelope readEnvelope(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      InternetHeaders headers = new InternetHeaders(in);
      List<MailAddress> from = parse(headers, "From");
      List<MailAddress> to = new ArrayList<>();
      for (String h : List.of("To", "Cc", "Bcc")) {
        to.addAll(parse(headers, h));
      }
      if (from.isEmpty() || to.isEmpty()) {
        throw new InvalidInputException(
            "file", "no From or no recipient header in " + Inputs.quote(file.toString()));
      }
      return new Envelope(from.get(0), to);
    } catch (IOException | MessagingException e) {
      throw new InvalidInputException(
          "file",
          "cannot read headers of " + Inputs.quote(file.toString()) + ": " + e.getMessage());
    }
  }

  /**
   * Returns the Message-ID of a prepared file as its header has it (with angle brackets, unfolded
   * and trimmed), or {@code ""} when it has none or cannot be read. Only the header section is
   * read.
   */
  public static String readMessageId(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      String value = new InternetHeaders(in).getHeader("Message-ID", null);
      return value == null ? "" : MimeUtility.unfold(value).strip();
    } catch (IOException | MessagingException e) {
      return ""; // the message was sent already; a receipt without its id is no failure
    }
  }

  private static List<MailAddress> parse(InternetHeaders headers, String name)
      throws MessagingException {
    String value = headers.getHeader(name, ",");
    List<MailAddress> out = new ArrayList<>();
    if (value != null) {
      for (InternetAddress a : InternetAddress.parseHeader(MimeUtility.unfold(value), false)) {
        out.add(MailAddress.of(a.getAddress(), a.getPersonal()));
      }
    }
    return out;
  }

  /** A MIME message that keeps the Message-ID it was given instead of generating one. */
  private static final class ComposedMimeMessage extends MimeMessage {
    private final String messageId;

    ComposedMimeMessage(Session session, String messageId) {
      super(session);
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
    }
  }

  /** Streams an {@link Attachment}'s content for Jakarta Activation. */
  private record SourceDataSource(Attachment attachment) implements DataSource {
    @Override
    public InputStream getInputStream() throws IOException {
      return LocalSourceException.open(attachment.fileName(), attachment.source());
    }

    @Override
    public OutputStream getOutputStream() {
      throw new UnsupportedOperationException("read-only");
    }

    @Override
    public String getContentType() {
      return attachment.contentType();
    }

    @Override
    public String getName() {
      return attachment.fileName();
    }
  }
}
