package io.inetkit.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.inetkit.testkit.mail.SmtpSink;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Streaming: a big attachment goes out from a child JVM whose heap is 64 MiB. The size is {@code
 * -Dinetkit.test.bigAttachmentMiB} (default 1024, i.e. 1 GiB).
 */
class BigAttachmentTest {
  private static final long MIB = 1024 * 1024;

  @TempDir Path dir;

  @Test
  void sendsAnAttachmentMuchLargerThanTheHeap() throws Exception {
    long size = Long.getLong("inetkit.test.bigAttachmentMiB", 1024) * MIB;
    Path file = dir.resolve("big.bin");
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.setLength(size); // sparse: no disk space, reads as zeros
    }
    try (SmtpSink sink = SmtpSink.start()) {
      String classpath =
          System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
      Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
      Process child =
          new ProcessBuilder(
                  List.of(
                      java.toString(),
                      "-Xmx64m",
                      "-cp",
                      classpath,
                      BigAttachmentSender.class.getName(),
                      sink.host(),
                      Integer.toString(sink.port()),
                      file.toString()))
              .redirectErrorStream(true)
              .start();
      boolean done = child.waitFor(10, TimeUnit.MINUTES);
      String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!done) {
        child.destroyForcibly();
      }
      assertThat(done).as("child finished: " + output).isTrue();
      assertThat(child.exitValue()).as(output).isZero();
      assertThat(output).contains("reply=250 2.0.0 Ok: queued as 1").contains("maxHeapMiB=");
      long maxHeap = Long.parseLong(output.replaceAll("(?s).*maxHeapMiB=(\\d+).*", "$1"));
      assertThat(maxHeap).isLessThanOrEqualTo(64);

      SmtpSink.Message m = sink.waitForMessages(1, Duration.ofSeconds(5)).get(0);
      long base64 = (size + 2) / 3 * 4;
      long withLineEnds = base64 + (base64 + 75) / 76 * 2;
      assertThat(m.size()).isBetween(withLineEnds, withLineEnds + 64 * 1024);
    }
  }
}
