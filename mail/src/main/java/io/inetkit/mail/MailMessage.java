package io.inetkit.mail;

import io.inetkit.core.InvalidInputException;
import io.inetkit.core.internal.Inputs;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * An immutable e-mail message: sender, recipients, subject, a plain-text and/or HTML body,
 * attachments, inline images and custom headers. Subject and display names may be any Unicode text
 * (sent RFC 2047-encoded); Bcc recipients get the message but never appear in its headers. A
 * Message-ID and Date are generated when the message is built unless given.
 *
 * <pre>{@code
 * MailMessage message = MailMessage.builder()
 *     .from("Alice Ärger <alice@example.org>")
 *     .to("bob@example.org").cc("carol@example.org").bcc("audit@example.org")
 *     .subject("Quarterly report ✓")
 *     .text("Hi Bob,\nthe report is attached.")
 *     .html("<p>Hi Bob,</p><img src=\"cid:logo\">")
 *     .inline(Path.of("logo.png"), "logo")
 *     .attach(Path.of("report.pdf"))
 *     .header("X-Campaign", "q3")
 *     .build();
 * }</pre>
 *
 * All builder methods validate at once: CR, LF or NUL in any header value, address or file name
 * throws {@link InvalidInputException} naming the parameter, before anything is sent.
 */
public final class MailMessage implements OutgoingMessage {
  /** Headers the builder manages itself and {@link Builder#header} therefore refuses. */
  private static final Set<String> MANAGED =
      Set.of(
          "from",
          "to",
          "cc",
          "bcc",
          "reply-to",
          "subject",
          "date",
          "message-id",
          "mime-version",
          "content-type",
          "content-transfer-encoding",
          "content-disposition",
          "content-id");

  /**
   * A custom header.
   *
   * @param name the header name, e.g. {@code X-Priority}
   * @param value the header value
   */
  public record Header(String name, String value) {
    /**
     * Validates the name (printable ASCII without colon) and value (no CR, LF, NUL).
     *
     * @param name the header name: printable ASCII without a colon, at most 76 characters
     * @param value the header value (no CR, LF or NUL)
     */
    public Header {
      Inputs.requireToken("header name", name, 76);
      if (name.indexOf(':') >= 0 || !name.chars().allMatch(c -> c > 32 && c < 127)) {
        throw new InvalidInputException(
            "header name", "not a header field name: " + Inputs.quote(name));
      }
      Inputs.requireMaxLength("header value", value, 16 * 1024);
    }
  }

  private final MailAddress from;
  private final List<MailAddress> replyTo;
  private final List<MailAddress> to;
  private final List<MailAddress> cc;
  private final List<MailAddress> bcc;
  private final String subject;
  private final String text;
  private final String html;
  private final List<Attachment> attachments;
  private final List<Header> headers;
  private final String messageId;
  private final Instant date;

  private MailMessage(Builder b) {
    this.from = b.from;
    this.replyTo = List.copyOf(b.replyTo);
    this.to = List.copyOf(b.to);
    this.cc = List.copyOf(b.cc);
    this.bcc = List.copyOf(b.bcc);
    this.subject = b.subject;
    this.text = b.text;
    this.html = b.html;
    this.attachments = List.copyOf(b.attachments);
    this.headers = List.copyOf(b.headers);
    this.date = b.date != null ? b.date : Instant.now();
    this.messageId = b.messageId != null ? b.messageId : generateId(from);
  }

  private static String generateId(MailAddress from) {
    String domain = from.domain();
    try {
      domain = java.net.IDN.toASCII(domain);
    } catch (IllegalArgumentException e) {
      domain = "inetkit.invalid";
    }
    return UUID.randomUUID() + "@" + domain.toLowerCase(Locale.ROOT);
  }

  /** {@return a new, empty builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder holding this message's values (Message-ID and Date included)} */
  public Builder newBuilder() {
    Builder b = new Builder();
    b.from = from;
    b.replyTo.addAll(replyTo);
    b.to.addAll(to);
    b.cc.addAll(cc);
    b.bcc.addAll(bcc);
    b.subject = subject;
    b.text = text;
    b.html = html;
    b.attachments.addAll(attachments);
    b.headers.addAll(headers);
    b.messageId = messageId;
    b.date = date;
    return b;
  }

