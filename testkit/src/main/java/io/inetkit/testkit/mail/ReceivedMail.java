package io.inetkit.testkit.mail;

import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One copy of a message as the {@link MailServer} stored it in a mailbox: who it was delivered to,
 * and what a test asserts on: decoded {@code From} and {@code Subject}, any header, the text and
 * HTML bodies with transfer encoding and charset undone, the attachments, the parsed {@link
 * MimeMessage}, and the raw RFC 5322 bytes (with the {@code Received} and {@code Return-Path}
 * headers the server added). A message sent to three recipients arrives as three copies.
 *
 * <pre>{@code
 * ReceivedMail mail = server.waitForMessages(1, Duration.ofSeconds(5)).get(0);
 * assertThat(mail.recipient()).isEqualTo("bob@example.org");
 * assertThat(mail.subject()).isEqualTo("Grüße");
 * assertThat(mail.text()).contains("Grüße aus Köln");       // quoted-printable or base64: decoded
 * assertThat(mail.html()).contains("<b>Köln</b>");
 * assertThat(mail.header("Reply-To")).isEqualTo("desk@example.org");
 * assertThat(mail.attachments()).extracting(ReceivedMail.Attachment::fileName).containsExactly("invoice.pdf");
 * assertThat(mail.rawText()).contains("Content-Transfer-Encoding: quoted-printable");
 * }</pre>
 *
 * <p>The body accessors parse the stored bytes on every call; keep the result in a variable when
 * asserting many things on one message.
 *
 * @param recipient the mailbox (e-mail address) this copy was delivered to
 * @param from the decoded {@code From} header, or {@code ""}
 * @param subject the decoded {@code Subject} header, or {@code ""}
 * @param raw the message as stored
 */
public record ReceivedMail(String recipient, String from, String subject, byte[] raw) {

  /**
   * Checks and copies the values.
   *
   * @param recipient the mailbox this copy was delivered to; not null
   * @param from the decoded {@code From} header; null becomes {@code ""}
   * @param subject the decoded {@code Subject} header; null becomes {@code ""}
   * @param raw the message as stored (copied)
   */
  public ReceivedMail {
    Objects.requireNonNull(recipient, "recipient");
    from = from == null ? "" : from;
    subject = subject == null ? "" : subject;
    raw = raw.clone();
  }

  /** {@return a copy of the raw bytes} */
  @Override
  public byte[] raw() {
    return raw.clone();
  }

  /**
   * {@return the whole stored message (headers and encoded body) decoded as UTF-8, for assertions
   * on the wire form: header lines, transfer encodings, MIME boundaries}
   */
  public String rawText() {
    return new String(raw, StandardCharsets.UTF_8);
  }

  /**
   * {@return the text body: the first {@code text/plain} part that is not an attachment, with its
   * transfer encoding (quoted-printable, base64) and charset decoded; {@code ""} when there is
   * none} Use {@link #rawText()} for the message as stored.
   */
  public String text() {
    return MimeView.of(raw).text();
  }

  /**
   * {@return the first {@code text/html} part that is not an attachment, decoded; {@code ""} when
   * there is none}
   */
  public String html() {
    return MimeView.of(raw).html();
  }

  /**
   * {@return the first value of header {@code name} (case-insensitive), unfolded and RFC 2047
   * decoded, or {@code ""} when the message has no such header}
   *
   * @param name the header name
   */
  public String header(String name) {
    List<String> values = headers(name);
    return values.isEmpty() ? "" : values.get(0);
  }

  /**
   * {@return every value of header {@code name}, in message order, unfolded and decoded}
   *
   * @param name the header name
   */
  public List<String> headers(String name) {
    return MimeView.headers(raw, Objects.requireNonNull(name, "name"));
  }

  /**
   * {@return the attachments: every part with a file name or {@code Content-Disposition:
   * attachment}, and every other part that is neither the text nor the HTML body (inline images,
   * say), in message order}
   */
  public List<Attachment> attachments() {
    return MimeView.of(raw).attachments();
  }

  /** {@return the message parsed by Jakarta Mail: a new {@link MimeMessage} on every call} */
  public MimeMessage mimeMessage() {
    return MimeView.parse(raw);
  }

  /**
   * One attachment of a {@link ReceivedMail}.
   *
   * @param fileName the decoded file name, or {@code ""} when the part has none
   * @param contentType the base MIME type in lower case, e.g. {@code application/pdf}
   * @param content the decoded bytes (transfer encoding undone)
   */
  public record Attachment(String fileName, String contentType, byte[] content) {
    /**
     * Checks and copies the values.
     *
     * @param fileName the decoded file name, or {@code ""}; not null
     * @param contentType the base MIME type in lower case; not null
     * @param content the decoded bytes (copied)
     */
    public Attachment {
      Objects.requireNonNull(fileName, "fileName");
      Objects.requireNonNull(contentType, "contentType");
      content = content.clone();
    }

    /** {@return a copy of the bytes} */
    @Override
    public byte[] content() {
      return content.clone();
    }

    /** {@return the content decoded as UTF-8, for text attachments} */
    public String contentAsText() {
      return new String(content, StandardCharsets.UTF_8);
    }

    /** Equal when name, type and bytes are. */
    @Override
    public boolean equals(Object o) {
      return o instanceof Attachment a
          && fileName.equals(a.fileName)
          && contentType.equals(a.contentType)
          && Arrays.equals(content, a.content);
    }

    @Override
    public int hashCode() {
      return Objects.hash(fileName, contentType, Arrays.hashCode(content));
    }

    @Override
    public String toString() {
      return "Attachment[" + fileName + ", " + contentType + ", " + content.length + " bytes]";
    }
  }

  /** {@return the size of the stored message in bytes} */
  public int size() {
    return raw.length;
  }

  /** Equal when every field is, the raw bytes compared by content. */
  @Override
  public boolean equals(Object o) {
    return o instanceof ReceivedMail m
        && recipient.equals(m.recipient)
        && from.equals(m.from)
        && subject.equals(m.subject)
        && Arrays.equals(raw, m.raw);
  }

  @Override
  public int hashCode() {
    return Objects.hash(recipient, from, subject, Arrays.hashCode(raw));
  }

  @Override
  public String toString() {
    return "ReceivedMail[to="
        + recipient
        + ", from="
        + from
        + ", subject="
        + subject
        + ", "
        + raw.length
        + " bytes]";
  }
}
