package io.inetkit.mail;

import io.inetkit.core.InvalidInputException;
import io.inetkit.core.internal.Inputs;
import io.inetkit.mail.internal.MimeComposer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A message already in RFC 5322 form (an {@code .eml} file), sent as it is: the body byte for byte,
 * only line ends normalised to CRLF and leading dots stuffed, as SMTP requires. Blind copies stay
 * blind: the header section's {@code Bcc:} and {@code Resent-Bcc:} fields (with their folded lines)
 * are left out of what is sent, as Python's {@code send_message} does. The envelope comes from the
 * caller or, with {@link #of(Path)}, from the file's From, To, Cc and Bcc headers (so Bcc
 * recipients still get the message).
 *
 * <pre>{@code
 * SendReceipt r = smtp.send(PreparedMessage.of(Path.of("newsletter.eml")));
 * SendReceipt r2 = smtp.send(PreparedMessage.of(Path.of("raw.eml"),
 *     MailAddress.of("bounce@example.org"), List.of(MailAddress.of("bob@example.org"))));
 * }</pre>
 *
 * @param file the message file
 * @param envelopeFrom the envelope sender
 * @param envelopeRecipients the envelope recipients (at least one)
 */
public record PreparedMessage(
    Path file, MailAddress envelopeFrom, List<MailAddress> envelopeRecipients)
    implements OutgoingMessage {

  /**
   * Validates and copies.
   *
   * @param file the message file
   * @param envelopeFrom the envelope sender
   * @param envelopeRecipients the envelope recipients (at least one)
   */
  public PreparedMessage {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(envelopeFrom, "envelopeFrom");
    envelopeRecipients = List.copyOf(new java.util.LinkedHashSet<>(envelopeRecipients));
    if (envelopeRecipients.isEmpty()) {
      throw new InvalidInputException("envelopeRecipients", "at least one recipient is needed");
    }
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new InvalidInputException(
          "file", "not a readable file: " + Inputs.quote(file.toString()));
    }
  }

  /**
   * {@return a prepared message with an explicit envelope}
   *
   * @param file the RFC 5322 file, sent as it is
   * @param envelopeFrom the envelope sender ({@code MAIL FROM})
   * @param recipients the envelope recipients ({@code RCPT TO})
   */
  public static PreparedMessage of(
      Path file, MailAddress envelopeFrom, List<MailAddress> recipients) {
    return new PreparedMessage(file, envelopeFrom, recipients);
  }

  /**
   * {@return a prepared message whose envelope is read from the file's headers (From; To, Cc and
   * Bcc)} Only the header section is read.
   *
   * @param file the RFC 5322 file, sent as it is
   * @throws InvalidInputException when the file cannot be read or lacks From or recipients
   */
  public static PreparedMessage of(Path file) {
    MimeComposer.Envelope e = MimeComposer.readEnvelope(file);
    return new PreparedMessage(file, e.from(), e.recipients());
  }
}
