package io.inetkit.cli.mail;

import io.inetkit.cli.CliRun;
import io.inetkit.testkit.mail.MailProtocol;
import io.inetkit.testkit.mail.MailServer;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A GreenMail {@link MailServer} for CLI tests, started once per test class and emptied before each
 * test, with user {@code alice} (password {@code alice-pw}) and helpers for the command line.
 *
 * <pre>{@code
 * @RegisterExtension static final MailCliServer mail = new MailCliServer();
 * CliRun cli = mail.cli(dir);
 * cli.run(mail.withCa("mail", "folders", "list", mail.url(MailProtocol.IMAPS)));
 * }</pre>
 */
final class MailCliServer implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {
  static final String PASSWORD = "alice-pw";
  private MailServer server;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    server = MailServer.start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    server.close();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    server.purge();
    server.user("alice@example.org", "alice", PASSWORD);
  }

  /** Returns the running server. */
  MailServer server() {
    return server;
  }

  /** Returns alice's URL for {@code protocol}, without a path. */
  String url(MailProtocol protocol) {
    return server.url(protocol, "alice");
  }

  /** Returns a command line whose password source is {@code INETKIT_PASSWORD}. */
  CliRun cli(Path home) {
    return new CliRun(home).variable("INETKIT_PASSWORD", PASSWORD);
  }

  /** Returns {@code args} followed by {@code --cacert} with the server's CA. */
  String[] withCa(String... args) {
    return Stream.concat(
            Stream.of(args), Stream.of("--cacert", server.pki().caPemFile().toString()))
        .toArray(String[]::new);
  }
}
