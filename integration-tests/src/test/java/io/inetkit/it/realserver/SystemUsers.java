package io.inetkit.it.realserver;

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
 * root.
 *
 * <pre>{@code
 * try (SystemUsers users = SystemUsers.create(List.of("alice", "bob"))) {
 *   SystemUsers.Account alice = users.account("alice");   // alice.uid(), alice.gid()
 * }
 * }</pre>
 */
public final class SystemUsers implements AutoCloseable {
  /** One account: its system name and numeric ids. */
  public record Account(String name, int uid, int gid) {}

  private final Map<String, Account> accounts = new LinkedHashMap<>();

  private SystemUsers() {}

  /**
   * Creates one account per short name in {@code names}.
   *
   * @throws IOException when useradd fails (the accounts made so far are removed)
   */
  public static SystemUsers create(List<String> names) throws IOException {
    String tag = HexFormat.of().formatHex(SecureRandom.getSeed(3));
    SystemUsers users = new SystemUsers();
    try {
      for (String name : names) {
        String system = "inetkit-" + tag + "-" + name;
        Commands.run(
            List.of(
                "useradd",
                "--system",
                "--no-create-home",
                "--user-group",
                "--shell",
                "/usr/sbin/nologin",
                system));
        int uid = Integer.parseInt(Commands.run(List.of("id", "-u", system)).strip());
        int gid = Integer.parseInt(Commands.run(List.of("id", "-g", system)).strip());
        users.accounts.put(name, new Account(system, uid, gid));
      }
      return users;
    } catch (IOException | RuntimeException e) {
      users.close();
      throw e;
    }
  }

  /** Returns the account made for {@code name}. */
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
        Commands.run(List.of("userdel", a.name()));
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
