package io.inetkit.mail.imap.internal;

import io.inetkit.core.InetkitException;
import io.inetkit.core.ProtocolViolationException;
import io.inetkit.mail.imap.FolderInfo;
import io.inetkit.mail.imap.FolderStatus;
import io.inetkit.mail.imap.SpecialUse;
import io.inetkit.mail.internal.MailLimits;
import jakarta.mail.MessagingException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.angus.mail.iap.ProtocolException;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.protocol.IMAPProtocol;
import org.eclipse.angus.mail.imap.protocol.ListInfo;
import org.eclipse.angus.mail.imap.protocol.Status;

/** Folder commands: LIST, LSUB, STATUS, CREATE, RENAME, DELETE, SUBSCRIBE, UNSUBSCRIBE. */
public final class ImapFolders {
  private final ImapConnection conn;

  /** Folder commands on {@code conn}. */
  public ImapFolders(ImapConnection conn) {
    this.conn = conn;
  }

  /** Lists every folder (LIST "" "*") with its attributes and special use. */
  public List<FolderInfo> list() throws InetkitException {
    return conn.call(
        "LIST",
        () -> {
          List<FolderInfo> result = new ArrayList<>();
          for (ListInfo info : listInfos("LIST", p -> p.list("", "*"))) {
            Set<String> set =
                new HashSet<>(List.of(info.attrs == null ? new String[0] : info.attrs));
            SpecialUse use = SpecialUse.NONE;
            boolean selectable = true;
            for (String a : set) {
              SpecialUse u = SpecialUse.fromAttribute(a);
              if (u != SpecialUse.NONE) {
                use = u;
              }
              if (a.equalsIgnoreCase("\\Noselect") || a.equalsIgnoreCase("\\NonExistent")) {
                selectable = false;
              }
            }
            result.add(new FolderInfo(info.name, set, use, selectable));
          }
          return List.copyOf(result);
        });
  }

  /** Returns the names of the subscribed folders (LSUB). */
  public List<String> subscribed() throws InetkitException {
    return conn.call(
        "LSUB",
        () -> {
          List<String> names = new ArrayList<>();
          for (ListInfo info : listInfos("LSUB", p -> p.lsub("", "*"))) {
            names.add(info.name);
          }
          return List.copyOf(names);
        });
  }

  private ListInfo[] listInfos(String command, IMAPFolder.ProtocolCommand list)
      throws MessagingException {
    conn.sockets().limitReply(MailLimits.listReplyBytes(conn.client().maxLineLength()), command);
    ListInfo[] infos = (ListInfo[]) conn.storeCommand(list);
    return infos == null ? new ListInfo[0] : infos;
  }

  /** Returns a folder's counters (STATUS), without selecting it. */
  public FolderStatus status(String name) throws InetkitException {
    return conn.call(
        "STATUS " + name,
        () -> {
          String[] items = {"MESSAGES", "UNSEEN", "UIDNEXT", "UIDVALIDITY"};
          Status s = (Status) conn.storeCommand(p -> p.status(name, items));
          if (s == null) {
            throw new ProtocolViolationException(
                "STATUS " + name + ": the server answered OK without a STATUS response",
                conn.endpoint(),
                null);
          }
          return new FolderStatus(name, s.total, s.unseen, s.uidnext, s.uidvalidity);
        });
  }

  /** Creates a folder (CREATE). */
  public void create(String name) throws InetkitException {
    run("CREATE " + name, null, p -> p.create(name));
  }

  /** Renames a folder (RENAME); a selected folder of that name is closed first. */
  public void rename(String source, String target) throws InetkitException {
    run("RENAME " + source, source, p -> p.rename(source, target));
  }

  /** Deletes a folder (DELETE); a selected folder of that name is closed first. */
  public void delete(String name) throws InetkitException {
    run("DELETE " + name, name, p -> p.delete(name));
  }

  /** Subscribes to a folder (SUBSCRIBE). */
  public void subscribe(String name) throws InetkitException {
    run("SUBSCRIBE " + name, null, p -> p.subscribe(name));
  }

  /** Unsubscribes from a folder (UNSUBSCRIBE). */
  public void unsubscribe(String name) throws InetkitException {
    run("UNSUBSCRIBE " + name, null, p -> p.unsubscribe(name));
  }

  @FunctionalInterface
  private interface Command {
    void run(IMAPProtocol p) throws ProtocolException;
  }

  /** Runs a command without a result, first closing {@code closing} if it is selected. */
  private void run(String what, String closing, Command command) throws InetkitException {
    conn.call(
        what,
        () -> {
          if (closing != null) {
            conn.closeSelected(closing);
          }
          return conn.storeCommand(
              p -> {
                command.run(p);
                return null;
              });
        });
  }
}
