package io.inetkit.testkit.ftp;

import io.inetkit.core.Credentials;
import io.inetkit.core.internal.Inputs;
import java.util.List;
import java.util.Objects;

/**
 * A user of the embedded {@link FtpServer}: name, password and what the user may do.
 *
 * <pre>{@code
 * FtpUser bob = new FtpUser("bob", "pw", FtpUser.Access.READ_ONLY);
 * try (FtpServer ftp = FtpServer.builder().user(bob).start()) { ... }
 * }</pre>
 *
 * @param name the login name
 * @param password the password (a throwaway test secret; {@link #toString()} still hides it)
 * @param access whether the user may change files
 */
public record FtpUser(String name, String password, Access access) {

  /**
   * The testkit's default user who may write: {@code alice} / {@code alice-secret}. {@link
   * io.inetkit.testkit.InetkitServers}, {@code inetkit serve} and {@link FtpServer#start()} all
   * start with {@link #ALICE} and {@link #BOB}.
   */
  public static final FtpUser ALICE = new FtpUser("alice", "alice-secret", Access.READ_WRITE);

  /** The testkit's default user who may only read (on FTP): {@code bob} / {@code bob-secret}. */
  public static final FtpUser BOB = new FtpUser("bob", "bob-secret", Access.READ_ONLY);

  /** The default users, {@link #ALICE} then {@link #BOB}. */
  public static final List<FtpUser> DEFAULTS = List.of(ALICE, BOB);

  /** What a user may do in the home folder. */
  public enum Access {
    /** List, download, upload, rename, delete, make folders. */
    READ_WRITE,
    /** List and download only. */
    READ_ONLY
  }

  /**
   * Validates the user.
   *
   * @param name the login name, usable as a folder name
   * @param password the password, without control characters
   * @param access whether the user may change files
   */
  public FtpUser {
    Inputs.requireToken("name", name, 64);
    if (name.contains("/") || name.contains("\\") || name.equals("..") || name.equals(".")) {
      throw new io.inetkit.core.InvalidInputException(
          "name", "not usable as a folder name: " + Inputs.quote(name));
    }
    Inputs.requireNoControl("password", password);
    Objects.requireNonNull(access, "access");
  }

  /** {@return these credentials as core {@link Credentials}, for inetkit clients} */
  public Credentials credentials() {
    return Credentials.password(name, password.toCharArray());
  }

  /** {@return {@code FtpUser[name=alice, access=READ_WRITE]}: the password is not shown} */
  @Override
  public String toString() {
    return "FtpUser[name=" + name + ", access=" + access + "]";
  }
}
