package io.inetkit.mail.internal;

import io.inetkit.core.Endpoint;
import io.inetkit.core.InetkitException;
import io.inetkit.core.LimitExceededException;
import io.inetkit.core.ProtocolReplyException;
import io.inetkit.core.Reply;
import io.inetkit.mail.AllRecipientsRejectedException;
import io.inetkit.mail.DsnOptions;
import io.inetkit.mail.MailAddress;
import io.inetkit.mail.MailMessage;
import io.inetkit.mail.MissingExtensionException;
import io.inetkit.mail.OutgoingMessage;
import io.inetkit.mail.RecipientReply;
import io.inetkit.mail.SendReceipt;
import io.inetkit.mail.SmtpCapabilities;
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
 * parameters, one RCPT TO per recipient (keeping each reply), DATA, and the receipt.
 */
public final class SmtpTransaction {
  private static final Logger LOG = LoggerFactory.getLogger(SmtpTransaction.class);

  private SmtpTransaction() {}

  /** Sends {@code message}; see {@link io.inetkit.mail.SmtpSession#send}. */
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
            "message of " + size + " bytes is larger than the SIZE " + max.getAsLong()
                + " the server accepts; nothing was sent", ep, max.getAsLong());
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
    Reply r = c.command(mailFrom + params);
    if (!r.isPositive()) {
      throw new ProtocolReplyException(mailFrom, ep, r, null);
    }
    List<RecipientReply> accepted = new ArrayList<>();
    List<RecipientReply> rejected = new ArrayList<>();
    for (MailAddress rcpt : message.envelopeRecipients()) {
      String rcptTo = "RCPT TO:<" + rcpt.address() + ">";
      Set<DsnOptions.Notify> notify = useDsn ? dsn.notifyFor(rcpt) : Set.of();
      String rcptParams =
          notify.isEmpty()
              ? ""
              : " NOTIFY=" + notify.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
      Reply rr = c.command(rcptTo + rcptParams);
      if (c.isBroken()) {
        throw new ProtocolReplyException(rcptTo, ep, rr, null);
      }
      (rr.isPositive() ? accepted : rejected).add(new RecipientReply(rcpt, rr));
    }
    if (accepted.isEmpty()) {
      throw new AllRecipientsRejectedException(ep, rejected);
    }
    Reply fin = c.data(message);
    if (!fin.isPositive()) {
      throw new ProtocolReplyException("end of message data (the message was not accepted)", ep, fin, null);
    }
    String id = message instanceof MailMessage m ? m.messageId() : "";
    return new SendReceipt(id, accepted, rejected, fin);
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
