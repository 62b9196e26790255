package io.inetkit.mail.internal;

import io.inetkit.core.AuthenticationException;
import io.inetkit.core.ConnectionClosedException;
import io.inetkit.core.Endpoint;
import io.inetkit.core.InetkitException;
import io.inetkit.core.NotFoundException;
import io.inetkit.core.ProtocolReplyException;
import io.inetkit.core.ProtocolViolationException;
import io.inetkit.core.Reply;
import io.inetkit.core.TlsException;
import io.inetkit.core.internal.Connector;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.FolderClosedException;
import jakarta.mail.FolderNotFoundException;
import jakarta.mail.MessagingException;
import jakarta.mail.StoreClosedException;
import java.io.EOFException;
import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import javax.net.ssl.SSLException;
import org.eclipse.angus.mail.iap.BadCommandException;
import org.eclipse.angus.mail.iap.CommandFailedException;
import org.eclipse.angus.mail.iap.ParsingException;
import org.eclipse.angus.mail.iap.ProtocolException;
import org.eclipse.angus.mail.iap.Response;

/**
 * The one place where Angus Mail's exceptions on the reading side (IMAP, POP3) become inetkit's
 * core exceptions. Failures raised by inetkit's own socket guard travel through Angus as causes
 * and come out unchanged. Not part of the public API.
 */
public final class ReadFailures {
  private ReadFailures() {}

  /**
   * Translates a failure during {@code what} against {@code endpoint}; {@code readTimeout} is
   * the limit a socket timeout means.
   */
  public static InetkitException translate(
      Throwable failure, String what, Endpoint endpoint, Duration readTimeout) {
    for (Throwable t = failure; t != null; t = next(t)) {
      if (t instanceof InetkitException ie) {
        return ie;
      }
    }
    for (Throwable t = failure; t != null; t = next(t)) {
      if (t instanceof SocketTimeoutException || t instanceof SSLException) {
        return Connector.translate((IOException) t, what, endpoint, readTimeout);
      }
    }
    String text = text(failure);
    if (failure instanceof AuthenticationFailedException) {
      return new AuthenticationException(
          what + " failed: " + text, endpoint, new Reply("NO", text, Reply.Kind.PERMANENT_NEGATIVE), failure);
    }
    if (text.contains("STARTTLS required") || text.contains("STLS required")) {
      return new TlsException(what + ": " + text, endpoint, failure);
    }
    if (failure instanceof FolderNotFoundException) {
      return new NotFoundException(
          what, endpoint, new Reply("NO", text, Reply.Kind.PERMANENT_NEGATIVE), failure);
    }
    for (Throwable t = failure; t != null; t = next(t)) {
      if (t instanceof CommandFailedException || t instanceof BadCommandException) {
        Response r = ((ProtocolException) t).getResponse();
        String status = t instanceof BadCommandException ? "BAD" : "NO";
        String rest = r == null ? t.getMessage() : r.getRest();
        return new ProtocolReplyException(
            what, endpoint, new Reply(status, rest, Reply.Kind.PERMANENT_NEGATIVE), failure);
      }
      if (t instanceof ParsingException) {
        return new ProtocolViolationException(
            what + ": malformed response from " + endpoint + ": " + text(t), endpoint, failure);
      }
    }
    for (Throwable t = failure; t != null; t = next(t)) {
      if (t instanceof StoreClosedException
          || t instanceof FolderClosedException
          || t instanceof org.eclipse.angus.mail.iap.ConnectionException
          || t instanceof EOFException
          || t instanceof SocketException
          || (t.getMessage() != null && t.getMessage().contains("dropped"))) {
        return new ConnectionClosedException(
            what + ": connection to " + endpoint + " closed: " + text, endpoint, failure);
      }
    }
    if (failure instanceof IOException io) {
      return Connector.translate(io, what, endpoint, readTimeout);
    }
    return new InetkitException(what + " failed: " + text, endpoint, failure);
  }

  /** Returns the server's reply text for a POP3 -ERR or IMAP NO, or the message. */
  private static String text(Throwable t) {
    String m = t.getMessage();
    return m == null ? t.getClass().getSimpleName() : m.strip();
  }

  private static Throwable next(Throwable t) {
    if (t instanceof MessagingException me && me.getNextException() != null) {
      return me.getNextException();
    }
    Throwable c = t.getCause();
    return c == t ? null : c;
  }

  /** Wraps a NO/BAD tagged response as the reply it is. */
  public static ProtocolReplyException refused(String what, Endpoint endpoint, Response r) {
    String status = r.isBAD() ? "BAD" : r.isNO() ? "NO" : "BYE";
    return new ProtocolReplyException(
        what, endpoint, new Reply(status, r.getRest(), Reply.Kind.PERMANENT_NEGATIVE), null);
  }
}
