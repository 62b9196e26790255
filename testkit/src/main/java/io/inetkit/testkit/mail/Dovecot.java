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
 * Debian's Dovecot 2.3 ({@code /usr/sbin/dovecot}) as its own instance: IMAP (STARTTLS), IMAPS,
 * POP3 (STARTTLS) and POP3S on free 127.0.0.1 ports, its base and state folders, log, users ({@code
 * passwd-file}, plain passwords) and configuration in a folder of its own; mail in each user's
 * {@code ~/Maildir}; and a SASL socket for Postfix's submission service ({@link #authSocket()}).
 * Started with {@code dovecot -F -c CONF}; {@link #close()} stops it and deletes its folder. Needs
 * root.
 *
 * <pre>{@code
 * try (Dovecot dovecot = Dovecot.start(dir, pki, users, List.of())) {
 *   int imaps = dovecot.port(Dovecot.Listener.IMAPS);
 * }
 * }</pre>
 */
public final class Dovecot implements AutoCloseable {
  /** Where Debian installs it. */
  public static final Path EXECUTABLE = Path.of("/usr/sbin/dovecot");

  /** The listeners, each on its own port. */
  public enum Listener {
    /** IMAP on a plain port offering STARTTLS (143-style). */
    IMAP("imap-login", "imap", false),
    /** IMAP over implicit TLS (993-style). */
    IMAPS("imap-login", "imaps", true),
    /** POP3 on a plain port offering STLS (110-style). */
    POP3("pop3-login", "pop3", false),
    /** POP3 over implicit TLS (995-style). */
    POP3S("pop3-login", "pop3s", true);

    private final String service;
    private final String name;
    private final boolean implicitTls;

    Listener(String service, String name, boolean implicitTls) {
      this.service = service;
      this.name = name;
      this.implicitTls = implicitTls;
    }
  }

  private final Path dir;
  private final ServerProcess<Listener> server;

  private Dovecot(Path dir, ServerProcess<Listener> server) {
    this.dir = dir;
    this.server = server;
  }

  /**
   * Starts Dovecot for {@code users} with its files in a new folder under {@code parent} and waits
   * until every listener accepts connections.
   *
   * @param parent the folder under which Dovecot's own folder is made
   * @param pki the certificate and key for the TLS listeners
   * @param users the mail users to serve
   * @return the running server; close it to stop it and delete its folder
   * @param settings extra {@code dovecot.conf} lines, e.g. {@code mail_max_userip_connections = 1}
   *     for a server that allows one session per user
   * @throws IOException when it does not come up; the message holds its log
   */
  public static Dovecot start(
      Path parent, RealServerPki pki, List<MailUser> users, List<String> settings)
      throws IOException {
    Path dir = Files.createTempDirectory(parent, "dovecot-");
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Map<Listener, Integer> ports = ServerProcess.freePorts(Listener.class);
    StringBuilder passwd = new StringBuilder();
    for (MailUser u : users) {
      passwd
          .append(u.login())
          .append(":{PLAIN}")
          .append(u.password())
          .append(':')
          .append(u.account().uid())
          .append(':')
          .append(u.account().gid())
          .append("::")
          .append(u.home())
          .append("::\n");
    }
    Path passwdFile = dir.resolve("passwd");
    Files.writeString(passwdFile, passwd);
    // Dovecot's auth process runs as its internal user "dovecot": readable by that group only.
    Files.setPosixFilePermissions(passwdFile, PosixFilePermissions.fromString("rw-r-----"));
    HostProcess.run(List.of("chgrp", "dovecot", passwdFile.toString()));
    Path conf = dir.resolve("dovecot.conf");
    Files.writeString(
        conf, configuration(dir, pki, passwdFile, ports) + String.join("\n", settings) + "\n");
    return new Dovecot(
        dir,
        ServerProcess.start(
            "dovecot",
            dir,
            List.of(EXECUTABLE.toString(), "-F", "-c", conf.toString()),
            List.of(),
            ports,
            List.of(dir.resolve("dovecot.log"))));
  }

  private static String configuration(
      Path dir, RealServerPki pki, Path passwd, Map<Listener, Integer> ports) {
    List<String> lines =
        new ArrayList<>(
            List.of(
                "protocols = imap pop3",
                "listen = 127.0.0.1",
                "base_dir = " + dir.resolve("run"),
                "state_dir = " + dir.resolve("state"),
                "instance_name = inetkit-" + dir.getFileName(),
                "log_path = " + dir.resolve("dovecot.log"),
                "ssl = yes",
                "ssl_cert = <" + pki.chainPem(),
                "ssl_key = <" + pki.keyPem(),
                "ssl_min_protocol = TLSv1.2",
                "auth_mechanisms = plain login",
                "first_valid_uid = 1",
                "mail_location = maildir:~/Maildir",
                "pop3_uidl_format = %08Xu%08Xv",
                "passdb {",
                "  driver = passwd-file",
                "  args = scheme=PLAIN username_format=%u " + passwd,
                "}",
                "userdb {",
                "  driver = passwd-file",
                "  args = username_format=%u " + passwd,
                "}",
                "service auth {",
                "  unix_listener " + dir.resolve("auth-postfix") + " {",
                "    mode = 0660",
                "    user = postfix",
                "    group = postfix",
                "  }",
                "}"));
    Path dh = Path.of("/usr/share/dovecot/dh.pem");
    if (Files.isReadable(dh)) {
      lines.add("ssl_dh = <" + dh);
    }
    for (String service : List.of("imap-login", "pop3-login")) {
      lines.add("service " + service + " {");
      for (Listener l : Listener.values()) {
        if (l.service.equals(service)) {
          lines.addAll(
              List.of(
                  "  inet_listener " + l.name + " {",
                  "    port = " + ports.get(l),
                  "    ssl = " + (l.implicitTls ? "yes" : "no"),
                  "  }"));
        }
      }
      lines.add("}");
    }
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
   * The SASL socket Postfix authenticates submission clients through ({@code smtpd_sasl_path}).
   *
   * @return the path of Dovecot's authentication socket
   */
  public Path authSocket() {
    return dir.resolve("auth-postfix");
  }

  /**
   * What {@code dovecot --version} prints, e.g. {@code 2.3.19.1 (9b53102964)}.
   *
   * @return Dovecot's version text
   * @throws java.io.IOException when {@code dovecot} cannot be run
   */
  public static String version() throws IOException {
    return HostProcess.run(List.of(EXECUTABLE.toString(), "--version")).strip();
  }

  /**
   * What Dovecot logged so far (for failure messages).
   *
   * @return the log text so far
   */
  public String logText() {
    return server.logText();
  }

  /** Stops Dovecot (SIGTERM to its master) and deletes its folder. */
  @Override
  public void close() {
    server.close();
  }
}
