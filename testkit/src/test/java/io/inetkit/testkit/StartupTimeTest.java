package io.inetkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Measures start-up of all six servers in a fresh child JVM and prints it (no timing assertion). */
class StartupTimeTest {
  @Test
  void printsTheStartupTimeOfAllSixServersInAFreshJvm() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(
                List.of(java, "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp",
                    System.getProperty("java.class.path"), StartupTime.class.getName()))
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    System.out.println(out);
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out).containsPattern("startup cold: \\d+ ms for 14 listeners of 6 protocols")
        .containsPattern("startup warm: \\d+ ms for 14 listeners of 6 protocols");
  }
}
