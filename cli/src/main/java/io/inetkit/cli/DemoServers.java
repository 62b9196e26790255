package io.inetkit.cli;

import io.inetkit.core.Credentials;
import io.inetkit.core.Endpoint;
import io.inetkit.core.Trust;
import io.inetkit.testkit.InetkitServers;
import io.inetkit.testkit.InetkitServers.Listener;
import io.inetkit.testkit.ftp.FtpUser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The embedded servers {@code inetkit demo} talks to: testkit's {@link InetkitServers}, all six
 * protocols on 127.0.0.1 and free ports, started in parallel, every TLS certificate signed by one
 * fresh test CA. Clients trust only that CA's file, exactly as {@code --cacert} does.
 *
 * <pre>{@code
 * try (DemoServers servers = DemoServers.start()) {
 *   SmtpClient.builder().endpoint(servers.endpoint(Listener.SMTP_STARTTLS))
 *       .trust(servers.trust()).credentials(DemoServers.ALICE.credentials()) ...
 * }
 * }</pre>
 */
final class DemoServers implements AutoCloseable {

  /** A demo account: mail address, login, and a password that exists only in this process. */
  record Account(String address, String login, String password) {
    static Account of(FtpUser user) {
      return new Account(InetkitServers.email(user.name()), user.name(), user.password());
    }

    Credentials credentials() {
      return Credentials.password(login, password.toCharArray());
    }

    @Override
    public String toString() {
      return login;
    }
  }

  /** Sends the mail and owns the FTP and Telnet accounts. */
  static final Account ALICE = Account.of(InetkitServers.ALICE);

  /** Receives the mail. */
  static final Account BOB = Account.of(InetkitServers.BOB);

  private static final String GOPHER_ABOUT =
      "Welcome to the inetkit demo Gopher server.\n"
          + "inetkit speaks SMTP, IMAP, POP3, FTP/FTPS, Gopher and Telnet from one library.\n";

  private final InetkitServers servers;

  private DemoServers(InetkitServers servers) {
    this.servers = servers;
  }

  /** Starts every server and puts a few documents on the Gopher server. */
  static DemoServers start() throws IOException {
    InetkitServers servers = InetkitServers.start();
    try {
      Path files = servers.files();
      Files.writeString(files.resolve("about.txt"), GOPHER_ABOUT, StandardCharsets.UTF_8);
      Path protocols = Files.createDirectories(files.resolve("protocols"));
      Files.writeString(
          protocols.resolve("rfc1436.txt"),
          "RFC 1436: The Internet Gopher Protocol (March 1993)\n");
      Files.writeString(
          protocols.resolve("rfc5321.txt"),
          "RFC 5321: Simple Mail Transfer Protocol (October 2008)\n");
    } catch (IOException | RuntimeException e) {
      servers.close();
      throw e;
    }
    return new DemoServers(servers);
  }

  /** {@return the trust every demo client uses: only the demo CA file, host names checked} */
  Trust trust() {
    return Trust.fromFile(servers.caPemFile());
  }

  /** {@return the demo CA certificate file (what {@code --cacert} would name)} */
  Path caFile() {
    return servers.caPemFile();
  }

  /** {@return the address of a listener} */
  Endpoint endpoint(Listener listener) {
    return Endpoint.of(servers.host(), servers.port(listener));
  }

  /** {@return the URL of a Gopher item, e.g. {@code gopher("1/")}} */
  String gopher(String typeAndSelector) {
    return servers.gopher().url(typeAndSelector);
  }

  /** {@return one line naming the listeners the demo uses, for its header} */
  String describe() {
    StringBuilder sb = new StringBuilder();
    for (Listener l :
        new Listener[] {
          Listener.SMTP_STARTTLS,
          Listener.IMAPS,
          Listener.POP3S,
          Listener.FTP,
          Listener.GOPHER,
          Listener.TELNET
        }) {
      sb.append(sb.length() == 0 ? "" : ", ").append(l.id()).append(" :").append(servers.port(l));
    }
    return sb.toString();
  }

  /** Stops one protocol's server early (tests: the steps against it must then fail). */
  void stop(InetkitServers.Service service) {
    AutoCloseable server =
        switch (service) {
          case SMTP, IMAP, POP3 -> servers.mail();
          case FTP -> servers.ftp();
          case TELNET -> servers.telnet();
          case GOPHER -> servers.gopher();
        };
    try {
      server.close();
    } catch (Exception e) {
      throw new UncheckedIOException(new IOException("cannot stop " + service, e));
    }
  }

  /** Stops every server. */
  @Override
  public void close() {
    servers.close();
  }
}
