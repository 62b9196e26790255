package io.inetkit.mail.internal;

import io.inetkit.core.Endpoint;
import io.inetkit.core.InetkitException;
import io.inetkit.core.LimitExceededException;
import io.inetkit.core.ProtocolReplyException;
import io.inetkit.core.Reply;
import io.inetkit.mail.MailAddress;
import io.inetkit.mail.MailMessage;
import io.inetkit.mail.MissingExtensionException;
import io.inetkit.mail.OutgoingMessage;
import io.inetkit.mail.PreparedMessage;
import io.inetkit.mail.smtp.AllRecipientsRejectedException;
import io.inetkit.mail.smtp.DsnOptions;
import io.inetkit.mail.smtp.RecipientReply;
import io.inetkit.mail.smtp.SendReceipt;
import io.inetkit.mail.smtp.SmtpCapabilities;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One mail transaction on an open connection: the SMTPUTF8 and SIZE checks, MAIL FROM with its
 * parameters, one RCPT TO per recipient (keeping each reply), DATA, and the receipt. When the
 * server offers PIPELINING (RFC 2920), MAIL FROM, the RCPTs and DATA go out in one write and the
 * replies are read in order, so a message costs two round trips instead of three plus one per
 * recipient; the outcome (accepted and rejected recipients, errors) is the same either way. The
 * steps ({@link #envelope}, {@link #pipelinedReplies}, {@link #receipt}) are also used one by one
 * by {@link SmtpBatch}, which pipelines one message's end of data with the next one's envelope.
 */
public final class SmtpTransaction {
  private static final Logger LOG = LoggerFactory.getLogger(SmtpTransaction.class);
  private static final int MAX_PIPELINED_RECIPIENTS = 500;

  /** A composed message up to this size, measured for SIZE, is kept and sent as it is. */
  private static final int KEEP_COMPOSED_UP_TO = 256 * 1024;

  private SmtpTransaction() {}

  /**
   * A message's envelope, checked against the server's extensions and rendered as commands.
   *
   * @param message the message
   * @param mailFrom {@code MAIL FROM:<...>} without parameters (as errors name it)
   * @param params the MAIL FROM parameters (SMTPUTF8, BODY, SIZE, RET, ENVID), each with a leading
   *     space
   * @param rcptLines one {@code RCPT TO} line per recipient, with its DSN parameters
   * @param pipelined whether MAIL FROM, the RCPTs and DATA may go out in one write
   * @param measured the message's size and, if small, its bytes (measured for SIZE), or null
   */
  public record Envelope(
      OutgoingMessage message,
      String mailFrom,
      String params,
      List<String> rcptLines,
      boolean pipelined,
      MimeComposer.Measured measured) {

    /** The commands of the envelope in order: MAIL FROM, every RCPT TO, DATA. */
    List<String> commands() {
      List<String> group = new ArrayList<>(rcptLines.size() + 2);
      group.add(mailFrom + params);
      group.addAll(rcptLines);
      group.add("DATA");
      return group;
    }
  }

  /** The server's replies to the recipients of a transaction it invited data for. */
  public record Recipients(List<RecipientReply> accepted, List<RecipientReply> rejected) {}

  /** Sends {@code message}; see {@link io.inetkit.mail.smtp.SmtpSession#send}. */
  public static SendReceipt send(SmtpConnection c, OutgoingMessage message, DsnOptions dsn)
      throws InetkitException {
    Envelope e = envelope(c, message, dsn);
    Recipients r;
    if (e.pipelined()) { // RFC 2920: MAIL, every RCPT and DATA in one write, replies read in order
      c.send(e.commands());
      r = envelopeReplies(c, e, c::reply);
    } else {
      r = envelopeReplies(c, e, c::command);
      Reply go = c.command("DATA");
      if (go.code() != 354) {
        throw new ProtocolReplyException("DATA", c.endpoint(), go, null);
      }
    }
    return receipt(c, e, r, c.content(message, e.measured()));
  }

  /**
   * Checks {@code message} against the server's extensions (SMTPUTF8, SIZE, DSN) and renders its
   * envelope; nothing is sent.
   *
   * @throws MissingExtensionException when an internationalised address needs SMTPUTF8
   * @throws LimitExceededException when the message is larger than the server's SIZE
   */
  public static Envelope envelope(SmtpConnection c, OutgoingMessage message, DsnOptions dsn)
      throws InetkitException {
    return envelope(c, message, dsn, null);
  }

  /**
   * Composes a built message ahead of its turn, so that a batch can do it while it waits for the
   * server; returns null for a prepared file (streamed when sent), a message with attachments (read
   * from their sources once, when sent, not one time more here), a message too large to keep, or
   * one that cannot be composed ({@link #envelope} then composes it again and reports why).
   */
  public static MimeComposer.Measured compose(OutgoingMessage message) {
    if (!(message instanceof MailMessage m) || !m.attachments().isEmpty()) {
      return null;
    }
    try {
      MimeComposer.Measured composed = MimeComposer.measure(message, KEEP_COMPOSED_UP_TO);
      return composed.bytes() == null ? null : composed;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * Like {@link #envelope(SmtpConnection, OutgoingMessage, DsnOptions)}, with the message's bytes
   * already {@link #compose composed} ({@code composed}, or null to compose them here if needed).
   */
  public static Envelope envelope(
      SmtpConnection c, OutgoingMessage message, DsnOptions dsn, MimeComposer.Measured composed)
      throws InetkitException {
    SmtpCapabilities caps = c.capabilities();
    Endpoint ep = c.endpoint();
    StringBuilder params = new StringBuilder();
    if (MimeComposer.needsUtf8(message)) {
      if (!caps.supports("SMTPUTF8")) {
        throw new MissingExtensionException(
            "SMTPUTF8", "the envelope has an internationalised address (RFC 6531)", ep);
      }
      params.append(" SMTPUTF8");
      if (caps.supports("8BITMIME")) {
        params.append(" BODY=8BITMIME");
      }
    }
    OptionalLong max = caps.maxSize();
    MimeComposer.Measured measured = composed;
    if (max.isPresent()) {
      if (measured == null) {
        measured = measure(message, ep);
      }
      long size = measured.size();
      if (size > max.getAsLong()) {
        throw new LimitExceededException(
            "message of "
                + size
                + " bytes is larger than the SIZE "
                + max.getAsLong()
                + " the server accepts; nothing was sent",
            ep,
            max.getAsLong());
      }
      params.append(" SIZE=").append(size);
    }
    boolean useDsn = !dsn.isEmpty() && caps.supports("DSN");
    if (!dsn.isEmpty() && !useDsn) {
      LOG.warn("{} does not offer DSN; delivery status options are ignored", ep);
    }
    if (useDsn && dsn.ret() != null) {
      params.append(" RET=").append(dsn.ret() == DsnOptions.Return.FULL ? "FULL" : "HDRS");
    }
    if (useDsn && !dsn.envelopeId().isEmpty()) {
      params.append(" ENVID=").append(xtext(dsn.envelopeId()));
    }
    String mailFrom = "MAIL FROM:<" + message.envelopeFrom().address() + ">";
    List<MailAddress> recipients = message.envelopeRecipients();
    List<String> rcptLines = new ArrayList<>(recipients.size());
    for (MailAddress rcpt : recipients) {
      Set<DsnOptions.Notify> notify = useDsn ? dsn.notifyFor(rcpt) : Set.of();
      rcptLines.add(
          "RCPT TO:<"
              + rcpt.address()
              + ">"
              + (notify.isEmpty()
                  ? ""
                  : " NOTIFY="
                      + notify.stream().sorted().map(Enum::name).collect(Collectors.joining(","))));
    }
    // A group so large that the replies could fill both socket buffers while the group is still
    // being written would deadlock (RFC 2920 section 3.3): such envelopes go lock-step.
    boolean pipelining =
        caps.supports("PIPELINING") && recipients.size() <= MAX_PIPELINED_RECIPIENTS;
    return new Envelope(
        message, mailFrom, params.toString(), List.copyOf(rcptLines), pipelining, measured);
  }

  /**
   * Reads the replies to a pipelined envelope ({@link Envelope#commands()} sent with {@link
   * SmtpConnection#send(List)}) up to the 354 that invites the data.
   *
   * @throws ProtocolReplyException when the server refused the sender or DATA
   * @throws AllRecipientsRejectedException when it refused every recipient
   */
  public static Recipients pipelinedReplies(SmtpConnection c, Envelope e) throws InetkitException {
    return envelopeReplies(c, e, c::reply);
  }

  private static Recipients envelopeReplies(SmtpConnection c, Envelope e, Exchange exchange)
      throws InetkitException {
    Endpoint ep = c.endpoint();
    boolean pipelining = e.pipelined();
    Reply r = exchange.answer(e.mailFrom() + e.params());
    boolean senderAccepted = r.isPositive();
    if (!senderAccepted && (!pipelining || c.isBroken())) {
      throw new ProtocolReplyException(e.mailFrom(), ep, r, null);
    }
    List<MailAddress> recipients = e.message().envelopeRecipients();
    List<RecipientReply> accepted = new ArrayList<>();
    List<RecipientReply> rejected = new ArrayList<>();
    for (int i = 0; i < recipients.size(); i++) {
      String rcptTo = "RCPT TO:<" + recipients.get(i).address() + ">";
      Reply rr = exchange.answer(e.rcptLines().get(i));
      if (c.isBroken()) {
        throw new ProtocolReplyException(rcptTo, ep, rr, null);
      }
      (rr.isPositive() ? accepted : rejected).add(new RecipientReply(recipients.get(i), rr));
    }
    if (pipelining) {
      Reply go = c.reply("DATA");
      if (!senderAccepted || accepted.isEmpty()) {
        if (go.code() == 354) {
          c.endEmptyData(); // the server invited data for a failed transaction: send none
        }
      } else if (go.code() != 354) {
        throw new ProtocolReplyException("DATA", ep, go, null);
      }
    }
    if (!senderAccepted) {
      throw new ProtocolReplyException(e.mailFrom(), ep, r, null); // the RCPT replies were 503s
    }
    if (accepted.isEmpty()) {
      throw new AllRecipientsRejectedException(ep, rejected);
    }
    return new Recipients(accepted, rejected);
  }

  /**
   * Turns the reply to the end of the data into the receipt.
   *
   * @throws ProtocolReplyException when the reply is negative (the message was not accepted)
   */
  public static SendReceipt receipt(SmtpConnection c, Envelope e, Recipients r, Reply fin)
      throws InetkitException {
    if (!fin.isPositive()) {
      throw new ProtocolReplyException(
          "end of message data (the message was not accepted)", c.endpoint(), fin, null);
    }
    OutgoingMessage message = e.message();
    String id =
        message instanceof MailMessage m
            ? "<" + m.messageId() + ">"
            : message instanceof PreparedMessage p ? MimeComposer.readMessageId(p.file()) : "";
    return new SendReceipt(id, r.accepted(), r.rejected(), fin);
  }

  /** Sends a command and reads its reply (lock-step), or reads the reply to one sent already. */
  @FunctionalInterface
  private interface Exchange {
    Reply answer(String line) throws InetkitException;
  }

  private static MimeComposer.Measured measure(OutgoingMessage message, Endpoint ep)
      throws InetkitException {
    try {
      return MimeComposer.measure(message, KEEP_COMPOSED_UP_TO);
    } catch (LocalSourceException e) {
      throw new InetkitException(e.getMessage() + "; nothing was sent", ep, e);
    } catch (IOException e) {
      throw new InetkitException("cannot measure the message: " + e.getMessage(), ep, e);
    }
  }

  /** Encodes a DSN value as xtext (RFC 3461 section 4). */
  static String xtext(String s) {
    StringBuilder sb = new StringBuilder();
    for (char ch : s.toCharArray()) {
      if (ch < '!' || ch > '~' || ch == '+' || ch == '=') {
        sb.append('+').append(String.format("%02X", (int) ch));
      } else {
        sb.append(ch);
      }
    }
    return sb.toString();
  }
}
