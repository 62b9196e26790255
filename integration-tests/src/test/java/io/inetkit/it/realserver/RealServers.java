package io.inetkit.it.realserver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether Debian's servers can run here: the real-server tests need root (throwaway system users,
 * servers that drop privileges) and the packages that {@code .ci/install-real-servers} installs.
 * Tests call {@link #unavailable(Path...)} in an assumption, so a machine without them skips the
 * tests and says why.
 */
public final class RealServers {
  private RealServers() {}

  /**
   * Returns why the servers at {@code executables} cannot be started here (not root, not
   * installed), or empty when they can.
   */
  public static Optional<String> unavailable(Path... executables) {
    if (!"root".equals(System.getProperty("user.name"))) {
      return Optional.of("real-server tests need root (run .ci/install-real-servers, then mvn -B verify"
          + " -Preal-servers as root)");
    }
    for (Path executable : executables) {
      if (!Files.isExecutable(executable)) {
        return Optional.of(executable + " is not installed (run .ci/install-real-servers as root)");
      }
    }
    return Optional.empty();
  }
}