  /** {@return the sender (From)} */
  public MailAddress from() {
    return from;
  }

  @Override
  public MailAddress envelopeFrom() {
    return from;
  }

  /** Returns To, Cc and Bcc recipients together, without duplicates. */
  @Override
  public List<MailAddress> envelopeRecipients() {
    Set<String> seen = new LinkedHashSet<>();
    List<MailAddress> all = new ArrayList<>();
    for (List<MailAddress> list : List.of(to, cc, bcc)) {
      for (MailAddress a : list) {
        if (seen.add(a.address().toLowerCase(Locale.ROOT))) {
          all.add(a);
        }
      }
    }
    return List.copyOf(all);
  }

  /** {@return the Reply-To addresses} */
  public List<MailAddress> replyTo() {
    return replyTo;
  }

  /** {@return the To recipients} */
  public List<MailAddress> to() {
    return to;
  }

  /** {@return the Cc recipients} */
  public List<MailAddress> cc() {
    return cc;
  }

  /** {@return the Bcc recipients (never written into the message)} */
  public List<MailAddress> bcc() {
    return bcc;
  }

  /** {@return the subject, or {@code ""}} */
  public String subject() {
    return subject;
  }

  /** {@return the plain-text body, or {@code null} when there is none} */
  public String text() {
    return text;
  }

  /** {@return the HTML body, or {@code null} when there is none} */
  public String html() {
    return html;
  }

  /** {@return attachments and inline parts, in the order added} */
  public List<Attachment> attachments() {
    return attachments;
  }

  /** {@return the custom headers} */
  public List<Header> headers() {
    return headers;
  }

  /** {@return the Message-ID without angle brackets} */
  public String messageId() {
    return messageId;
  }

  /** {@return the Date} */
  public Instant date() {
    return date;
  }

  @Override
  public String toString() {
    return "MailMessage[from="
        + from.address()
        + ", to="
        + envelopeRecipients().size()
        + " recipient(s), subject="
        + Inputs.quote(subject)
        + ", "
        + attachments.size()
        + " part(s)]";
  }

  /** Builds a {@link MailMessage}; every setter validates its input at once. */
  public static final class Builder {
    private MailAddress from;
    private final List<MailAddress> replyTo = new ArrayList<>();
    private final List<MailAddress> to = new ArrayList<>();
    private final List<MailAddress> cc = new ArrayList<>();
    private final List<MailAddress> bcc = new ArrayList<>();
    private String subject = "";
    private String text;
    private String html;
    private final List<Attachment> attachments = new ArrayList<>();
    private final List<Header> headers = new ArrayList<>();
    private String messageId;
    private Instant date;

    private Builder() {}

    /**
     * Sets the sender, e.g. {@code "Alice <alice@example.org>"}.
     *
     * @param address the sender, parsed like {@link MailAddress#parse}
     * @return this builder
     */
    public Builder from(String address) {
      return from(MailAddress.parse(address));
    }

    /**
     * Sets the sender.
     *
     * @param address the sender
     * @return this builder
     */
    public Builder from(MailAddress address) {
      this.from = Objects.requireNonNull(address, "from");
      return this;
    }

    /**
     * Adds Reply-To addresses.
     *
     * @param addresses the addresses, each parsed like {@link MailAddress#parse}
     * @return this builder
     */
    public Builder replyTo(String... addresses) {
      return add(replyTo, addresses);
    }

    /**
     * Adds To recipients, each parsed like {@link MailAddress#parse}.
     *
     * @param addresses the recipients
     * @return this builder
     */
    public Builder to(String... addresses) {
      return add(to, addresses);
    }

    /**
     * Adds To recipients.
     *
     * @param addresses the recipients
     * @return this builder
     */
    public Builder to(MailAddress... addresses) {
      to.addAll(List.of(addresses));
      return this;
    }

    /**
     * Adds Cc recipients.
     *
     * @param addresses the recipients, each parsed like {@link MailAddress#parse}
     * @return this builder
     */
    public Builder cc(String... addresses) {
      return add(cc, addresses);
    }

