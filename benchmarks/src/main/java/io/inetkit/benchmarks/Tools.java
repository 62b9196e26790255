package io.inetkit.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The peers found on this machine (curl, python3, the inetkit CLI jar) and their versions. A peer
 * that is absent is reported as {@link Availability#missing missing}, never skipped silently.
 */
public final class Tools {

  /** The module every bundled script imports. */
  private static final String PYTHON_HELPER = "bench_common.py";

  private final Path repoRoot;
  private final Path scratch;
  private final String curlVersion;
  private final String pythonVersion;
  private final String pythonExecutable;
  private final Path cliJar;
  private Path pythonDir;

  private Tools(Path repoRoot, Path scratch) {
    this.repoRoot = repoRoot;
    this.scratch = scratch;
    this.curlVersion = firstLine(List.of(curlCommand(), "--version"), scratch);
    this.pythonVersion = firstLine(List.of(pythonCommand(), "--version"), scratch);
    // Resolve wrappers such as pyenv shims, whose start-up and memory are not Python's.
    String executable =
        firstLine(List.of(pythonCommand(), "-c", "import sys; print(sys.executable)"), scratch);
    this.pythonExecutable = executable.isEmpty() ? pythonCommand() : executable;
    Path jar = repoRoot == null ? null : repoRoot.resolve("cli/target/inetkit.jar");
    this.cliJar = jar != null && Files.isRegularFile(jar) ? jar : null;
  }

  /** Looks for the peers; {@code repoRoot} locates {@code cli/target/inetkit.jar}. */
  public static Tools detect(Path repoRoot, Path scratch) {
    return new Tools(repoRoot, scratch);
  }

  /** The curl executable ({@code INETKIT_BENCH_CURL} overrides {@code curl}). */
  public static String curlCommand() {
    return System.getenv().getOrDefault("INETKIT_BENCH_CURL", "curl");
  }

  /** The Python 3 executable ({@code INETKIT_BENCH_PYTHON} overrides {@code python3}). */
  public static String pythonCommand() {
    return System.getenv().getOrDefault("INETKIT_BENCH_PYTHON", "python3");
  }

  /** The java executable running this harness. */
  public static String javaCommand() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** Whether curl can run. */
  public Availability curl() {
    return curlVersion.isEmpty()
        ? Availability.missing("curl not found on PATH")
        : Availability.AVAILABLE;
  }

  /** Whether python3 can run. */
  public Availability python() {
    return pythonVersion.isEmpty()
        ? Availability.missing("python3 not found on PATH")
        : Availability.AVAILABLE;
  }

  /** Whether the CLI jar is built. */
  public Availability cli() {
    return cliJar == null
        ? Availability.missing("cli/target/inetkit.jar not built (run ./inetkit once)")
        : Availability.AVAILABLE;
  }

  /** The CLI jar; only when {@link #cli()} is available. */
  public Path cliJar() {
    return cliJar;
  }

  /** The repository root, or null when unknown. */
  public Path repoRoot() {
    return repoRoot;
  }

  /** Returns curl's version line, or empty. */
  public String curlVersion() {
    return curlVersion;
  }

  /** Returns Python's version line and executable, or empty. */
  public String pythonVersion() {
    return pythonVersion.isEmpty() ? "" : pythonVersion + " (" + pythonExecutable + ")";
  }

  /** Returns the path of a bundled Python script, extracting it and its helper on first use. */
  public synchronized Path pythonScript(String name) throws IOException {
    if (pythonDir == null) {
      pythonDir = Files.createDirectories(scratch.resolve("python"));
    }
    extract(PYTHON_HELPER);
    return extract(name);
  }

  private Path extract(String name) throws IOException {
    Path target = pythonDir.resolve(name);
    if (!Files.exists(target)) {
      try (InputStream in = Tools.class.getResourceAsStream("python/" + name)) {
        if (in == null) {
          throw new IOException("no bundled script " + name);
        }
        Files.copy(in, target);
      }
    }
    return target;
  }

  /** Builds {@code python3 -u <script> args...}. */
  public List<String> python(String script, Object... args) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(pythonExecutable);
    cmd.add(pythonScript(script).toString());
    for (Object a : args) {
      cmd.add(String.valueOf(a));
    }
    return cmd;
  }

  private static String firstLine(List<String> command, Path dir) {
    try {
      ChildProcess.Result r = ChildProcess.run(command, dir, Duration.ofSeconds(20));
      if (r.exitCode() != 0) {
        return "";
      }
      String text = (r.stdout() + r.stderr()).strip();
      int nl = text.indexOf('\n');
      return nl < 0 ? text : text.substring(0, nl);
    } catch (IOException e) {
      return "";
    }
  }
}
