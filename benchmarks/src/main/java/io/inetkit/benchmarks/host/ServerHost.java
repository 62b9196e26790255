package io.inetkit.benchmarks.host;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Main class of the server JVM. Arguments are {@code key=value}: {@code dir} (working directory),
 * {@code services} (comma-separated: {@code raw}, and the testkit servers as they land), {@code
 * files} ({@code name:size,...} created under {@code dir/data}), and service parameters. Prints one
 * {@code READY key=value ...} line, then answers one line per command read from standard input with
 * {@code OK ...} or {@code ERR ...}, and stops when standard input closes. The host itself knows
 * {@code file NAME SIZE} (create a data file); other commands go to the services.
 *
 * <pre>{@code
 * java -cp inetkit-benchmarks.jar io.inetkit.benchmarks.host.ServerHost dir=/tmp/b services=raw
 * }</pre>
 */
public final class ServerHost {

  /** Prefix of the line announcing that the servers are up. */
  public static final String READY = "READY ";

  private static final Map<String, Supplier<HostedService>> SERVICES = new LinkedHashMap<>();

  static {
    SERVICES.put("raw", RawServer::new);
    SERVICES.put("gopher", GopherService::new);
    SERVICES.put("ftp", FtpService::new);
    SERVICES.put("mail", MailService::new);
    SERVICES.put("telnet", TelnetService::new);
    SERVICES.put("sink", SinkService::new);
    SERVICES.put("vsftpd", VsftpdService::new);
  }

  private ServerHost() {}

  /** Runs the host; see the class comment. */
  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    Map<String, String> params = new LinkedHashMap<>();
    for (String a : args) {
      int eq = a.indexOf('=');
      params.put(a.substring(0, eq), a.substring(eq + 1));
    }
    Path data = Files.createDirectories(Path.of(params.get("dir")).resolve("data"));
    DataFiles.createAll(data, params.get("files"));
    List<HostedService> running = new ArrayList<>();
    Map<String, String> published = new TreeMap<>();
    published.put("data", data.toString());
    try {
      for (String name : params.getOrDefault("services", "").split(",")) {
        if (name.isBlank()) {
          continue;
        }
        Supplier<HostedService> factory = SERVICES.get(name);
        if (factory == null) {
          throw new IllegalArgumentException(
              "unknown service " + name + "; known: " + SERVICES.keySet());
        }
        HostedService service = factory.get();
        running.add(service);
        published.putAll(service.start(data, params));
      }
      StringBuilder ready = new StringBuilder(READY);
      published.forEach((k, v) -> ready.append(k).append('=').append(v).append(' '));
      out.println(ready.toString().strip());
      serveCommands(data, running, out);
    } finally {
      for (HostedService s : running) {
        try {
          s.close();
        } catch (Exception e) {
          System.err.println("closing " + s + ": " + e);
        }
      }
    }
    System.exit(0);
  }

  private static void serveCommands(Path data, List<HostedService> running, PrintStream out)
      throws Exception {
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = in.readLine()) != null) {
      String reply = null;
      try {
        String[] words = line.strip().split(" ");
        if (words[0].equals("file") && words.length == 3) {
          // file NAME SIZE: create a data file (served by raw, gopher, ...).
          reply = DataFiles.create(data.resolve(words[1]), Long.parseLong(words[2])).toString();
        }
        for (int i = 0; reply == null && i < running.size(); i++) {
          HostedService s = running.get(i);
          reply = s.command(line.strip());
        }
        out.println(reply == null ? "ERR unknown command " + line : "OK " + reply);
      } catch (Exception e) {
        e.printStackTrace();
        out.println("ERR " + e.toString().replace('\n', ' '));
      }
    }
  }
}
