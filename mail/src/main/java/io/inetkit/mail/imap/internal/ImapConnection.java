package io.inetkit.mail.imap.internal;

import io.inetkit.core.Endpoint;
import io.inetkit.core.InetkitException;
import io.inetkit.core.NotFoundException;
import io.inetkit.core.Reply;
import io.inetkit.mail.imap.ImapClient;
import io.inetkit.mail.imap.UidValidityException;
import io.inetkit.mail.internal.AngusProtocol;
import io.inetkit.mail.internal.CleartextLogins;
import io.inetkit.mail.internal.GuardedSockets;
import io.inetkit.mail.internal.MailLimits;
import io.inetkit.mail.internal.ReaderSession;
import io.inetkit.mail.internal.StrictImapCommand;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.io.Closeable;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.angus.mail.iap.Argument;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.IMAPProtocol;
import org.eclipse.angus.mail.imap.protocol.IMAPResponse;
import org.eclipse.angus.mail.imap.protocol.UID;

/**
 * One logged-in IMAP connection through Angus Mail's {@link IMAPStore}: the command layer under
 * {@link io.inetkit.mail.imap.ImapSession}. It selects folders, sends raw commands on the selected
 * folder's connection (one session is one connection) and runs every operation through the reading
 * side's one boundary ({@link ReaderSession#call}).
 */
public final class ImapConnection implements Closeable {
  private final ImapClient client;
  private final ReaderSession reader;
  private final IMAPStore store;
  private IMAPFolder selected;

  private ImapConnection(ImapClient client, ReaderSession reader, IMAPStore store) {
    this.client = client;
    this.reader = reader;
    this.store = store;
  }

  /** Connects and logs in as {@code client} says. */
  public static ImapConnection open(ImapClient client) throws InetkitException {
    Endpoint endpoint = client.endpoint();
    long maxLiteral = Math.max(client.fetchSize(), ImapClient.DEFAULT_MAX_LINE) + 64 * 1024;
    GuardedSockets sockets =
        new GuardedSockets(
            endpoint,
            client.tlsMode(),
            client.trust(),
            client.timeouts(),
            client.eventListener(),
            MailLimits.imap(client.maxLineLength(), maxLiteral, client.maxMessages()),
            client.proxy());
    Properties props = sockets.properties(AngusProtocol.IMAP, client.credentials());
    // Downloads use partial FETCH of fetchSize bytes: never a whole message in one literal.
    props.setProperty("mail.imap.partialfetch", "true");
    props.setProperty("mail.imap.fetchsize", Integer.toString(client.fetchSize()));
    props.setProperty("mail.imap.peek", "true");
    CleartextLogins.apply(
        props,
        AngusProtocol.IMAP,
        client.tlsMode(),
        client.plaintextLogin(),
        client.credentials(),
        endpoint);
    IMAPStore store;
    try {
      store = (IMAPStore) Session.getInstance(props).getStore("imap");
    } catch (MessagingException e) {
      throw new IllegalStateException("Angus Mail IMAP provider missing", e);
    }
    ReaderSession reader =
        new ReaderSession(sockets, AngusProtocol.IMAP, client.timeouts(), client.eventListener());
    // Angus holds each reply whole (a multi-line CAPABILITY, untagged lines): bound them all
    reader.login(
        store,
        client.credentials(),
        client.tlsMode(),
        MailLimits.loginReplyBytes(client.maxLineLength()),
        "the greeting, CAPABILITY and login",
        () -> null,
        false);
    return new ImapConnection(client, reader, store);
  }

  /** Runs {@code op} at the reading side's one boundary; see {@link ReaderSession#call}. */
  public <T> T call(String what, ReaderSession.Op<T> op) throws InetkitException {
    return reader.call(what, op);
  }

  /** Translates a failure met inside a stream or callback; see {@link ReaderSession#failure}. */
  public InetkitException failure(Throwable e, String what) {
    return reader.failure(e, what);
  }

  /** Returns the client this connection was opened from. */
  public ImapClient client() {
    return client;
  }

  /** Returns the server's endpoint. */
  public Endpoint endpoint() {
    return client.endpoint();
  }

  /** Returns the guarded sockets under the connection. */
  public GuardedSockets sockets() {
    return reader.sockets();
  }

  /** Returns the server's capabilities (CAPABILITY), upper-case. */
  public Set<String> capabilities() throws InetkitException {
    return call(
        "CAPABILITY",
        () -> {
          @SuppressWarnings("unchecked")
          Map<String, String> caps =
              (Map<String, String>) storeCommand(IMAPProtocol::getCapabilities);
          Set<String> result = new TreeSet<>();
          caps.keySet().forEach(k -> result.add(k.toUpperCase(Locale.ROOT)));
          result.remove("__PRELOGIN__");
          return Set.copyOf(result);
        });
  }

  /** Returns whether the server announced {@code capability} (upper-case). */
  public boolean hasCapability(String capability) throws InetkitException {
    return capabilities().contains(capability);
  }

