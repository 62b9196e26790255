package io.inetkit.mail;

/**
 * The IMAP system flags a message can carry. Custom keywords ({@code $Label1}, {@code Work}) are
 * plain strings, validated as IMAP atoms.
 *
 * <pre>{@code
 * imap.addFlags(refs, Flag.SEEN, Flag.FLAGGED);
 * }</pre>
 */
public enum Flag {
  /** {@code \Seen}: the message was read. */
  SEEN("\\Seen"),
  /** {@code \Answered}: the message was replied to. */
  ANSWERED("\\Answered"),
  /** {@code \Flagged}: marked for attention. */
  FLAGGED("\\Flagged"),
  /** {@code \Deleted}: marked for removal at the next expunge. */
  DELETED("\\Deleted"),
  /** {@code \Draft}: not yet sent. */
  DRAFT("\\Draft");

  private final String imapName;

  Flag(String imapName) {
    this.imapName = imapName;
  }

  /** {@return the flag as IMAP writes it, e.g. {@code \Seen}} */
  public String imapName() {
    return imapName;
  }
}
