package io.inetkit.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a child process to completion, timing it and polling its peak resident set size ({@code
 * VmHWM} in {@code /proc/<pid>/status}) while it lives.
 */
public final class ChildProcess {

  private static final long POLL_MILLIS = 5;

  private ChildProcess() {}

  /**
   * What a finished child did.
   *
   * @param exitCode the exit status
   * @param stdout everything it wrote to standard output
   * @param stderr everything it wrote to standard error
   * @param wall from start to exit
   * @param peakRss the largest VmHWM seen, in bytes (-1 when none was seen)
   */
  public record Result(int exitCode, String stdout, String stderr, Duration wall, long peakRss) {

    /** Returns the peak RSS as a {@link Memory}. */
    public Memory memory() {
      return peakRss < 0 ? Memory.UNKNOWN : new Memory(peakRss, Memory.Kind.RSS);
    }

    /** Throws unless the child exited with status 0. */
    public Result requireSuccess(List<String> command) throws IOException {
      if (exitCode != 0) {
        String err = stderr.isBlank() ? stdout : stderr;
        throw new IOException(
            "exit " + exitCode + " from " + String.join(" ", command) + ": " + tail(err.strip()));
      }
      return this;
    }
  }

  /** Runs {@code command} in {@code dir}, killing it after {@code timeout}. */
  public static Result run(List<String> command, Path dir, Duration timeout) throws IOException {
    Path out = Files.createTempFile(dir, "stdout", ".txt");
    Path err = Files.createTempFile(dir, "stderr", ".txt");
    try {
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(dir.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
              .redirectOutput(out.toFile())
              .redirectError(err.toFile());
      long start = System.nanoTime();
      Process process = builder.start();
      Path status = Path.of("/proc", Long.toString(process.pid()), "status");
      long peak = -1;
      try {
        while (!process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
          peak = Math.max(peak, vmHwm(status));
          if (System.nanoTime() - start > timeout.toNanos()) {
            process.destroyForcibly();
            process.waitFor();
            throw new IOException("timed out after " + timeout + ": " + String.join(" ", command));
          }
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
        throw new IOException("interrupted: " + String.join(" ", command), e);
      }
      Duration wall = Duration.ofNanos(System.nanoTime() - start);
      return new Result(
          process.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8),
          wall,
          peak);
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  /** Returns VmHWM in bytes from a /proc status file, or -1 when the process is gone. */
  static long vmHwm(Path status) {
    try {
      for (String line : Files.readAllLines(status, StandardCharsets.US_ASCII)) {
        if (line.startsWith("VmHWM:")) {
          String kb = line.substring(6).replace("kB", "").strip();
          return Long.parseLong(kb) * 1024L;
        }
      }
    } catch (NoSuchFileException e) {
      return -1;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }

  private static String tail(String s) {
    return s.length() <= 400 ? s : "..." + s.substring(s.length() - 400);
  }
}
