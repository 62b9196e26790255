package io.inetkit.transfer.ftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Streams a large file up and down over explicit FTPS in a child JVM limited to 64 MiB of heap.
 * Size: system property {@code inetkit.ftp.largeBytes} (default 256 MiB; {@code 1073741824} for the
 * full 1 GiB run).
 */
class LargeTransferTest {
  @Test
  void largePutAndGetStreamWithSixtyFourMegabytesOfHeap() throws IOException, InterruptedException {
    long size = Long.getLong("inetkit.ftp.largeBytes", 256L << 20);
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p =
        new ProcessBuilder(
                List.of(
                    java.toString(),
                    "-Xmx64m",
                    "-cp",
                    System.getProperty("java.class.path"),
                    LargeTransferMain.class.getName(),
                    Long.toString(size)))
            .redirectErrorStream(true)
            .start();
    boolean finished = p.waitFor(10, TimeUnit.MINUTES);
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!finished) {
      p.destroyForcibly();
    }
    System.out.println(output);
    assertThat(finished).as("child finished").isTrue();
    assertThat(p.exitValue()).as(output).isZero();
    assertThat(output).contains("OK " + size + " bytes, max heap");
  }
}
