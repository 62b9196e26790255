package io.inetkit.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import io.inetkit.testkit.fault.FaultScript;
import io.inetkit.testkit.fault.FaultServer;
import io.inetkit.testkit.telnet.TelnetServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Memory stays bounded: proved in a child JVM with a 64 MiB heap. */
class TelnetBoundedMemoryTest {

  @Test
  void floodsAreReadAndRefusedWithinA64MiBHeap() throws Exception {
    try (TelnetServer telnet = TelnetServer.start();
        FaultServer flooding = FaultServer.start(FaultScript.create().endlessLine('x'))) {
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      Process child =
          new ProcessBuilder(
                  List.of(
                      java,
                      "-Xmx64m",
                      "-cp",
                      System.getProperty("java.class.path"),
                      SmallHeapTelnetMain.class.getName(),
                      String.valueOf(telnet.port()),
                      String.valueOf(flooding.port()),
                      String.valueOf(TelnetFloodTest.SIZE)))
              .redirectErrorStream(true)
              .start();
      boolean done = child.waitFor(120, TimeUnit.SECONDS);
      String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!done) {
        child.destroyForcibly();
      }
      assertThat(done).as("child finished; output: %s", output).isTrue();
      assertThat(child.exitValue()).as(output).isZero();
      assertThat(output).contains("OK read=" + TelnetFloodTest.SIZE + " flood=limit 8388608");
    }
  }
}
