package io.inetkit.mail.internal;

import io.inetkit.core.AuthenticationException;
import io.inetkit.core.ConnectionClosedException;
import io.inetkit.core.Endpoint;
import io.inetkit.core.InetkitException;
import io.inetkit.core.InetkitTimeoutException;
import io.inetkit.core.Inputs;
import io.inetkit.core.NotFoundException;
import io.inetkit.core.ProtocolReplyException;
import io.inetkit.core.Reply;
import io.inetkit.core.Timeouts;
import io.inetkit.core.TlsException;
import io.inetkit.core.internal.Connector;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.FolderClosedException;
import jakarta.mail.FolderNotFoundException;
import jakarta.mail.MessagingException;
import jakarta.mail.StoreClosedException;
import java.io.IOException;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Set;
import org.eclipse.angus.mail.iap.BadCommandException;
import org.eclipse.angus.mail.iap.CommandFailedException;
import org.eclipse.angus.mail.util.MailConnectException;

/**
 * The one place where the mail module turns Jakarta Mail / Angus Mail exceptions (and JDK I/O
 * exceptions met while talking mail) into the core exception tree. Only the readers (IMAP, POP3)
 * go through Angus; SMTP is spoken by {@link SmtpConnection}, whose failures are inetkit's own. Every translated exception
 * names what was attempted and the {@code host:port}, carries the server's reply where there was
 * one, and keeps the original as its cause.
 *
 * <pre>{@code
 * try {
 *   store.connect(user, password);
 * } catch (MessagingException e) {
 *   throw MailExceptions.translate(e, "IMAP login as " + user, AngusProtocol.IMAP, endpoint, timeouts);
 * }
 * }</pre>
 */
public final class MailExceptions {
  private static final String POP3_GARBAGE = "Unexpected response: ";

  private MailExceptions() {}

  /**
   * Translates a Jakarta Mail exception raised while doing {@code what} (secrets already
   * removed) against {@code endpoint}.
   */
  public static InetkitException translate(
      MessagingException e, String what, AngusProtocol protocol, Endpoint endpoint, Timeouts timeouts) {
    if (e instanceof AuthenticationFailedException
        && ioCause(e) == null
        && String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("timed out")) {
      // Angus POP3 turns a read timeout while waiting for the greeting into a bare
      // AuthenticationFailedException("Read timed out"), without a cause.
      return new InetkitTimeoutException(
          what + ": no reply from " + endpoint, endpoint, timeouts.read(), e);
    }
    if (e instanceof AuthenticationFailedException && ioCause(e) == null) {
      return new AuthenticationException(what, endpoint, protocol.negativeReply(e.getMessage()), e);
    }
    // Angus reports some I/O failures during login (POP3 read timeout) as authentication failures.
    if (e instanceof AuthenticationFailedException) {
      return Connector.translate(ioCause(e), what, endpoint, timeouts.read());
    }
    if (e instanceof MailConnectException) {
      IOException io = ioCause(e);
      return io != null
          ? Connector.translate(io, what + ": connect", endpoint, timeouts.connect())
          : new io.inetkit.core.ConnectionException(what + ": " + e.getMessage(), endpoint, e);
    }
    if (e instanceof StoreClosedException || e instanceof FolderClosedException) {
      return new ConnectionClosedException(
          what + ": connection closed: " + e.getMessage(), endpoint, e);
    }
    if (e instanceof FolderNotFoundException) {
      return new NotFoundException(
          what, endpoint, new Reply("NO", String.valueOf(e.getMessage()), Reply.Kind.PERMANENT_NEGATIVE), e);
    }
    Throwable cause = e.getCause();
    if (cause instanceof BadCommandException bad) {
      return new ProtocolReplyException(
          what, endpoint, new Reply("BAD", String.valueOf(bad.getMessage()), Reply.Kind.PERMANENT_NEGATIVE), e);
    }
    if (cause instanceof CommandFailedException no) {
      return new ProtocolReplyException(what, endpoint, protocol.negativeReply(no.getMessage()), e);
    }
    IOException io = ioCause(e);
    if (io != null) {
      return Connector.translate(io, what, endpoint, timeouts.read());
    }
    String message = String.valueOf(e.getMessage());
    String lower = message.toLowerCase(Locale.ROOT);
    if ((lower.contains("starttls") || lower.contains("stls")) && lower.contains("required")) {
      return new TlsException(
          what + ": the server does not offer STARTTLS, which is required (" + message + ")",
          endpoint, e);
    }
    return new InetkitException(what + " failed: " + message, endpoint, e);
  }

