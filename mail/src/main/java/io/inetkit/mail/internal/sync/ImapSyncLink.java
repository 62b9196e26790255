package io.inetkit.mail.internal.sync;

import io.inetkit.core.Endpoint;
import io.inetkit.mail.internal.GuardedSockets;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Objects;
import org.eclipse.angus.mail.iap.ProtocolException;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.protocol.IMAPProtocol;

/**
 * What a sync needs from an IMAP session: its one connection (the store's, which the session's
 * selected folder has released), the socket guard, and the client's settings. Not part of the
 * public API.
 *
 * @param store the session's store
 * @param sockets the session's socket guard (deadlines, reply budgets)
 * @param endpoint the server
 * @param user the login name (part of each folder's sync id)
 * @param fetchSize bytes per partial FETCH; larger messages are fetched in pieces
 * @param maxLine the longest line the client accepts (bounds a LIST reply)
 * @param overall the deadline of each batch
 */
public record ImapSyncLink(
    IMAPStore store,
    GuardedSockets sockets,
    Endpoint endpoint,
    String user,
    int fetchSize,
    long maxLine,
    Duration overall) {

  /** Validates the components. */
  public ImapSyncLink {
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(sockets, "sockets");
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(overall, "overall");
  }

  /** Work done on the connection. */
  @FunctionalInterface
  public interface Work<T> {
    /** Runs with the connection held. */
    T run(IMAPProtocol p) throws IOException, ProtocolException;
  }

  /**
   * Runs {@code work} on the session's one connection (no second login): the caller has closed the
   * session's selected folder, so the store's connection is free.
   */
  public <T> T onConnection(Work<T> work) throws IOException, MessagingException {
    IMAPFolder root = (IMAPFolder) store.getDefaultFolder();
    try {
      @SuppressWarnings("unchecked")
      T result =
          (T)
              root.doCommand(
                  p -> {
                    try {
                      return work.run(p);
                    } catch (IOException e) {
                      throw new UncheckedIOException(e);
                    }
                  });
      return result;
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
