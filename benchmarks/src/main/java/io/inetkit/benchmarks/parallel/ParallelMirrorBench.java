package io.inetkit.benchmarks.parallel;

import io.inetkit.benchmarks.LatencyProxy;
import io.inetkit.core.Credentials;
import io.inetkit.core.TlsMode;
import io.inetkit.testkit.ftp.FtpServer;
import io.inetkit.testkit.ftp.Vsftpd;
import io.inetkit.transfer.ftp.FtpClient;
import io.inetkit.transfer.ftp.FtpSession;
import io.inetkit.transfer.ftp.MirrorOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Parallel FTP mirror of many small files (default 1,000 x 4 KiB) against vsftpd and testkit's
 * FtpServer (in a child JVM), directly and through a {@link LatencyProxy} (10 ms each way): the
 * inetkit library and CLI at parallelism 1/2/4/8 against {@code lftp mirror --parallel=4} and
 * {@code rclone copy --transfers 4}. Contenders are interleaved round by round; the report gives
 * medians, files/s and ratios, and the exact commands. Self-contained: not part of the harness.
 *
 * <pre>
 * java -cp benchmarks/target/inetkit-benchmarks.jar io.inetkit.benchmarks.parallel.ParallelMirrorBench \
 *     --cli cli/target/inetkit.jar --launcher cli/src/dist/bin/inetkit --rounds 5 --files 1000
 * </pre>
 */
public final class ParallelMirrorBench {
  private static final String PASSWORD = "alice-secret";
  private static final String PARALLELISM = "1,2,4,8";

  private ParallelMirrorBench() {}

  /** One contender: runs once into an empty folder. */
  interface Run {
    void into(Path dest) throws Exception;
  }

