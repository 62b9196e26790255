package io.inetkit.mail;

import io.inetkit.testkit.mail.MailServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A GreenMail {@link MailServer} with {@link ReadFixture#USER}, started once per test class and
 * emptied before each test.
 *
 * <pre>{@code
 * @RegisterExtension static final ReadServer mail = new ReadServer();
 * ... mail.server().deliver(ReadFixture.USER, ReadFixture.message("hi", "x"));
 * }</pre>
 */
final class ReadServer implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {
  private MailServer server;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    server = MailServer.start();
    server.user(ReadFixture.USER, ReadFixture.PASSWORD);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    server.close();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    server.purge();
  }

  /** Returns the running server. */
  MailServer server() {
    return server;
  }
}
