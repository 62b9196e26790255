package io.inetkit.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What the real-server interop tests ({@code @Tag("real-server")}, run with {@code -Preal-servers}
 * as root after {@code .ci/install-real-servers}) share: skipping with the reason when a server
 * cannot run here, test data, and comparing folder trees byte for byte.
 */
final class RealServers {
  private RealServers() {}

  /** Skips the test class (or test) with {@code why} when it is present. */
  static void assumeAvailable(Optional<String> why) {
    assumeTrue(why.isEmpty(), () -> "real server unavailable: " + why.orElse(""));
  }

  /** Returns {@code size} reproducible random bytes. */
  static byte[] bytes(int size, long seed) {
    byte[] data = new byte[size];
    new Random(seed).nextBytes(data);
    return data;
  }

  /** Writes a small tree under {@code dir}: two files at the top, one in a sub-folder. */
  static Path tree(Path dir) throws IOException {
    Files.createDirectories(dir.resolve("sub"));
    Files.write(dir.resolve("a.bin"), bytes(300_000, 1));
    Files.writeString(dir.resolve("b.txt"), "bee\n");
    Files.write(dir.resolve("sub/c.bin"), bytes(70_000, 2));
    return dir;
  }

  /** Asserts that both trees hold the same relative paths with the same bytes. */
  static void assertSameTree(Path expected, Path actual) throws IOException {
    assertThat(contents(actual)).isEqualTo(contents(expected));
  }

  private static Map<String, String> contents(Path dir) throws IOException {
    Map<String, String> map = new TreeMap<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        map.put(
            dir.relativize(p).toString(),
            java.util.HexFormat.of()
                .formatHex(
                    java.security.MessageDigest.getInstance("SHA-256")
                        .digest(Files.readAllBytes(p))));
      }
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    return map;
  }
}