  record Target(String server, String network, int port, String user, String remote) {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("--serve-testkit")) {
      serveTestkit(Path.of(args[1]), Integer.parseInt(args[2]));
      return;
    }
    Map<String, String> o = options(args);
    int rounds = Integer.parseInt(o.getOrDefault("rounds", "5"));
    int files = Integer.parseInt(o.getOrDefault("files", "1000"));
    int size = Integer.parseInt(o.getOrDefault("size", "4096"));
    List<String> networks = List.of(o.getOrDefault("networks", "direct,latency").split(","));
    List<String> servers = List.of(o.getOrDefault("servers", "vsftpd,testkit").split(","));
    int[] parallelism =
        Arrays.stream(o.getOrDefault("parallelism", PARALLELISM).split(","))
            .mapToInt(Integer::parseInt)
            .toArray();
    List<String> kinds =
        List.of(o.getOrDefault("contenders", "library,cli,lftp,rclone").split(","));
    Path cli = Path.of(o.getOrDefault("cli", "cli/target/inetkit.jar")).toAbsolutePath();
    Path launcher =
        Path.of(o.getOrDefault("launcher", "cli/src/dist/bin/inetkit")).toAbsolutePath();
    Path scratch = Files.createTempDirectory("inetkit-parallel-mirror-");
    List<AutoCloseable> closing = new ArrayList<>();
    try {
      List<Target> targets = new ArrayList<>();
      if (servers.contains("vsftpd")) {
        Vsftpd v = Vsftpd.start(scratch, Vsftpd.Tls.OPTIONAL);
        closing.add(v);
        writeTree(v.incoming().resolve("tree"), files, size);
        addTargets(targets, "vsftpd", v.port(), "anonymous", "incoming/tree", networks, closing);
      }
      if (servers.contains("testkit")) {
        Path home = Files.createDirectories(scratch.resolve("testkit-home"));
        writeTree(home.resolve("tree"), files, size);
        Process p = serveTestkitChild(home);
        closing.add(p::destroy);
        int port = Integer.parseInt(readLine(p).split(" ")[1]);
        addTargets(targets, "testkit FtpServer", port, "alice", "tree", networks, closing);
      }
      String obscured = run(List.of("rclone", "obscure", PASSWORD)).strip();
      for (Target t : targets) {
        System.out.printf(
            "%n### %s, %s: %d x %d B, %d rounds%n", t.server, t.network, files, size, rounds);
        Map<String, Run> contenders = contenders(t, cli, launcher, obscured, parallelism, kinds);
        Map<String, List<Double>> seconds = new LinkedHashMap<>();
        Map<String, List<Double>> cpu = new LinkedHashMap<>();
        List<Double> loads = new ArrayList<>();
        contenders.keySet().forEach(k -> seconds.put(k, new ArrayList<>()));
        contenders.keySet().forEach(k -> cpu.put(k, new ArrayList<>()));
        List<String> order = new ArrayList<>(contenders.keySet());
        for (int r = 0; r < rounds; r++) {
          for (int i = 0; i < order.size(); i++) {
            String name = order.get((i + r) % order.size()); // each round starts elsewhere
            Path dest = Files.createDirectories(scratch.resolve("dest"));
            loads.add(loadAverage());
            double[] cpu0 = cpuSeconds();
            long start = System.nanoTime();
            contenders.get(name).into(dest);
            double s = (System.nanoTime() - start) / 1e9;
            double[] cpu1 = cpuSeconds();
            verify(dest, files, size, name);
            seconds.get(name).add(s);
            // the library runs in this JVM; every other contender is a child process, waited for
            boolean inProcess = name.startsWith("inetkit library");
            cpu.get(name).add(inProcess ? cpu1[0] - cpu0[0] : cpu1[1] - cpu0[1]);
            deleteTree(dest);
          }
          System.out.printf("round %d done%n", r + 1);
        }
        report(seconds, cpu, files);
        System.out.printf(
            Locale.ROOT,
            "load average (1 min) at the start of each run: %s%n",
            loads.stream().map(v -> String.format(Locale.ROOT, "%.1f", v)).toList());
      }
      System.out.println();
      System.out.println("Commands (P = the server's or the relay's port, D = an empty folder):");
      commands(launcher).forEach(c -> System.out.println("  " + c));
    } finally {
      for (AutoCloseable c : closing) {
        c.close();
      }
      deleteTree(scratch);
    }
  }

  private static void addTargets(
      List<Target> targets,
      String server,
      int port,
      String user,
      String remote,
      List<String> networks,
      List<AutoCloseable> closing)
      throws IOException {
    if (networks.contains("direct")) {
      targets.add(new Target(server, "direct", port, user, remote));
    }
    if (networks.contains("latency")) {
      LatencyProxy relay = LatencyProxy.start(port, Duration.ofMillis(10), LatencyProxy.Mode.FTP);
      closing.add(relay);
      targets.add(new Target(server, "+10 ms each way", relay.port(), user, remote));
    }
  }

  private static Map<String, Run> contenders(
      Target t, Path cli, Path launcher, String obscured, int[] parallelism, List<String> kinds) {
    Map<String, Run> c = new LinkedHashMap<>();
    FtpClient client =
        FtpClient.builder()
            .endpoint("127.0.0.1", t.port)
            .tlsMode(TlsMode.NONE)
            .credentials(Credentials.password(t.user, PASSWORD.toCharArray()))
            .build();
    for (int p : kinds.contains("library") ? parallelism : new int[0]) {
      c.put(
          "inetkit library, parallelism " + p,
          dest -> {
            try (FtpSession ftp = client.open()) {
              ftp.mirrorDown(t.remote, dest, MirrorOptions.DEFAULT.withParallelism(p));
            }
          });
    }
    for (int p : kinds.contains("cli") ? parallelism : new int[0]) {
      c.put(
          "inetkit CLI, --parallel " + p,
          dest ->
              run(
                  List.of(
                      "sh",
                      launcher.toString(),
                      "ftp",
                      "get",
                      "ftp://" + t.user + "@127.0.0.1:" + t.port + "/" + t.remote + "/",
                      "-r",
                      "-q",
                      "--tls",
                      "none",
                      "--password-env",
                      "BENCH_FTP_PASSWORD",
                      "-o",
                      dest.toString(),
                      "--parallel",
                      Integer.toString(p)),
                  Map.of("INETKIT_JAR", cli.toString(), "BENCH_FTP_PASSWORD", PASSWORD)));
    }
    if (kinds.contains("lftp")) {
      c.put("lftp mirror --parallel=4", lftp(t));
    }
    if (kinds.contains("rclone")) {
      c.put("rclone copy --transfers 4", rclone(t, obscured));
    }
    return c;
  }

  private static Run lftp(Target t) {
    return dest ->
        run(
            List.of(
                "lftp",
                "-u",
                t.user + "," + PASSWORD,
                "-p",
                Integer.toString(t.port),
                "-e",
                "set ftp:ssl-allow no; mirror --parallel=4 " + t.remote + " " + dest + "; quit",
                "127.0.0.1"));
  }

  private static Run rclone(Target t, String obscured) {
    return dest ->
        run(
            List.of(
                "rclone",
                "copy",
                ":ftp,host=127.0.0.1,port="
                    + t.port
                    + ",user="
                    + t.user
                    + ",pass="
                    + obscured
                    + ":"
                    + t.remote,
                dest.toString(),
                "--transfers",
                "4"));
  }

  private static List<String> commands(Path launcher) {
    return List.of(
        "library: FtpClient(TlsMode.NONE).open().mirrorDown(REMOTE, D,"
            + " MirrorOptions.DEFAULT.withParallelism(N))",
        "CLI: BENCH_FTP_PASSWORD=PW INETKIT_JAR=cli/target/inetkit.jar sh "
            + "cli/src/dist/bin/inetkit ftp get ftp://USER@127.0.0.1:P/REMOTE/ -r -q --tls none"
            + " --password-env BENCH_FTP_PASSWORD -o D --parallel N",
        "lftp -u USER,PW -p P -e 'set ftp:ssl-allow no; mirror --parallel=4 REMOTE D; quit'"
            + " 127.0.0.1",
        "rclone copy :ftp,host=127.0.0.1,port=P,user=USER,pass=$(rclone obscure PW):REMOTE D"
            + " --transfers 4");
  }

  private static void report(
      Map<String, List<Double>> seconds, Map<String, List<Double>> cpu, int files) {
    double lftp = median(seconds.getOrDefault("lftp mirror --parallel=4", List.of(Double.NaN)));
    double rclone = median(seconds.getOrDefault("rclone copy --transfers 4", List.of(Double.NaN)));
    System.out.println();
    System.out.println(
        "| contender | median s | files/s | vs lftp | vs rclone | CPU s (user+sys) | runs (s) |");
    System.out.println("|---|---:|---:|---:|---:|---:|---|");
    seconds.forEach(
        (name, s) -> {
          double m = median(s);
          System.out.printf(
              Locale.ROOT,
              "| %s | %.3f | %.0f | %.2fx | %.2fx | %.2f | %s |%n",
              name,
              m,
              files / m,
              lftp / m,
              rclone / m,
              median(cpu.get(name)),
              s.stream().map(v -> String.format(Locale.ROOT, "%.2f", v)).toList());
        });
  }

  /**
   * This process's CPU seconds (user+sys) and those of its waited-for children, from {@code
   * /proc/self/stat}; NaN where there is no such file.
   */
  static double[] cpuSeconds() {
    try {
      String stat = Files.readString(Path.of("/proc/self/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      double tick = 100.0; // USER_HZ on Linux
      return new double[] {
        (Long.parseLong(f[11]) + Long.parseLong(f[12])) / tick,
        (Long.parseLong(f[13]) + Long.parseLong(f[14])) / tick
      };
    } catch (IOException | RuntimeException e) {
      return new double[] {Double.NaN, Double.NaN};
    }
  }

  private static double loadAverage() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  static double median(List<Double> values) {
    double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }

  private static void verify(Path dest, int files, int size, String who) throws IOException {
    long complete;
    try (Stream<Path> s = Files.walk(dest)) {
      complete = s.filter(Files::isRegularFile).filter(p -> p.toFile().length() == size).count();
    }
    if (complete != files) {
      throw new IllegalStateException(who + " mirrored " + complete + " of " + files + " files");
    }
  }

  private static void writeTree(Path dir, int files, int size) throws IOException {
    Files.createDirectories(dir);
    byte[] bytes = new byte[size];
    for (int i = 0; i < files; i++) {
      Arrays.fill(bytes, (byte) i);
      Files.write(dir.resolve(String.format("f%05d.bin", i)), bytes);
    }
  }

  private static Process serveTestkitChild(Path home) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return new ProcessBuilder(
            java.toString(),
            "-cp",
            System.getProperty("java.class.path"),
            ParallelMirrorBench.class.getName(),
            "--serve-testkit",
            home.toString(),
            "0")
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
  }

  /** The child: testkit's FtpServer with alice's home holding {@code home}'s files. */
  private static void serveTestkit(Path home, int port) throws Exception {
    try (FtpServer server = FtpServer.builder().user(FtpServer.DEFAULT_WRITER).start()) {
      Path alice = server.home("alice");
      try (Stream<Path> s = Files.list(home)) {
        for (Path p : s.toList()) {
          Files.move(p, alice.resolve(p.getFileName()));
        }
      }
      System.out.println("PORT " + server.port());
      System.out.flush();
      System.in.read(); // until the parent ends
    }
  }

  private static String readLine(Process p) throws IOException {
    return new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))
        .readLine();
  }

  private static String run(List<String> command) throws IOException, InterruptedException {
    return run(command, Map.of());
  }

  private static String run(List<String> command, Map<String, String> env)
      throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().putAll(env);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
      throw new IllegalStateException(command + " failed: " + out);
    }
    return out;
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> o = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    return o;
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted((a, b) -> b.compareTo(a)).toList()) {
        Files.delete(p);
      }
    }
  }
}
