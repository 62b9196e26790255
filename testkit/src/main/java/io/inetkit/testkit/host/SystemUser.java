package io.inetkit.testkit.host;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;

/**
 * A throwaway local account ({@code useradd -m}, login shell {@code /bin/bash}, a random password
 * set with {@code chpasswd}) for real servers that log system users in: vsftpd's local users,
 * {@code /bin/login} behind telnetd. {@link #close()} removes the account and its home folder
 * ({@code userdel -r}). Needs root.
 *
 * <pre>{@code
 * try (SystemUser alice = SystemUser.create("ikalice")) {
 *   // log in as alice.name() with alice.password(); files in alice.home()
 * }
 * }</pre>
 */
public final class SystemUser implements AutoCloseable {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

  private final String name;
  private final String password;
  private boolean closed;

  private SystemUser(String name, String password) {
    this.name = name;
    this.password = password;
  }

  /**
   * Why accounts cannot be made here (not root, no useradd), or empty when they can.
   *
   * @return why accounts cannot be made here, or empty when they can
   */
  public static Optional<String> unavailable() {
    return HostProcess.unavailable(Path.of("/usr/sbin/useradd"), "passwd");
  }

  /**
   * Creates an account named {@code prefix} plus four random characters (so parallel runs and
   * leftovers of a killed run never clash), with a random 16-character password.
   *
   * @param prefix the start of the account name
   * @return the new account; close it to remove it
   * @throws IOException when useradd or chpasswd fail (the message holds their output)
   */
  public static SystemUser create(String prefix) throws IOException {
    if (!prefix.matches("[a-z][a-z0-9]{0,20}")) {
      throw new IllegalArgumentException("prefix must be a short lower-case name: " + prefix);
    }
    String name = prefix + random(4);
    String password = random(16);
    HostProcess.run(List.of("useradd", "-m", "-s", "/bin/bash", name));
    SystemUser user = new SystemUser(name, password);
    try {
      Process p = new ProcessBuilder("chpasswd").redirectErrorStream(true).start();
      p.getOutputStream()
          .write(
              (name + ":" + password + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      p.getOutputStream().close();
      String out =
          new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      if (p.waitFor() != 0) {
        throw new IOException("chpasswd for " + name + " failed: " + out.strip());
      }
      return user;
    } catch (IOException | RuntimeException e) {
      user.close();
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      user.close();
      throw new IOException("interrupted while setting the password of " + name, e);
    }
  }

  private static String random(int length) {
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return sb.toString();
  }

  /** {@return the login name} */
  public String name() {
    return name;
  }

  /** {@return the password (random, letters and digits only)} */
  public String password() {
    return password;
  }

  /** {@return the home folder, owned by the user} */
  public Path home() {
    return Path.of("/home", name);
  }

  /**
   * Makes {@code path} (under {@link #home()}) belong to this user, recursively.
   *
   * @param path the file or folder to give away
   * @throws java.io.IOException when chown fails
   */
  public void own(Path path) throws IOException {
    HostProcess.run(List.of("chown", "-R", name + ":" + name, path.toString()));
  }

  /** Removes the account and its home folder ({@code userdel -r -f}). Idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      HostProcess.run(List.of("userdel", "-r", "-f", name));
    } catch (IOException e) {
      if (!e.getMessage().contains("mail spool")) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }

  @Override
  public String toString() {
    return "SystemUser[" + name + "]"; // never the password
  }
}
