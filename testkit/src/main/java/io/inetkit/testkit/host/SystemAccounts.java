package io.inetkit.testkit.host;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Throwaway system accounts for one run, made with {@code useradd} (no home, no login shell, a
 * group of their own) and removed with {@code userdel} by {@link #close()}. Their names carry a
 * random tag ({@code inetkit-3fa9c1-alice}) so parallel runs and leftovers never collide. Needs
 * root. Unlike {@link SystemUser} (a login account with a home and a shell, for vsftpd and
 * telnetd), these are service-style accounts that own mail files a server delivers and serves.
 *
 * <pre>{@code
 * try (SystemAccounts users = SystemAccounts.create(List.of("alice", "bob"))) {
 *   SystemAccounts.Account alice = users.account("alice");   // alice.uid(), alice.gid()
 * }
 * }</pre>
 */
public final class SystemAccounts implements AutoCloseable {
  /** One account: its system name and numeric ids. */
  public record Account(String name, int uid, int gid) {}

  private final Map<String, Account> accounts = new LinkedHashMap<>();

  private SystemAccounts() {}

  /**
   * Creates one account per short name in {@code names}.
   *
   * @param names the short names
   * @return the accounts; close them to remove them
   * @throws IOException when useradd fails (the accounts made so far are removed)
   */
  public static SystemAccounts create(List<String> names) throws IOException {
    String tag = HexFormat.of().formatHex(SecureRandom.getSeed(3));
    SystemAccounts users = new SystemAccounts();
    try {
      for (String name : names) {
        String system = "inetkit-" + tag + "-" + name;
        HostProcess.run(
            List.of(
                "useradd",
                "--system",
                "--no-create-home",
                "--user-group",
                "--shell",
                "/usr/sbin/nologin",
                system));
        int uid = Integer.parseInt(HostProcess.run(List.of("id", "-u", system)).strip());
        int gid = Integer.parseInt(HostProcess.run(List.of("id", "-g", system)).strip());
        users.accounts.put(name, new Account(system, uid, gid));
      }
      return users;
    } catch (IOException | RuntimeException e) {
      users.close();
      throw e;
    }
  }

  /**
   * Returns the account made for {@code name}.
   *
   * @param name the short name given to {@link #create}
   * @return its account
   */
  public Account account(String name) {
    Account a = accounts.get(name);
    if (a == null) {
      throw new NoSuchElementException(
          "no system user for " + name + "; have " + accounts.keySet());
    }
    return a;
  }

  /** Removes every account (and its group). */
  @Override
  public void close() throws IOException {
    List<String> failures = new ArrayList<>();
    for (Account a : accounts.values()) {
      try {
        HostProcess.run(List.of("userdel", a.name()));
      } catch (IOException e) {
        failures.add(e.getMessage());
      }
    }
    accounts.clear();
    if (!failures.isEmpty()) {
      throw new IOException("could not remove system users: " + failures);
    }
  }
}
