package io.inetkit.testkit.mail;

import io.inetkit.testkit.host.SystemAccounts;
import java.nio.file.Path;

/**
 * A mailbox on the real mail servers: the login Dovecot and Postfix's submission accept, its
 * password, the throwaway system account that owns the files, and the home folder whose {@code
 * Maildir} Postfix delivers into and Dovecot serves.
 *
 * @param login the IMAP/POP3/SMTP AUTH user name, also the local part of {@link #address()}
 * @param password the password (generated per run)
 * @param account the system account owning {@link #home()}
 * @param home the home folder (mode 0700)
 */
public record MailUser(String login, String password, SystemAccounts.Account account, Path home) {
  /** The mail domain Postfix delivers locally. */
  public static final String DOMAIN = "inetkit.test";

  /** {@return {@code login@inetkit.test}} */
  public String address() {
    return login + "@" + DOMAIN;
  }

  /** {@return the user's Maildir (created by Postfix's first delivery)} */
  public Path maildir() {
    return home.resolve("Maildir");
  }

  /** Never shows the password. */
  @Override
  public String toString() {
    return "MailUser[" + login + ", " + account.name() + "]";
  }
}
