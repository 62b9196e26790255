package io.inetkit.mail.imap.internal;

import io.inetkit.core.InetkitException;
import io.inetkit.core.NotFoundException;
import io.inetkit.core.Reply;
import io.inetkit.mail.imap.MessageRef;
import io.inetkit.mail.internal.UidSets;
import jakarta.mail.MessagingException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.angus.mail.iap.Argument;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.protocol.BASE64MailboxEncoder;

/**
 * The changing commands: UID STORE, COPY, MOVE, EXPUNGE.
 *
 * <p>Servers answer OK to UID commands whose set matches nothing, so every change first asks which
 * of the UIDs exist (one UID SEARCH UID per batch), changes exactly those, and returns how many
 * there were: a count the caller can report truthfully. None at all is a {@link NotFoundException},
 * never a silent success.
 */
public final class ImapChanges {
  private final ImapConnection conn;

  /** Changing commands on {@code conn}. */
  public ImapChanges(ImapConnection conn) {
    this.conn = conn;
  }

  /** Runs UID STORE {@code op} {@code flags} (a parenthesised list) on the messages. */
  public int store(Collection<MessageRef> refs, String op, String flags) throws InetkitException {
    return forEachBatch(
        refs,
        "UID STORE " + op + " " + flags,
        (f, set) -> conn.uidCommand(f, "UID STORE " + set + " " + op + " " + flags, null));
  }

  /** Copies the messages to {@code target} (UID COPY). */
  public int copy(Collection<MessageRef> refs, String target) throws InetkitException {
    return forEachBatch(
        refs,
        "UID COPY to " + target,
        (f, set) -> conn.uidCommand(f, "UID COPY", setAndMailbox(set, target)));
  }

  /** Moves the messages: UID MOVE, else UID COPY, {@code \Deleted} and UID EXPUNGE (UIDPLUS). */
  public int move(Collection<MessageRef> refs, String target) throws InetkitException {
    boolean move = conn.hasCapability("MOVE");
    boolean uidplus = conn.hasCapability("UIDPLUS");
    return forEachBatch(
        refs,
        "move to " + target,
        (f, set) -> {
          if (move) {
            conn.uidCommand(f, "UID MOVE", setAndMailbox(set, target));
          } else {
            conn.uidCommand(f, "UID COPY", setAndMailbox(set, target));
            deleteSet(f, set, uidplus);
          }
        });
  }

  /** Deletes the messages: {@code \Deleted}, and UID EXPUNGE of exactly these with UIDPLUS. */
  public int delete(Collection<MessageRef> refs) throws InetkitException {
    boolean uidplus = conn.hasCapability("UIDPLUS");
    return forEachBatch(refs, "delete", (f, set) -> deleteSet(f, set, uidplus));
  }

  /** Flags the UIDs {@code set} {@code \Deleted}, then expunges exactly them with UIDPLUS. */
  void deleteSet(IMAPFolder f, String set, boolean uidplus) throws MessagingException {
    conn.uidCommand(f, "UID STORE " + set + " +FLAGS.SILENT (\\Deleted)", null);
    if (uidplus) {
      conn.uidCommand(f, "UID EXPUNGE " + set, null);
    }
  }

  /** Removes every message flagged {@code \Deleted} from {@code folder} (EXPUNGE). */
  public void expunge(String folder) throws InetkitException {
    conn.call("EXPUNGE " + folder, () -> conn.uidCommand(conn.select(folder), "EXPUNGE", null));
  }

  @FunctionalInterface
  private interface BatchOp {
    void run(IMAPFolder folder, String uidSet) throws MessagingException;
  }

  /**
   * Runs {@code op} on the UIDs of {@code refs} that exist, folder by folder and batch by batch,
   * and returns how many existed; none at all is a {@link NotFoundException}.
   */
  private int forEachBatch(Collection<MessageRef> refs, String what, BatchOp op)
      throws InetkitException {
    RefsByFolder groups = RefsByFolder.of(refs);
    int affected = 0;
    for (Map.Entry<String, List<Long>> e : groups.uids().entrySet()) {
      long validity = groups.validity().get(e.getKey());
      affected +=
          conn.call(
              what,
              () -> {
                IMAPFolder f = conn.selectChecked(e.getKey(), validity);
                Set<Long> asked = new HashSet<>(e.getValue());
                int n = 0;
                for (String set : UidSets.batches(e.getValue())) {
                  List<Long> existing = existing(f, set, asked);
                  if (!existing.isEmpty()) {
                    op.run(f, UidSets.batches(existing).get(0));
                    n += existing.size();
                  }
                }
                return n;
              });
    }
    if (affected == 0 && !groups.uids().isEmpty()) {
      Map.Entry<String, List<Long>> first = groups.uids().entrySet().iterator().next();
      throw new NotFoundException(
          what,
          conn.endpoint(),
          new Reply(
              "NO",
              "no message with UID "
                  + UidSets.batches(first.getValue()).get(0)
                  + " in folder \""
                  + first.getKey()
                  + "\"",
              Reply.Kind.PERMANENT_NEGATIVE),
          null);
    }
    return affected;
  }

  /**
   * Returns the UIDs of {@code set} that exist in {@code f} (UID SEARCH UID): only UIDs that were
   * {@code asked} for, however many others a server names.
   */
  private List<Long> existing(IMAPFolder f, String set, Set<Long> asked) throws MessagingException {
    Set<Long> uids = new TreeSet<>();
    for (long uid : conn.searchUids(f, "UID SEARCH UID " + set, null)) {
      if (asked.contains(uid)) {
        uids.add(uid);
      }
    }
    return List.copyOf(uids);
  }

  private static Argument setAndMailbox(String set, String mailbox) {
    Argument args = new Argument();
    args.writeAtom(set);
    args.writeString(BASE64MailboxEncoder.encode(mailbox));
    return args;
  }
}
