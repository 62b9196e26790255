package io.inetkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The first start in a fresh JVM (where SLF4J and the servers' classes load), without JUnit on the
 * class path (testkit's JUnit dependency is optional: only the extension needs it): every listener
 * opens, and SLF4J prints no "replayed" warning (it did when the start threads made their first
 * loggers while SLF4J was still initialising: a race, seen in about one start in three, so the test
 * starts three fresh JVMs).
 */
class FreshJvmStartTest {
  @Test
  void allSixStartInAFreshJvmWithoutSlf4jWarnings() throws Exception {
    for (int run = 0; run < 3; run++) {
      startInAFreshJvm();
    }
  }

  private static void startInAFreshJvm() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(
                List.of(
                    java,
                    "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                    "-cp",
                    withoutJUnit(System.getProperty("java.class.path")),
                    FreshJvmStart.class.getName()))
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out).contains("started 14 listeners").doesNotContain("SLF4J");
  }

  private static String withoutJUnit(String classPath) {
    List<String> kept =
        java.util.Arrays.stream(classPath.split(java.io.File.pathSeparator))
            .filter(
                e ->
                    !e.contains("junit") && !e.contains("opentest4j") && !e.contains("apiguardian"))
            .toList();
    assertThat(kept).hasSizeLessThan(classPath.split(java.io.File.pathSeparator).length);
    return String.join(java.io.File.pathSeparator, kept);
  }
}
