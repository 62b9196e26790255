package io.inetkit.benchmarks;

import io.inetkit.benchmarks.host.ServerHost;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Parent side of a {@link ServerHost} child JVM: the servers live in their own process so that the
 * in-process inetkit contender's heap and CPU figures are its own.
 */
public final class ServerProcess implements AutoCloseable {

  /** Heap of the server JVM: GreenMail keeps every message in memory. */
  private static final String SERVER_HEAP = "-Xmx3g";

  private final Process process;
  private final BufferedReader out;
  private final Writer in;
  private final Path log;
  private final Map<String, String> ready;

  private ServerProcess(Process process, Path log) throws IOException {
    this.process = process;
    this.log = log;
    this.out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    this.in = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    String line = readLine();
    if (!line.startsWith(ServerHost.READY)) {
      throw failure("server JVM did not start: " + line);
    }
    this.ready = parse(line.substring(ServerHost.READY.length()));
  }

  /**
   * Starts a server JVM with {@code params} (see {@link ServerHost}); {@code dir} holds its data.
   */
  public static ServerProcess start(Map<String, String> params, Path dir) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Tools.javaCommand());
    cmd.add(SERVER_HEAP);
    cmd.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(ServerHost.class.getName());
    cmd.add("dir=" + dir);
    params.forEach((k, v) -> cmd.add(k + "=" + v));
    Path log = dir.resolve("server.log");
    Process p = new ProcessBuilder(cmd).redirectError(log.toFile()).start();
    return new ServerProcess(p, log);
  }

  /** A value the host published when ready, e.g. {@code ftp.port}. */
  public String get(String key) {
    String v = ready.get(key);
    if (v == null) {
      throw new IllegalStateException("server host published no " + key + ": " + ready);
    }
    return v;
  }

  /** Whether the host published {@code key}. */
  public boolean has(String key) {
    return ready.containsKey(key);
  }

  /** An integer value the host published, e.g. a port. */
  public int port(String key) {
    return Integer.parseInt(get(key));
  }

  /** Sends a command (e.g. {@code mail.purge}) and returns the host's {@code OK} reply text. */
  public synchronized String command(String line) throws IOException {
    in.write(line + "\n");
    in.flush();
    String reply = readLine();
    if (!reply.startsWith("OK")) {
      throw failure("server host: " + line + " -> " + reply);
    }
    return reply.substring(2).strip();
  }

  @Override
  public void close() throws Exception {
    try {
      in.close();
    } catch (IOException e) {
      // Already gone.
    }
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor();
    }
  }

  @Override
  public String toString() {
    return "ServerProcess[pid " + process.pid() + "]";
  }

  private String readLine() throws IOException {
    String line = out.readLine();
    if (line == null) {
      throw failure("server JVM exited");
    }
    return line;
  }

  private IOException failure(String what) {
    String tail = "";
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      tail = String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      tail = "(no log: " + e + ")";
    }
    return new IOException(what + "\n" + tail);
  }

  static Map<String, String> parse(String text) {
    Map<String, String> map = new HashMap<>();
    for (String token : text.strip().split("\\s+")) {
      int eq = token.indexOf('=');
      if (eq > 0) {
        map.put(token.substring(0, eq), token.substring(eq + 1));
      }
    }
    return map;
  }
}
