package io.inetkit.testkit.telnet;

import io.inetkit.testkit.host.HostProcess;
import io.inetkit.testkit.host.InetdListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Debian's inetutils-telnetd ({@code /usr/sbin/telnetd}) in front of the real {@code /bin/login}
 * and the user's login shell, on a free 127.0.0.1 port: telnetd serves one connection per process,
 * so an {@link InetdListener} (socat) accepts and runs {@code telnetd -h -n} for each, as inetd
 * would. Log in as a {@link io.inetkit.testkit.host.SystemUser}. Needs root. The real counterpart
 * of the embedded {@link TelnetServer}: a pty, bash with readline, bracketed paste and prompts with
 * terminal control sequences.
 *
 * <pre>{@code
 * try (SystemUser alice = SystemUser.create("alice");
 *     InetdListener telnetd = Telnetd.start(dir)) {
 *   // telnet://127.0.0.1:<telnetd.port()>, login alice.name() / alice.password()
 * }
 * }</pre>
 */
public final class Telnetd {
  /** Where Debian installs the server. */
  public static final Path EXECUTABLE = Path.of("/usr/sbin/telnetd");

  private Telnetd() {}

  /**
   * Why telnetd cannot be started here (not installed, no socat, not root), or empty.
   *
   * @return why telnetd cannot start here, or empty when it can
   */
  public static Optional<String> unavailable() {
    return HostProcess.unavailable(EXECUTABLE, "inetutils-telnetd").or(InetdListener::unavailable);
  }

  /**
   * Starts listening, with socat's log in a new folder under {@code parent}; closing the result
   * stops it and deletes the folder.
   *
   * @param parent the folder under which the log folder is made
   * @return the running listener; close it to stop
   * @throws IllegalStateException when {@link #unavailable()} says why it cannot start
   * @throws IOException when it does not come up
   */
  public static InetdListener start(Path parent) throws IOException {
    unavailable()
        .ifPresent(
            why -> {
              throw new IllegalStateException(why);
            });
    // -h: no host banner before login; -n: no TCP keep-alives (loopback)
    return InetdListener.start(
        "telnetd",
        Files.createTempDirectory(parent, "telnetd-"),
        HostProcess.freePort(),
        List.of(EXECUTABLE.toString(), "-h", "-n"),
        Optional.empty());
  }
}
