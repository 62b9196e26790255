package io.inetkit.testkit.mail;

import io.inetkit.testkit.host.HostProcess;
import io.inetkit.testkit.host.ServerProcess;
import io.inetkit.testkit.tls.RealServerPki;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Debian's Postfix 3.7 as a separate instance ({@code postfix -c CONFDIR start-fg}): its own {@code
 * main.cf}/{@code master.cf}, queue and data folders and log in a folder of its own, listening only
 * on 127.0.0.1 free ports, and delivering mail for {@code @inetkit.test} into each {@link
 * MailUser}'s {@code ~/Maildir} as that user (Postfix's {@code virtual} agent; the same Maildir
 * Dovecot serves). {@link #close()} runs {@code postfix -c CONFDIR stop} and deletes the folder.
 * Needs root.
 *
 * <pre>{@code
 * try (Postfix postfix = Postfix.start(dir, pki, users, dovecot.authSocket())) {
 *   int submission = postfix.port(Postfix.Listener.SUBMISSION);
 * }
 * }</pre>
 */
public final class Postfix implements AutoCloseable {
  /** Where Debian installs the control command. */
  public static final Path EXECUTABLE = Path.of("/usr/sbin/postfix");

  /** The SMTP services, each on its own port. */
  public enum Listener {
    /**
     * An MX-style port (25-style): STARTTLS offered, not required; no AUTH; local delivery only.
     */
    SMTP(List.of()),
    /** Implicit TLS (465-style, {@code smtpd_tls_wrappermode}); AUTH offered. */
    SMTPS(List.of("smtpd_tls_wrappermode=yes", "smtpd_sasl_auth_enable=yes")),
    /** Submission (587-style): STARTTLS required, then AUTH required before any mail. */
    SUBMISSION(
        List.of(
            "smtpd_tls_security_level=encrypt",
            "smtpd_sasl_auth_enable=yes",
            "smtpd_tls_auth_only=yes",
            "smtpd_client_restrictions=permit_sasl_authenticated,reject"));

    private final List<String> options;

    Listener(List<String> options) {
      this.options = options;
    }
  }

  /** Postfix's own services, none of them chrooted (the queue is a temp folder). */
  private static final List<String> SERVICES =
      List.of(
          "pickup unix n - n 60 1 pickup",
          "cleanup unix n - n - 0 cleanup",
          "qmgr unix n - n 300 1 qmgr",
          "tlsmgr unix - - n 1000? 1 tlsmgr",
          "rewrite unix - - n - - trivial-rewrite",
          "bounce unix - - n - 0 bounce",
          "defer unix - - n - 0 bounce",
          "trace unix - - n - 0 bounce",
          "verify unix - - n - 1 verify",
          "flush unix n - n 1000? 0 flush",
          "proxymap unix - - n - - proxymap",
          "smtp unix - - n - - smtp",
          "relay unix - - n - - smtp",
          "showq unix n - n - - showq",
          "error unix - - n - - error",
          "retry unix - - n - - error",
          "discard unix - - n - - discard",
          "local unix - n n - - local",
          "virtual unix - n n - - virtual",
          "anvil unix - - n - 1 anvil",
          "scache unix - - n - 1 scache",
          "postlog unix-dgram n - n - 1 postlogd");

  private final ServerProcess<Listener> server;

  private Postfix(ServerProcess<Listener> server) {
    this.server = server;
  }

  /**
   * Starts Postfix delivering to {@code users}, authenticating submission clients through Dovecot's
   * {@code saslSocket}, and waits until every listener accepts connections.
   *
   * @param parent the folder under which Postfix's own folder is made
   * @param pki the certificate and key for the TLS listeners
   * @param users the mail users to deliver to
   * @param saslSocket Dovecot's authentication socket
   * @return the running server; close it to stop it and delete its folder
   * @throws IOException when it does not come up; the message holds its log
   */
  public static Postfix start(Path parent, RealServerPki pki, List<MailUser> users, Path saslSocket)
      throws IOException {
    Path dir = Files.createTempDirectory(parent, "postfix-");
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path conf = Files.createDirectories(dir.resolve("conf"));
    Files.createDirectories(dir.resolve("queue"));
    Path data = Files.createDirectories(dir.resolve("data"));
    HostProcess.run(List.of("chown", "postfix", data.toString()));
    Map<Listener, Integer> ports = ServerProcess.freePorts(Listener.class);
    StringBuilder mailboxes = new StringBuilder();
    StringBuilder uids = new StringBuilder();
    StringBuilder gids = new StringBuilder();
    Path base = users.isEmpty() ? dir : users.get(0).home().getParent();
    for (MailUser u : users) {
      if (!u.home().getParent().equals(base)) {
        throw new IllegalArgumentException("all homes must share one parent folder: " + users);
      }
      mailboxes.append(u.address()).append(' ').append(u.login()).append("/Maildir/\n");
      uids.append(u.address()).append(' ').append(u.account().uid()).append('\n');
      gids.append(u.address()).append(' ').append(u.account().gid()).append('\n');
    }
    Files.writeString(conf.resolve("vmailbox"), mailboxes);
    Files.writeString(conf.resolve("vuids"), uids);
    Files.writeString(conf.resolve("vgids"), gids);
    Files.writeString(conf.resolve("main.cf"), mainCf(dir, pki, base, saslSocket));
    Files.writeString(conf.resolve("master.cf"), masterCf(ports));
    // `postfix check` creates the queue folders with Postfix's owners and modes.
    try {
      HostProcess.run(List.of(EXECUTABLE.toString(), "-c", conf.toString(), "check"));
    } catch (IOException e) {
      String log = HostProcess.logs(List.of(dir.resolve("postfix.log")));
      HostProcess.deleteTree(dir);
      throw new IOException(e.getMessage() + log, e);
    }
    // start-fg keeps the master process in the foreground; `postfix stop` ends it.
    return new Postfix(
        ServerProcess.start(
            "postfix",
            dir,
            List.of(EXECUTABLE.toString(), "-c", conf.toString(), "start-fg"),
            List.of(EXECUTABLE.toString(), "-c", conf.toString(), "stop"),
            ports,
            List.of(dir.resolve("postfix.log"))));
  }

  private static String mainCf(Path dir, RealServerPki pki, Path base, Path saslSocket) {
    Path conf = dir.resolve("conf");
    return String.join(
            "\n",
            List.of(
                "compatibility_level = 3.6",
                "queue_directory = " + dir.resolve("queue"),
                "data_directory = " + dir.resolve("data"),
                "mail_owner = postfix",
                "setgid_group = postdrop",
                "myhostname = localhost",
                "mydomain = localdomain",
                "myorigin = localhost",
                "mydestination =",
                "inet_interfaces = 127.0.0.1",
                "inet_protocols = ipv4",
                "mynetworks = 127.0.0.0/8",
                "relayhost =",
                "alias_maps =",
                "alias_database =",
                "local_recipient_maps =",
                "biff = no",
                "virtual_mailbox_domains = " + MailUser.DOMAIN,
                "virtual_mailbox_base = " + base,
                "virtual_mailbox_maps = texthash:" + conf.resolve("vmailbox"),
                "virtual_uid_maps = texthash:" + conf.resolve("vuids"),
                "virtual_gid_maps = texthash:" + conf.resolve("vgids"),
                "virtual_minimum_uid = 1",
                "smtpd_tls_cert_file = " + pki.chainPem(),
                "smtpd_tls_key_file = " + pki.keyPem(),
                "smtpd_tls_security_level = may",
                "smtpd_tls_loglevel = 1",
                "smtpd_sasl_type = dovecot",
                "smtpd_sasl_path = " + saslSocket,
                "smtpd_sasl_auth_enable = no",
                "smtpd_relay_restrictions = permit_mynetworks, permit_sasl_authenticated, reject_unauth_destination",
                "maillog_file = " + dir.resolve("postfix.log"),
                "maillog_file_prefixes = " + dir))
        + "\n";
  }

  private static String masterCf(Map<Listener, Integer> ports) {
    List<String> lines = new ArrayList<>();
    for (Listener l : Listener.values()) {
      StringBuilder line = new StringBuilder("127.0.0.1:" + ports.get(l) + " inet n - n - - smtpd");
      l.options.forEach(o -> line.append(" -o ").append(o));
      lines.add(line.toString());
    }
    lines.addAll(SERVICES);
    return String.join("\n", lines) + "\n";
  }

  /**
   * Returns the 127.0.0.1 port of {@code listener}.
   *
   * @param listener the listener
   * @return its port
   */
  public int port(Listener listener) {
    return server.port(listener);
  }

  /**
   * What {@code postconf -d mail_version} says, e.g. {@code 3.7.11}.
   *
   * @return Postfix's version text
   * @throws java.io.IOException when {@code postconf} cannot be run
   */
  public static String version() throws IOException {
    return HostProcess.run(List.of("postconf", "-d", "-h", "mail_version")).strip();
  }

  /**
   * What Postfix logged so far (for failure messages).
   *
   * @return the log text so far
   */
  public String logText() {
    return server.logText();
  }

  /** Stops Postfix ({@code postfix stop}) and deletes its folder. */
  @Override
  public void close() {
    server.close();
  }
}