  /**
   * Sends one command on the selected folder's connection; untagged responses other than FETCH go
   * to Angus's handlers (EXISTS, EXPUNGE keep its state right), a NO/BAD becomes an exception, and
   * so does a malformed response (see {@link StrictImapCommand}).
   */
  public Response[] uidCommand(IMAPFolder f, String command, Argument args)
      throws MessagingException {
    return (Response[])
        f.doCommand(
            p -> {
              Response[] r = StrictImapCommand.send(p, command, args);
              p.handleResult(r[r.length - 1]);
              return r;
            });
  }

  /**
   * Sends one command on the selected folder's connection like {@link #uidCommand}, but hands each
   * FETCH response to {@code handler} as it arrives, so memory holds one response however many come
   * (see {@link StrictImapCommand#stream}).
   */
  public void uidStream(IMAPFolder f, String command, StrictImapCommand.Handler handler)
      throws MessagingException {
    f.doCommand(
        p -> {
          p.handleResult(StrictImapCommand.stream(p, command, null, Set.of(), handler));
          return null;
        });
  }

  /** Returns the UIDs of the SEARCH responses of {@code command}, in the server's order. */
  public long[] searchUids(IMAPFolder f, String command, Argument args) throws MessagingException {
    long[] uids = new long[16];
    int n = 0;
    for (Response r : uidCommand(f, command, args)) {
      if (r instanceof IMAPResponse ir && ir.keyEquals("SEARCH")) {
        long uid;
        while ((uid = ir.readLong()) > 0) {
          if (n == uids.length) {
            uids = java.util.Arrays.copyOf(uids, n * 2);
          }
          uids[n++] = uid;
        }
      }
    }
    return java.util.Arrays.copyOf(uids, n);
  }

  /** Returns whether {@code fr} is the FETCH response of message {@code uid}. */
  public static boolean matches(FetchResponse fr, long uid) {
    UID u = fr.getItem(UID.class);
    return u != null && u.uid == uid;
  }

  /**
   * Runs a command that needs no selected folder (CAPABILITY, LIST, STATUS, CREATE, APPEND, …) on
   * the selected folder's connection when there is one, else on the store's: Angus would otherwise
   * open a second connection for the store while a folder holds the first, which servers that allow
   * one session per user refuse. One session is one connection.
   */
  public Object storeCommand(IMAPFolder.ProtocolCommand command) throws MessagingException {
    IMAPFolder f =
        selected != null && selected.isOpen() ? selected : (IMAPFolder) store.getDefaultFolder();
    return f.doCommand(command);
  }

  /** Selects {@code name} (read-write) unless it is selected already. */
  public IMAPFolder select(String name) throws MessagingException {
    if (selected != null && selected.isOpen() && selected.getFullName().equals(name)) {
      return selected;
    }
    closeSelected();
    IMAPFolder f = (IMAPFolder) store.getFolder(name);
    f.open(Folder.READ_WRITE);
    selected = f;
    return f;
  }

  /** Selects {@code name} and checks that its UIDVALIDITY is still {@code uidValidity}. */
  public IMAPFolder selectChecked(String name, long uidValidity)
      throws MessagingException, InetkitException {
    IMAPFolder f = select(name);
    long actual = f.getUIDValidity();
    if (actual != uidValidity) {
      throw new UidValidityException(name, uidValidity, actual, endpoint());
    }
    return f;
  }

  /** Closes the selected folder if it is {@code name} (before renaming or deleting it). */
  public void closeSelected(String name) throws MessagingException {
    if (selected != null && selected.getFullName().equals(name)) {
      closeSelected();
    }
  }

  /** Closes the selected folder, if any (before a sync, which runs on the store's connection). */
  public void closeSelected() throws MessagingException {
    if (selected != null) {
      IMAPFolder f = selected;
      selected = null;
      if (f.isOpen()) {
        f.close(false);
      }
    }
  }

  /** {@return the Angus store this connection is, for the internal sync engine} */
  public IMAPStore store() {
    return store;
  }

  /** The failure for a message that does not exist (any more). */
  public NotFoundException gone(String folder, long uid) {
    return new NotFoundException(
        "UID FETCH " + uid,
        endpoint(),
        new Reply(
            "NO",
            "no message with UID " + uid + " in folder \"" + folder + "\"",
            Reply.Kind.PERMANENT_NEGATIVE),
        null);
  }

  /** Logs out (LOGOUT). Idempotent; never throws for a dead connection. */
  @Override
  public void close() {
    if (reader.isClosed()) {
      return;
    }
    reader.markClosed();
    GuardedSockets sockets = reader.sockets();
    sockets.startOperation(client.timeouts().read(), "LOGOUT");
    try {
      closeSelected();
      store.close();
    } catch (MessagingException | RuntimeException ignored) {
      // the connection is going away either way
    } finally {
      sockets.endOperation();
      sockets.close();
      client.eventListener().closed(endpoint());
    }
  }
}
