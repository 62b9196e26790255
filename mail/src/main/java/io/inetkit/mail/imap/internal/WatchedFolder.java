package io.inetkit.mail.imap.internal;

import io.inetkit.core.InetkitException;
import io.inetkit.mail.imap.ImapClient;
import io.inetkit.mail.internal.AngusProtocol;
import io.inetkit.mail.internal.MailExceptions;
import jakarta.mail.MessagingException;
import jakarta.mail.event.MessageCountAdapter;
import jakarta.mail.event.MessageCountEvent;
import java.util.function.IntConsumer;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The folder an {@link io.inetkit.mail.imap.ImapWatch} selected, on its own connection: its
 * UIDVALIDITY, new UIDs, expunge notices, IDLE and NOOP. Every call but {@link #abortIdle} runs on
 * the watch's thread.
 */
public final class WatchedFolder {
  private static final Logger LOG = LoggerFactory.getLogger(WatchedFolder.class);

  private final ImapConnection conn;
  private final IMAPFolder folder;
  private final long uidValidity;
  private final long uidNext;
  private final String what;

  private WatchedFolder(
      ImapConnection conn, IMAPFolder folder, long uidValidity, long uidNext, String what) {
    this.conn = conn;
    this.what = what;
    this.folder = folder;
    this.uidValidity = uidValidity;
    this.uidNext = uidNext;
  }

  /** Selects {@code name} on {@code conn} for watching; failures name {@code what}. */
  public static WatchedFolder select(ImapConnection conn, String name, String what)
      throws InetkitException {
    return conn.call(
        what,
        () -> {
          IMAPFolder f = conn.select(name);
          return new WatchedFolder(conn, f, f.getUIDValidity(), f.getUIDNext(), what);
        });
  }

  /** Returns the folder's UIDVALIDITY when it was selected. */
  public long uidValidity() {
    return uidValidity;
  }

  /** Returns the folder's UIDNEXT when it was selected, or -1 when the server did not say. */
  public long uidNext() {
    return uidNext;
  }

  /** Calls {@code expunged} with the number of messages each EXPUNGE notice removes. */
  public void onExpunged(IntConsumer expunged) {
    folder.addMessageCountListener(
        new MessageCountAdapter() {
          @Override
          public void messagesRemoved(MessageCountEvent e) {
            expunged.accept(e.getMessages().length);
          }
        });
  }

  /** Returns the UIDs from {@code from} on (UID SEARCH UID from:*), as the server lists them. */
  public long[] uidsFrom(long from, String what) throws InetkitException {
    return conn.call(what, () -> conn.searchUids(folder, "UID SEARCH UID " + from + ":*", null));
  }

  /** Returns every UID of the folder (UID SEARCH ALL). */
  public long[] allUids() throws InetkitException {
    return conn.call("UID SEARCH ALL", () -> conn.searchUids(folder, "UID SEARCH ALL", null));
  }

  /** Sends NOOP, which lets the server report changes. */
  public void noop() throws InetkitException {
    conn.call("NOOP", () -> conn.uidCommand(folder, "NOOP", null));
  }

  /**
   * Idles (IDLE) until the server reports a change or {@link #abortIdle} ends it; no deadline
   * applies, an IDLE may legitimately last for minutes.
   */
  public void idle() throws InetkitException {
    conn.sockets().endOperation();
    try {
      folder.idle(true);
    } catch (MessagingException | RuntimeException e) {
      throw conn.failure(e, what);
    }
  }

  /** Ends a running IDLE (DONE) by using the folder from another thread, as Angus provides. */
  public void abortIdle() {
    try {
      folder.doCommand(p -> null);
    } catch (MessagingException | RuntimeException e) {
      LOG.debug("ending IDLE failed", e);
    }
  }

  /**
   * Translates what a watch of {@code client} met outside its connection's calls (an unchecked
   * exception, an IDLE that failed) with the reading side's translation, {@link MailExceptions}.
   */
  public static InetkitException translate(ImapClient client, Throwable e, String what) {
    return e instanceof InetkitException ie
        ? ie
        : MailExceptions.translateAny(
            e, what, AngusProtocol.IMAP, client.endpoint(), client.timeouts());
  }
}
