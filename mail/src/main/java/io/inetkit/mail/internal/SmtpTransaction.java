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
 * recipient; the outcome (accepted and rejected recipients, errors) is the same either way.
 */
public final class SmtpTransaction {
  private static final Logger LOG = LoggerFactory.getLogger(SmtpTransaction.class);
  private static final int MAX_PIPELINED_RECIPIENTS = 500;

  private SmtpTransaction() {}

  /** Sends {@code message}; see {@link io.inetkit.mail.smtp.SmtpSession#send}. */
  public static SendReceipt send(SmtpConnection c, OutgoingMessage message, DsnOptions dsn)
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
    if (max.isPresent()) {
      long size = measure(message, ep);
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
    Exchange exchange;
    if (pipelining) { // RFC 2920: MAIL, every RCPT and DATA in one write, replies read in order
      List<String> group = new ArrayList<>(rcptLines.size() + 2);
      group.add(mailFrom + params);
      group.addAll(rcptLines);
      group.add("DATA");
      c.send(group);
      exchange = c::reply;
    } else {
      exchange = c::command;
    }
    Reply r = exchange.answer(mailFrom + params);
    boolean senderAccepted = r.isPositive();
    if (!senderAccepted && (!pipelining || c.isBroken())) {
      throw new ProtocolReplyException(mailFrom, ep, r, null);
    }
    List<RecipientReply> accepted = new ArrayList<>();
    List<RecipientReply> rejected = new ArrayList<>();
    for (int i = 0; i < recipients.size(); i++) {
      String rcptTo = "RCPT TO:<" + recipients.get(i).address() + ">";
      Reply rr = exchange.answer(rcptLines.get(i));
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
      throw new ProtocolReplyException(mailFrom, ep, r, null); // the RCPT replies were 503s
    }
    if (accepted.isEmpty()) {
      throw new AllRecipientsRejectedException(ep, rejected);
    }
    Reply fin = pipelining ? c.content(message) : c.data(message);
    if (!fin.isPositive()) {
      throw new ProtocolReplyException(
          "end of message data (the message was not accepted)", ep, fin, null);
    }
    String id =
        message instanceof MailMessage m
            ? "<" + m.messageId() + ">"
            : message instanceof PreparedMessage p ? MimeComposer.readMessageId(p.file()) : "";
    return new SendReceipt(id, accepted, rejected, fin);
  }

  /** Sends a command and reads its reply (lock-step), or reads the reply to one sent already. */
  @FunctionalInterface
  private interface Exchange {
    Reply answer(String line) throws InetkitException;
  }

  private static long measure(OutgoingMessage message, Endpoint ep) throws InetkitException {
    try {
      return MimeComposer.size(message);
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
