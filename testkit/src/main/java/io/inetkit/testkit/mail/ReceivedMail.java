package io.inetkit.testkit.mail;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One copy of a message as the {@link MailServer} stored it in a mailbox: who it was delivered
 * to, its decoded {@code From} and {@code Subject}, and the raw RFC 5322 bytes (with the {@code
 * Received} and {@code Return-Path} headers the server added). A message sent to three
 * recipients arrives as three copies.
 *
 * <pre>{@code
 * ReceivedMail mail = server.waitForMessages(1, Duration.ofSeconds(5)).get(0);
 * assertThat(mail.recipient()).isEqualTo("bob@example.org");
 * assertThat(mail.text()).contains("Hello");
 * }</pre>
 *
 * @param recipient the mailbox (e-mail address) this copy was delivered to
 * @param from the decoded {@code From} header, or {@code ""}
 * @param subject the decoded {@code Subject} header, or {@code ""}
 * @param raw the message as stored
 */
public record ReceivedMail(String recipient, String from, String subject, byte[] raw) {

  /** Checks and copies the values. */
  public ReceivedMail {
    Objects.requireNonNull(recipient, "recipient");
    from = from == null ? "" : from;
    subject = subject == null ? "" : subject;
    raw = raw.clone();
  }

  /** Returns a copy of the raw bytes. */
  @Override
  public byte[] raw() {
    return raw.clone();
  }

  /** Returns the raw message decoded as UTF-8, for {@code contains} assertions. */
  public String text() {
    return new String(raw, StandardCharsets.UTF_8);
  }

  /** Returns the size of the stored message in bytes. */
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
        && java.util.Arrays.equals(raw, m.raw);
  }

  @Override
  public int hashCode() {
    return Objects.hash(recipient, from, subject, java.util.Arrays.hashCode(raw));
  }

  @Override
  public String toString() {
    return "ReceivedMail[to=" + recipient + ", from=" + from + ", subject=" + subject
        + ", " + raw.length + " bytes]";
  }
}
