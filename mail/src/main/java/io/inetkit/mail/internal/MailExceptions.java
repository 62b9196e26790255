package io.inetkit.mail.internal;

import io.inetkit.core.AuthenticationException;
import io.inetkit.core.ConnectionClosedException;
import io.inetkit.core.Endpoint;
import io.inetkit.core.InetkitException;
import io.inetkit.core.InetkitTimeoutException;
import io.inetkit.core.NotFoundException;
import io.inetkit.core.ProtocolReplyException;
import io.inetkit.core.Reply;
import io.inetkit.core.Timeouts;
import io.inetkit.core.TlsException;
import io.inetkit.core.internal.Connector;
import io.inetkit.core.internal.Inputs;
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
 * exceptions met while talking mail) into the core exception tree. Only the readers (IMAP, POP3) go
 * through Angus; SMTP is spoken by {@link SmtpConnection}, whose failures are inetkit's own. Every
 * translated exception names what was attempted and the {@code host:port}, carries the server's
 * reply where there was one, and keeps the original as its cause.
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
   * Translates a Jakarta Mail exception raised while doing {@code what} (secrets already removed)
   * against {@code endpoint}.
   */
  public static InetkitException translate(
      MessagingException e,
      String what,
      AngusProtocol protocol,
      Endpoint endpoint,
      Timeouts timeouts) {
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
          what,
          endpoint,
          new Reply("NO", String.valueOf(e.getMessage()), Reply.Kind.PERMANENT_NEGATIVE),
          e);
    }
    Throwable cause = e.getCause();
    if (cause instanceof BadCommandException bad) {
      return new ProtocolReplyException(
          what,
          endpoint,
          new Reply("BAD", String.valueOf(bad.getMessage()), Reply.Kind.PERMANENT_NEGATIVE),
          e);
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
          endpoint,
          e);
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
   * Translates any failure met on the reading side (IMAP, POP3): exceptions inetkit's own socket
   * guard raised travel through Angus as causes and come out unchanged; Angus's IMAP protocol
   * exceptions from raw commands ({@code NO}, {@code BAD}, unparsable responses) become replies and
   * protocol violations; the rest goes through {@link #translate(MessagingException, String,
   * AngusProtocol, Endpoint, Timeouts)}.
   */
  public static InetkitException translateAny(
      Throwable failure,
      String what,
      AngusProtocol protocol,
      Endpoint endpoint,
      Timeouts timeouts) {
    return translateAny(failure, what, protocol, endpoint, timeouts, null);
  }

  /**
   * {@link #translateAny(Throwable, String, AngusProtocol, Endpoint, Timeouts)} that trusts what
   * {@code wire} saw over Angus's words: a refused STARTTLS/STLS is a {@link TlsException}, a POP3
   * {@code -ERR} is reported with the server's own text (an {@link AuthenticationException} only
   * when it answered the login), a login the server never answered is a closed connection, and an
   * Angus Mail internal error (an unchecked exception from its parser) is a {@link
   * ProtocolViolationException}, never shown as if the server had said it.
   *
   * @param wire the session's latest connection, or null when unknown
   */
  public static InetkitException translateAny(
      Throwable failure,
      String what,
      AngusProtocol protocol,
      Endpoint endpoint,
      Timeouts timeouts,
      WireWatch wire) {
    Set<Throwable> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable t = failure; t != null && seen.add(t); t = next(t)) {
      if (t instanceof InetkitException ie) {
        return ie;
      }
      if (t instanceof java.net.SocketTimeoutException || t instanceof javax.net.ssl.SSLException) {
        return Connector.translate((IOException) t, what, endpoint, timeouts.read());
      }
    }
    InetkitException noStartTls = missingStartTls(failure, what, endpoint);
    if (noStartTls != null) {
      return noStartTls;
    }
    InetkitException seenOnWire =
        wire == null ? null : fromWire(failure, what, protocol, endpoint, wire);
    if (seenOnWire != null) {
      return seenOnWire;
    }
    if (failure instanceof RuntimeException internal) {
      return new io.inetkit.core.ProtocolViolationException(
          what
              + ": Angus Mail could not make sense of the server's responses ("
              + internal.getClass().getSimpleName()
              + ")"
              + (wire == null || wire.lastStatus().isEmpty()
                  ? ""
                  : "; last line: " + Inputs.quote(wire.lastStatus())),
          endpoint,
          failure);
    }
    seen.clear();
    for (Throwable t = failure; t != null && seen.add(t); t = next(t)) {
      if (t instanceof BadCommandException || t instanceof CommandFailedException) {
        org.eclipse.angus.mail.iap.Response r =
            ((org.eclipse.angus.mail.iap.ProtocolException) t).getResponse();
        String text = r == null ? String.valueOf(t.getMessage()) : r.getRest();
        String status = t instanceof BadCommandException ? "BAD" : "NO";
        return new ProtocolReplyException(
            what, endpoint, new Reply(status, text, Reply.Kind.PERMANENT_NEGATIVE), failure);
      }
      if (t instanceof IOException && String.valueOf(t.getMessage()).startsWith(POP3_GARBAGE)) {
        // Angus POP3: a reply line that is neither +OK, -ERR nor a continuation
        return new io.inetkit.core.ProtocolViolationException(
            what
                + ": unexpected response from "
                + endpoint
                + ": "
                + Inputs.quote(t.getMessage().substring(POP3_GARBAGE.length())),
            endpoint,
            failure);
      }
      if (t instanceof org.eclipse.angus.mail.iap.ParsingException) {
        return new io.inetkit.core.ProtocolViolationException(
            what + ": malformed response from " + endpoint + ": " + t.getMessage(),
            endpoint,
            failure);
      }
      if (t instanceof org.eclipse.angus.mail.iap.ConnectionException ce) {
        org.eclipse.angus.mail.iap.Response r = ce.getResponse();
        if (r != null && !r.isBYE() && !r.isSynthetic()) {
          // e.g. a greeting that is neither OK, PREAUTH nor BYE
          return new io.inetkit.core.ProtocolViolationException(
              what + ": unexpected response from " + endpoint + ": " + Inputs.quote(r.toString()),
              endpoint,
              failure);
        }
        return new ConnectionClosedException(
            what + ": connection closed: " + printable(String.valueOf(t.getMessage())),
            endpoint,
            failure);
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

  /** A required STARTTLS/STLS the server does not offer, as Angus words it; else null. */
  private static TlsException missingStartTls(Throwable failure, String what, Endpoint endpoint) {
    Set<Throwable> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable t = failure; t != null && seen.add(t); t = next(t)) {
      String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
      if ((m.contains("stls required") || m.contains("starttls required"))
          && m.contains("not supported")) {
        // Angus POP3 reports this as an AuthenticationFailedException; no credentials were sent
        return new TlsException(
            what
                + ": the server does not offer STARTTLS/STLS, which is required ("
                + t.getMessage()
                + ")",
            endpoint,
            failure);
      }
    }
    return null;
  }

  private static final Set<String> LOGIN_VERBS =
      Set.of("USER", "PASS", "APOP", "AUTH", "LOGIN", "AUTHENTICATE");

  /** The translation the wire's facts decide, or null when they decide nothing. */
  private static InetkitException fromWire(
      Throwable failure, String what, AngusProtocol protocol, Endpoint endpoint, WireWatch wire) {
    boolean refused = !wire.refusedVerb().isEmpty();
    String verb = refused ? wire.refusedVerb() : wire.lastVerb();
    String status = refused ? wire.refusal() : wire.lastStatus();
    boolean io = transportFailure(failure);
    if ((verb.equals("STLS") || verb.equals("STARTTLS")) && !io) {
      return new TlsException(
          what
              + ": the server refused "
              + verb
              + (status.isEmpty() ? "" : ": " + printable(untagged(status)))
              + "; nothing else was sent",
          endpoint,
          failure);
    }
    if (protocol != AngusProtocol.POP3 || io || verb.isEmpty()) {
      return null;
    }
    if (status.startsWith("-ERR")) {
      Reply reply = protocol.negativeReply(status);
      return LOGIN_VERBS.contains(verb)
          ? new AuthenticationException(what, endpoint, reply, failure)
          : new ProtocolReplyException(verb + " (" + what + ")", endpoint, reply, failure);
    }
    if (status.startsWith("+OK")) {
      // the server said yes, and Angus could not use what it said: not the server's refusal
      return new io.inetkit.core.ProtocolViolationException(
          what
              + ": the server's reply to "
              + verb
              + " could not be used: "
              + Inputs.quote(status)
              + " (Angus Mail: "
              + failure.getMessage()
              + ")",
          endpoint,
          failure);
    }
    if (status.isEmpty() && failure instanceof AuthenticationFailedException) {
      // Angus's "EOF on socket": the server never answered
      return new ConnectionClosedException(
          what + ": the server closed the connection without answering " + verb, endpoint, failure);
    }
    return null;
  }

  /** Whether the socket itself failed (reset, closed, timed out, TLS): not a server's reply. */
  private static boolean transportFailure(Throwable failure) {
    Set<Throwable> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable t = failure; t != null && seen.add(t); t = next(t)) {
      if (t instanceof java.net.SocketException
          || t instanceof java.io.EOFException
          || t instanceof java.io.InterruptedIOException
          || t instanceof javax.net.ssl.SSLException) {
        return true;
      }
    }
    return false;
  }

  /** Returns an IMAP line without its tag ("A3 NO x" -> "NO x"); POP3 lines as they are. */
  private static String untagged(String line) {
    return line.matches("[A-Za-z0-9]+ (OK|NO|BAD)( .*)?")
        ? line.substring(line.indexOf(' ') + 1)
        : line;
  }

  /**
   * Returns whether {@code e} was thrown inside Jakarta/Angus Mail (its own code, or the JDK called
   * from it) rather than by inetkit: an internal error of the library, caused by server output it
   * did not expect.
   */
  public static boolean fromMailLibrary(RuntimeException e) {
    for (StackTraceElement frame : e.getStackTrace()) {
      String c = frame.getClassName();
      if (c.startsWith("io.inetkit.")) {
        return false;
      }
      if (c.startsWith("org.eclipse.angus.") || c.startsWith("jakarta.mail.")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns short, clean server text as it is, and anything else {@linkplain Inputs#quote quoted}.
   */
  private static String printable(String text) {
    return text.length() <= 200 && text.chars().allMatch(c -> c >= ' ' && c < 0x7f)
        ? text
        : Inputs.quote(text);
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
