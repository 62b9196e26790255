package io.inetkit.cli;

import io.inetkit.core.Credentials;
import io.inetkit.core.Endpoint;
import io.inetkit.core.Trust;
import io.inetkit.testkit.ftp.FtpServer;
import io.inetkit.testkit.gopher.GopherServer;
import io.inetkit.testkit.mail.MailProtocol;
import io.inetkit.testkit.mail.MailServer;
import io.inetkit.testkit.telnet.TelnetServer;
import io.inetkit.testkit.tls.TestPki;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The embedded servers {@code inetkit demo} talks to, all on 127.0.0.1 and free ports: mail
 * (SMTP with STARTTLS, IMAPS, POP3S), FTP with explicit FTPS, Gopher and Telnet. One fresh
 * {@link TestPki} signs every TLS certificate; clients trust only its CA file, exactly as {@code
 * --cacert} does.
 *
 * <pre>{@code
 * try (DemoServers servers = DemoServers.start()) {
 *   SmtpClient.builder().endpoint(servers.endpoint(MailProtocol.SMTP_STARTTLS))
 *       .trust(servers.trust()).credentials(DemoServers.ALICE.credentials()) ...
 * }
 * }</pre>
 */
final class DemoServers implements AutoCloseable {

  /** A demo account: mail address, login, and a password that exists only in this process. */
  record Account(String address, String login, String password) {
    Credentials credentials() {
      return Credentials.password(login, password.toCharArray());
    }

    @Override
    public String toString() {
      return login;
    }
  }

  /** Sends the mail and owns the FTP and Telnet accounts. */
  static final Account ALICE =
      new Account("alice@example.org", FtpServer.DEFAULT_WRITER.name(), FtpServer.DEFAULT_WRITER.password());

  /** Receives the mail. */
  static final Account BOB = new Account("bob@example.org", "bob", "bob-pw");

  private final List<AutoCloseable> started = new ArrayList<>();
  private final TestPki pki;
  private MailServer mail;
  private FtpServer ftp;
  private GopherServer gopher;
  private TelnetServer telnet;

  private DemoServers(TestPki pki) {
    this.pki = pki;
  }

  /** Starts every server; on failure, stops those already started. */
  static DemoServers start() throws IOException {
    DemoServers s = new DemoServers(TestPki.create());
    try {
      s.mail =
          s.started(
              MailServer.builder()
                  .pki(s.pki)
                  .protocols(MailProtocol.SMTP_STARTTLS, MailProtocol.IMAPS, MailProtocol.POP3S)
                  .start());
      s.mail.user(ALICE.address(), ALICE.login(), ALICE.password());
      s.mail.user(BOB.address(), BOB.login(), BOB.password());
      s.ftp = s.started(FtpServer.builder().pki(s.pki).start());
      s.gopher = s.started(GopherServer.start());
      s.gopher.file("about.txt", GOPHER_ABOUT);
      s.gopher.file("protocols/rfc1436.txt", "RFC 1436: The Internet Gopher Protocol (March 1993)\n");
      s.gopher.file("protocols/rfc5321.txt", "RFC 5321: Simple Mail Transfer Protocol (October 2008)\n");
      s.telnet = s.started(TelnetServer.builder().user(ALICE.login(), ALICE.password()).start());
    } catch (IOException | RuntimeException e) {
      s.close();
      throw e;
    }
    return s;
  }

  private static final String GOPHER_ABOUT =
      "Welcome to the inetkit demo Gopher server.\n"
          + "inetkit speaks SMTP, IMAP, POP3, FTP/FTPS, Gopher and Telnet from one library.\n";

  private <T extends AutoCloseable> T started(T server) {
    started.add(server);
    return server;
  }

  /** Returns the trust every demo client uses: only the demo CA, host names checked. */
  Trust trust() {
    return Trust.fromFile(pki.caPemFile());
  }

  /** Returns the demo CA certificate file (what {@code --cacert} would name). */
  Path caFile() {
    return pki.caPemFile();
  }

  /** Returns the address of a mail listener. */
  Endpoint endpoint(MailProtocol protocol) {
    return mail.endpoint(protocol);
  }

  /** Returns the FTP listener (plain, upgraded with AUTH TLS). */
  Endpoint ftp() {
    return ftp.endpoint();
  }

  /** Returns the URL of a Gopher item, e.g. {@code gopher("1/")}. */
  String gopher(String typeAndSelector) {
    return gopher.url(typeAndSelector);
  }

  /** Returns the Telnet listener. */
  Endpoint telnet() {
    return telnet.endpoint();
  }

  /** Returns one line naming every listener, for the demo's header. */
  String describe() {
    return String.format(
        "SMTP+STARTTLS :%d, IMAPS :%d, POP3S :%d, FTP+AUTH TLS :%d, Gopher :%d, Telnet :%d",
        mail.port(MailProtocol.SMTP_STARTTLS),
        mail.port(MailProtocol.IMAPS),
        mail.port(MailProtocol.POP3S),
        ftp.port(),
        gopher.port(),
        telnet.port());
  }

  /** Stops one server early (tests: a step against it must then fail). */
  void stop(String which) throws Exception {
    AutoCloseable server =
        switch (which) {
          case "mail" -> mail;
          case "ftp" -> ftp;
          case "gopher" -> gopher;
          case "telnet" -> telnet;
          default -> throw new IllegalArgumentException(which);
        };
    server.close();
  }

  /** Stops every server that was started, newest first. */
  @Override
  public void close() {
    for (int i = started.size() - 1; i >= 0; i--) {
      try {
        started.get(i).close();
      } catch (Exception e) {
        // best effort: the demo is ending anyway
      }
    }
    started.clear();
  }
}
