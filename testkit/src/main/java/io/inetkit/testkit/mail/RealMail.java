package io.inetkit.testkit.mail;

import io.inetkit.core.Trust;
import io.inetkit.testkit.host.HostProcess;
import io.inetkit.testkit.host.SystemAccounts;
import io.inetkit.testkit.tls.RealServerPki;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The real mail servers of one test class: throwaway system users, a run's CA and certificate,
 * {@link Dovecot} (IMAP, IMAPS, POP3, POP3S) and {@link Postfix} (SMTP with STARTTLS, SMTPS,
 * submission with STARTTLS and AUTH through Dovecot) delivering into the users' Maildirs, all in
 * one temp folder. {@link #close()} stops both servers, removes the users and deletes the folder.
 *
 * <p>Needs root and Debian's {@code dovecot-imapd}, {@code dovecot-pop3d} and {@code postfix}:
 * check {@link #unavailable()} first (a test skips with that reason, a benchmark notes it).
 *
 * <pre>{@code
 * try (RealMail mail = RealMail.start(List.of("alice", "bob"))) {
 *   MailUser bob = mail.user("bob");           // bob.address() is bob@inetkit.test
 *   // send to bob through mail.port(Postfix.Listener.SUBMISSION) as alice, then
 *   mail.awaitDelivered(bob, 1);              // read it over mail.port(Dovecot.Listener.IMAPS)
 * }
 * }</pre>
 */
public final class RealMail implements AutoCloseable {
  private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(30);

  private final Path dir;
  private final Map<String, MailUser> users = new LinkedHashMap<>();

  /**
   * Stops the servers and removes the users if the JVM exits (say, a killed build) before close.
   */
  private final Thread cleanUpOnExit = new Thread(this::closeQuietly, "real-mail-cleanup");

  private boolean closed;
  private SystemAccounts accounts;
  private RealServerPki pki;
  private Dovecot dovecot;
  private Postfix postfix;

  private RealMail(Path dir) {
    this.dir = dir;
  }

  /**
   * Why the servers cannot run here (not root, Dovecot or Postfix missing), or empty.
   *
   * @return why the servers cannot run here, or empty when they can
   */
  public static Optional<String> unavailable() {
    if (!"root".equals(System.getProperty("user.name"))) {
      return Optional.of(
          "real-server tests need root (run .ci/install-real-servers, then mvn -B verify"
              + " -Preal-servers as root)");
    }
    for (Path executable : List.of(Dovecot.EXECUTABLE, Postfix.EXECUTABLE)) {
      if (!Files.isExecutable(executable)) {
        return Optional.of(executable + " is not installed (run .ci/install-real-servers as root)");
      }
    }
    return Optional.empty();
  }

  /**
   * Creates a system user and mailbox per login in {@code logins} (random passwords), then starts
   * Dovecot and Postfix.
   *
   * @param logins the login names, one mailbox each
   * @return the running servers; close them to stop them and remove the users
   * @throws IOException when a server does not come up (everything made so far is removed)
   */
  public static RealMail start(List<String> logins) throws IOException {
    return start(logins, List.of());
  }

  /**
   * Like {@link #start(List)}, with extra {@code dovecot.conf} lines ({@code
   * mail_max_userip_connections = 1}: a server that allows one session per user).
   *
   * @param logins the login names, one mailbox each
   * @param dovecotSettings extra {@code dovecot.conf} lines
   * @return the running servers; close them to stop them and remove the users
   * @throws java.io.IOException when a server does not come up (everything made so far is removed)
   */
  public static RealMail start(List<String> logins, List<String> dovecotSettings)
      throws IOException {
    Path dir = Files.createTempDirectory("inetkit-real-mail-");
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    RealMail mail = new RealMail(dir);
    try {
      mail.accounts = SystemAccounts.create(logins);
      Path homes = Files.createDirectories(dir.resolve("home"));
      for (String login : logins) {
        SystemAccounts.Account account = mail.accounts.account(login);
        Path home =
            Files.createDirectory(
                homes.resolve(login),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        HostProcess.run(List.of("chown", account.uid() + ":" + account.gid(), home.toString()));
        String password = login + "-" + HexFormat.of().formatHex(SecureRandom.getSeed(6));
        mail.users.put(login, new MailUser(login, password, account, home));
      }
      mail.pki = RealServerPki.create(dir);
      List<MailUser> all = List.copyOf(mail.users.values());
      mail.dovecot = Dovecot.start(dir, mail.pki, all, dovecotSettings);
      mail.postfix = Postfix.start(dir, mail.pki, all, mail.dovecot.authSocket());
      Runtime.getRuntime().addShutdownHook(mail.cleanUpOnExit);
      return mail;
    } catch (IOException | RuntimeException e) {
      mail.close();
      throw e;
    }
  }

  /**
   * Returns the mailbox made for {@code login}.
   *
   * @param login a login name given to {@link #start}
   * @return its mailbox
   */
  public MailUser user(String login) {
    MailUser u = users.get(login);
    if (u == null) {
      throw new NoSuchElementException("no mail user " + login + "; have " + users.keySet());
    }
    return u;
  }

  /**
   * Returns the 127.0.0.1 port of a Dovecot listener.
   *
   * @param listener the Dovecot listener
   * @return its port
   */
  public int port(Dovecot.Listener listener) {
    return dovecot.port(listener);
  }

  /**
   * Returns the 127.0.0.1 port of a Postfix listener.
   *
   * @param listener the Postfix listener
   * @return its port
   */
  public int port(Postfix.Listener listener) {
    return postfix.port(listener);
  }

  /**
   * The CA certificate (PEM) both servers' certificate comes from: {@code --cacert}.
   *
   * @return the CA certificate's PEM file
   */
  public Path caPem() {
    return pki.caPem();
  }

  /**
   * Trust in exactly the run's CA, for inetkit clients.
   *
   * @return trust in the run's CA
   */
  public Trust trust() {
    return pki.clientTrust();
  }

  /**
   * Waits until {@code user}'s Maildir holds at least {@code count} messages (in {@code new/} and
   * {@code cur/}) and returns them; Postfix delivers a moment after it accepted a message.
   *
   * @param user the mailbox to watch
   * @param count how many messages to wait for
   * @return the message files
   * @throws IOException when 30 s pass first; the message holds both servers' logs
   */
  public List<Path> awaitDelivered(MailUser user, int count) throws IOException {
    long deadline = System.nanoTime() + DELIVERY_TIMEOUT.toNanos();
    while (true) {
      List<Path> messages = messages(user);
      if (messages.size() >= count) {
        return messages;
      }
      if (System.nanoTime() > deadline) {
        throw new IOException(
            user.address()
                + " has "
                + messages.size()
                + " messages, expected "
                + count
                + " within "
                + DELIVERY_TIMEOUT.toSeconds()
                + " s:"
                + logText());
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted waiting for delivery to " + user.address(), e);
      }
    }
  }

  /**
   * Returns the messages in {@code user}'s Maildir on the server ({@code new/} and {@code cur/}).
   *
   * @param user the mailbox
   * @return the message files
   * @throws java.io.IOException when the Maildir cannot be read
   */
  public List<Path> messages(MailUser user) throws IOException {
    List<Path> found = new ArrayList<>();
    for (String sub : List.of("new", "cur")) {
      Path folder = user.maildir().resolve(sub);
      if (Files.isDirectory(folder)) {
        try (Stream<Path> files = Files.list(folder)) {
          files.filter(Files::isRegularFile).forEach(found::add);
        }
      }
    }
    return found;
  }

  /**
   * Both servers' logs so far (for failure messages).
   *
   * @return both servers' log text so far
   */
  public String logText() {
    return (postfix == null ? "" : postfix.logText()) + (dovecot == null ? "" : dovecot.logText());
  }

  private void closeQuietly() {
    try {
      close();
    } catch (IOException | RuntimeException e) {
      System.err.println("real mail servers: clean-up failed: " + e.getMessage());
    }
  }

  /** Stops Postfix and Dovecot, removes the system users and deletes the folder. */
  @Override
  public synchronized void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      Runtime.getRuntime().removeShutdownHook(cleanUpOnExit);
    } catch (IllegalStateException | IllegalArgumentException exitingOrNotRegistered) {
      // the JVM is exiting (this is the hook) or start() failed before registering it
    }
    try {
      if (postfix != null) {
        postfix.close();
      }
      if (dovecot != null) {
        dovecot.close();
      }
    } finally {
      try {
        if (accounts != null) {
          accounts.close();
        }
      } finally {
        HostProcess.deleteTree(dir);
      }
    }
  }
}
