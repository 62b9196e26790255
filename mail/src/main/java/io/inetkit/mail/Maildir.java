package io.inetkit.mail;

import io.inetkit.core.InetkitException;
import io.inetkit.mail.internal.MaildirFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A local Maildir ({@code tmp/}, {@code new/}, {@code cur/}) that {@link
 * io.inetkit.mail.imap.ImapSession#syncTo} and {@link io.inetkit.mail.pop3.Pop3Session#syncTo} copy
 * mail into. Every message is written to {@code tmp/} under a unique name, fsynced, and renamed
 * into {@code new/}; the sync state (which remote messages are already here) is kept in the hidden
 * {@code .inetkit-sync/} directory of the Maildir, so mail readers (mutt, Dovecot, …) see a normal
 * Maildir.
 *
 * <pre>{@code
 * Maildir inbox = Maildir.open(Path.of(System.getProperty("user.home"), "Mail", "inbox"));
 * try (Pop3Session pop3 = client.open()) {
 *   SyncResult r = pop3.syncTo(inbox, AfterDownload.DELETE_FROM_SERVER);
 * }
 * for (Path message : inbox.messages()) { ... }
 * }</pre>
 */
public final class Maildir {
  private final Path root;

  private Maildir(Path root) {
    this.root = root;
  }

  /**
   * Opens the Maildir at {@code root}, creating it (and {@code tmp}, {@code new}, {@code cur}) when
   * missing.
   *
   * @param root the Maildir's directory
   * @return the Maildir
   * @throws InetkitException when the directories cannot be created
   */
  public static Maildir open(Path root) throws InetkitException {
    Objects.requireNonNull(root, "root");
    Path absolute = root.toAbsolutePath().normalize();
    MaildirFiles.create(absolute);
    return new Maildir(absolute);
  }

  /** {@return the Maildir's directory} */
  public Path root() {
    return root;
  }

  /**
   * {@return the message files in {@code new/} and {@code cur/}, sorted by file name (which begins
   * with the delivery time)}
   *
   * @throws InetkitException when a directory cannot be listed
   */
  public List<Path> messages() throws InetkitException {
    List<Path> result = new ArrayList<>();
    for (String sub : new String[] {"new", "cur"}) {
      try (Stream<Path> files = Files.list(root.resolve(sub))) {
        files.filter(Files::isRegularFile).forEach(result::add);
      } catch (IOException e) {
        throw new InetkitException("cannot list " + root.resolve(sub) + ": " + e, null, e);
      }
    }
    result.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
    return List.copyOf(result);
  }

  @Override
  public String toString() {
    return "Maildir[" + root + "]";
  }
}
