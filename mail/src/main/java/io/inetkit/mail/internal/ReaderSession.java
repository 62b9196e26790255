package io.inetkit.mail.internal;

import io.inetkit.core.Credentials;
import io.inetkit.core.Endpoint;
import io.inetkit.core.EventListener;
import io.inetkit.core.InetkitException;
import io.inetkit.core.Timeouts;
import io.inetkit.core.TlsMode;
import jakarta.mail.MessagingException;
import jakarta.mail.Service;
import java.io.IOException;
import org.eclipse.angus.mail.iap.ProtocolException;

/**
 * The reading side's one boundary (IMAP and POP3): every operation of a session runs through {@link
 * #call}, under the overall deadline, and every Jakarta/Angus Mail or JDK failure becomes a core
 * exception through {@link #failure} ({@link GuardedSockets#failure}, then {@link MailExceptions}).
 * Also the login both protocols share. One per session; not thread-safe.
 */
public final class ReaderSession {
  private final GuardedSockets sockets;
  private final AngusProtocol protocol;
  private final Timeouts timeouts;
  private final EventListener events;
  private boolean closed;
  private int depth;

  /** An operation that may fail with Jakarta/Angus Mail's or the JDK's exceptions. */
  @FunctionalInterface
  public interface Op<T> {
    /** Runs the operation. */
    T run() throws MessagingException, ProtocolException, IOException;
  }

  /** A session over {@code sockets} speaking {@code protocol}. */
  public ReaderSession(
      GuardedSockets sockets, AngusProtocol protocol, Timeouts timeouts, EventListener events) {
    this.sockets = sockets;
    this.protocol = protocol;
    this.timeouts = timeouts;
    this.events = events;
  }

  /** Returns the guarded sockets Angus talks through. */
  public GuardedSockets sockets() {
    return sockets;
  }

  /** Returns the endpoint the session talks to. */
  public Endpoint endpoint() {
    return sockets.endpoint();
  }

  /** Returns whether {@link #markClosed} was called. */
  public boolean isClosed() {
    return closed;
  }

  /** Marks the session closed: every later {@link #call} is an {@link IllegalStateException}. */
  public void markClosed() {
    closed = true;
  }

  /**
   * Runs {@code op} under the overall deadline (a nested call runs under the outer one's),
   * translating its failures; an {@link InetkitException} passes unchanged, and so does an
   * unchecked exception thrown by inetkit's own code (a programming error).
   *
   * @throws IllegalStateException when the session is closed
   */
  public <T> T call(String what, Op<T> op) throws InetkitException {
    if (closed) {
      throw new IllegalStateException("session is closed");
    }
    boolean outermost = depth++ == 0;
    if (outermost) {
      sockets.startOperation(timeouts.overall(), what);
    }
    try {
      return op.run();
    } catch (InetkitException e) {
      throw e;
    } catch (MessagingException | ProtocolException | IOException | RuntimeException e) {
      if (e instanceof RuntimeException r && !MailExceptions.fromMailLibrary(r)) {
        throw r;
      }
      throw failure(e, what);
    } finally {
      depth--;
      if (outermost) {
        sockets.endOperation();
      }
    }
  }

  /**
   * Translates a failure met while doing {@code what}, for code that must throw it as an {@link
   * IOException} from inside a stream or a callback (where {@link #call} cannot wrap it).
   */
  public InetkitException failure(Throwable e, String what) {
    return sockets.failure(e, what, protocol);
  }

  /**
   * Logs in: connects {@code store} with the credentials, then runs {@code afterConnect} (still
   * part of the login), reporting auth events; replies are bounded by {@code replyLimit} bytes
   * meanwhile (Angus holds each reply whole). A failure is translated, explained when the server
   * refused a login it would take only over TLS, and closes the store when {@code closeOnFailure}.
   */
  public void login(
      Service store,
      Credentials c,
      TlsMode tlsMode,
      long replyLimit,
      String replies,
      Op<Void> afterConnect,
      boolean closeOnFailure)
      throws InetkitException {
    Endpoint endpoint = endpoint();
    String what = "login as " + c.user();
    call(
        what,
        () -> {
          events.authStart(endpoint, c.user(), c.kind().name());
          sockets.limitReply(replyLimit, replies);
          try {
            store.connect(endpoint.host(), endpoint.port(), c.user(), c.secretAsString());
            afterConnect.run();
          } catch (MessagingException | RuntimeException e) {
            if (e instanceof RuntimeException r && !MailExceptions.fromMailLibrary(r)) {
              throw r;
            }
            InetkitException failure =
                CleartextLogins.explain(failure(e, what), tlsMode, what, endpoint);
            events.authFailed(endpoint, c.user(), failure);
            if (closeOnFailure) {
              Connectors.closeQuietly(store);
            }
            throw failure;
          }
          events.authEnd(endpoint, c.user());
          return null;
        });
  }
}