  /** Returns the first {@link IOException} in the cause / next-exception chain, or null. */
  static IOException ioCause(Throwable e) {
    Set<Throwable> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    Throwable t = e;
    while (t != null && seen.add(t)) {
      if (t instanceof IOException io) {
        return io;
      }
      t =
          t.getCause() != null
              ? t.getCause()
              : t instanceof MessagingException m ? m.getNextException() : null;
    }
    return null;
  }
  /**
   * Translates any failure met on the reading side (IMAP, POP3): exceptions inetkit's own
   * socket guard raised travel through Angus as causes and come out unchanged; Angus's IMAP
   * protocol exceptions from raw commands ({@code NO}, {@code BAD}, unparsable responses) become
   * replies and protocol violations; the rest goes through {@link #translate(MessagingException,
   * String, AngusProtocol, Endpoint, Timeouts)}.
   */
  public static InetkitException translateAny(
      Throwable failure, String what, AngusProtocol protocol, Endpoint endpoint, Timeouts timeouts) {
    Set<Throwable> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable t = failure; t != null && seen.add(t); t = next(t)) {
      if (t instanceof InetkitException ie) {
        return ie;
      }
      if (t instanceof java.net.SocketTimeoutException || t instanceof javax.net.ssl.SSLException) {
        return Connector.translate((IOException) t, what, endpoint, timeouts.read());
      }
    }
    seen.clear();
    for (Throwable t = failure; t != null && seen.add(t); t = next(t)) {
      String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
      if ((m.contains("stls required") || m.contains("starttls required")) && m.contains("not supported")) {
        // Angus POP3 reports this as an AuthenticationFailedException; no credentials were sent
        return new TlsException(
            what + ": the server does not offer STARTTLS/STLS, which is required (" + t.getMessage() + ")",
            endpoint, failure);
      }
      if (t instanceof BadCommandException || t instanceof CommandFailedException) {
        org.eclipse.angus.mail.iap.Response r = ((org.eclipse.angus.mail.iap.ProtocolException) t).getResponse();
        String text = r == null ? String.valueOf(t.getMessage()) : r.getRest();
        String status = t instanceof BadCommandException ? "BAD" : "NO";
        return new ProtocolReplyException(
            what, endpoint, new Reply(status, text, Reply.Kind.PERMANENT_NEGATIVE), failure);
      }
      if (t instanceof IOException && String.valueOf(t.getMessage()).startsWith(POP3_GARBAGE)) {
        // Angus POP3: a reply line that is neither +OK, -ERR nor a continuation
        return new io.inetkit.core.ProtocolViolationException(
            what + ": unexpected response from " + endpoint + ": "
                + Inputs.quote(t.getMessage().substring(POP3_GARBAGE.length())),
            endpoint, failure);
      }
      if (t instanceof org.eclipse.angus.mail.iap.ParsingException) {
        return new io.inetkit.core.ProtocolViolationException(
            what + ": malformed response from " + endpoint + ": " + t.getMessage(), endpoint, failure);
      }
      if (t instanceof org.eclipse.angus.mail.iap.ConnectionException ce) {
        org.eclipse.angus.mail.iap.Response r = ce.getResponse();
        if (r != null && !r.isBYE() && !r.isSynthetic()) {
          // e.g. a greeting that is neither OK, PREAUTH nor BYE
          return new io.inetkit.core.ProtocolViolationException(
              what + ": unexpected response from " + endpoint + ": " + Inputs.quote(r.toString()),
              endpoint, failure);
        }
        return new ConnectionClosedException(
            what + ": connection closed: " + printable(String.valueOf(t.getMessage())), endpoint, failure);
      }
    }
    if (failure instanceof MessagingException me) {
      return translate(me, what, protocol, endpoint, timeouts);
    }
    if (failure instanceof IOException io) {
      return Connector.translate(io, what, endpoint, timeouts.read());
    }
    return new InetkitException(what + " failed: " + failure, endpoint, failure);
  }

  /** Returns short, clean server text as it is, and anything else {@linkplain Inputs#quote quoted}. */
  private static String printable(String text) {
    return text.length() <= 200 && text.chars().allMatch(c -> c >= ' ' && c < 0x7f) ? text : Inputs.quote(text);
  }

  private static Throwable next(Throwable t) {
    if (t.getCause() != null) {
      return t.getCause();
    }
    if (t instanceof MessagingException m) {
      return m.getNextException();
    }
    // Angus turns an I/O failure into a synthetic "* BYE" response that keeps the exception.
    if (t instanceof org.eclipse.angus.mail.iap.ProtocolException p && p.getResponse() != null) {
      return p.getResponse().getException();
    }
    return null;
  }
}