    /**
     * Adds Cc recipients.
     *
     * @param addresses the recipients
     * @return this builder
     */
    public Builder cc(MailAddress... addresses) {
      cc.addAll(List.of(addresses));
      return this;
    }

    /**
     * Adds Bcc recipients: they receive the message but are never named in it.
     *
     * @param addresses the recipients, each parsed like {@link MailAddress#parse}
     * @return this builder
     */
    public Builder bcc(String... addresses) {
      return add(bcc, addresses);
    }

    /**
     * Adds Bcc recipients.
     *
     * @param addresses the recipients
     * @return this builder
     */
    public Builder bcc(MailAddress... addresses) {
      bcc.addAll(List.of(addresses));
      return this;
    }

    private Builder add(List<MailAddress> list, String... addresses) {
      for (String a : addresses) {
        list.add(MailAddress.parse(a));
      }
      return this;
    }

    /**
     * Sets the subject (any Unicode; no CR, LF or NUL).
     *
     * @param subject the subject
     * @return this builder
     */
    public Builder subject(String subject) {
      this.subject = Inputs.requireMaxLength("subject", subject, 998 * 4);
      return this;
    }

    /**
     * Sets the plain-text body (line ends are normalised to CRLF when sent).
     *
     * @param text the body text
     * @return this builder
     */
    public Builder text(String text) {
      this.text = Objects.requireNonNull(text, "text");
      return this;
    }

    /**
     * Sets the HTML body; with a text body too, both are sent as multipart/alternative.
     *
     * @param html the HTML body
     * @return this builder
     */
    public Builder html(String html) {
      this.html = Objects.requireNonNull(html, "html");
      return this;
    }

    /**
     * Attaches a file (type detected from its name).
     *
     * @param file the file to attach
     * @return this builder
     */
    public Builder attach(Path file) {
      return attach(Attachment.of(file));
    }

    /**
     * Adds an attachment or inline part.
     *
     * @param attachment the part to add
     * @return this builder
     */
    public Builder attach(Attachment attachment) {
      attachments.add(Objects.requireNonNull(attachment, "attachment"));
      return this;
    }

    /**
     * Adds an inline image the HTML body refers to as {@code cid:<contentId>}.
     *
     * @param file the image file
     * @param contentId the Content-ID, without angle brackets
     * @return this builder
     */
    public Builder inline(Path file, String contentId) {
      return attach(Attachment.inline(file, contentId));
    }

    /**
     * Adds a custom header (non-ASCII values are RFC 2047-encoded).
     *
     * @param name the header name
     * @param value the header value
     * @return this builder
     * @throws InvalidInputException for a header the builder manages (From, Subject, Content-Type,
     *     …) or a name or value with CR, LF or NUL
     */
    public Builder header(String name, String value) {
      Header h = new Header(name, value);
      if (MANAGED.contains(name.toLowerCase(Locale.ROOT))) {
        throw new InvalidInputException(
            "header name", name + " is set by the builder's own methods");
      }
      headers.add(h);
      return this;
    }

    /**
     * Sets the Message-ID (without angle brackets) instead of a generated one.
     *
     * @param messageId the Message-ID, without angle brackets
     * @return this builder
     */
    public Builder messageId(String messageId) {
      Inputs.requireToken("messageId", messageId, 250);
      if (messageId.indexOf('@') <= 0 || messageId.contains("<") || messageId.contains(">")) {
        throw new InvalidInputException(
            "messageId", "expected id@domain without brackets: " + Inputs.quote(messageId));
      }
      this.messageId = messageId;
      return this;
    }

    /**
     * Sets the Date instead of the build time.
     *
     * @param date the Date header's value
     * @return this builder
     */
    public Builder date(Instant date) {
      this.date = Objects.requireNonNull(date, "date");
      return this;
    }

    /**
     * {@return the message}
     *
     * @throws IllegalStateException without a sender or without any recipient
     */
    public MailMessage build() {
      if (from == null) {
        throw new IllegalStateException("from is required");
      }
      if (to.isEmpty() && cc.isEmpty() && bcc.isEmpty()) {
        throw new IllegalStateException("at least one To, Cc or Bcc recipient is required");
      }
      return new MailMessage(this);
    }
  }
}
