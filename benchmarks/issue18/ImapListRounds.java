import io.inetkit.core.Credentials;
import io.inetkit.core.PlaintextLogin;
import io.inetkit.core.TlsMode;
import io.inetkit.mail.imap.ImapClient;
import io.inetkit.mail.imap.ImapSession;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issue 18 goal 6, round by round against one Dovecot (StartDovecot.java): per round one listing
 * of the whole INBOX by the library (this warm JVM, forEachSummary), by the CLI (bin/inetkit mail
 * list, a new JVM) and by Python's imaplib (one UID FETCH 1:*), each with wall and CPU (user +
 * sys; the library's is this JVM's process CPU during the listing) and the load average.
 *
 * <p>Usage: java -cp cli/target/inetkit.jar [-Droot=REPO] [-Dlabel=after] [-Dcli.jar=JAR]
 * ImapListRounds.java PORT USER PASSWORD ROUNDS PAGE (run it once with the jar before a change and
 * once after, alternately, for before/after rows).
 */
public class ImapListRounds {
  static String label;

  public static void main(String[] a) throws Exception {
    int port = Integer.parseInt(a[0]);
    String user = a[1];
    String pw = a[2];
    int rounds = Integer.parseInt(a[3]);
    int page = Integer.parseInt(a[4]);
    Path root = Path.of(System.getProperty("root", "."));
    String cliJar = System.getProperty("cli.jar", root.resolve("cli/target/inetkit.jar").toString());
    label = System.getProperty("label", "");
    ImapClient client =
        ImapClient.builder()
            .endpoint("127.0.0.1", port)
            .tlsMode(TlsMode.NONE)
            .plaintextLogin(PlaintextLogin.ALLOWED)
            .credentials(Credentials.password(user, pw.toCharArray()))
            .build();
    for (int i = 0; i < 3; i++) {
      library(client, page); // warm-up: the JIT, and Dovecot's cache
    }
    Path py = Files.createTempFile("imaplist", ".py");
    Files.writeString(
        py,
        "import imaplib,sys\n"
            + "m=imaplib.IMAP4('127.0.0.1',int(sys.argv[1]));m.login(sys.argv[2],sys.argv[3])\n"
            + "m.select('INBOX',readonly=True)\n"
            + "t,d=m.uid('FETCH','1:*','(UID FLAGS ENVELOPE RFC822.SIZE)')\n"
            + "n=sum(1 for x in d if isinstance(x,(bytes,tuple)) and x!=b')')\n"
            + "m.logout();print(n)\n");
    System.out.println("round  contender        wall ms   cpu ms  (user+sys)  load");
    for (int r = 1; r <= rounds; r++) {
      double[] lib = library(client, page);
      row(r, "library", lib[0], lib[1]);
      timed(
          r,
          "cli mail list",
          List.of(
              "env",
              "INETKIT_BENCH_PW=" + pw,
              "INETKIT_JAR=" + cliJar,
              "sh",
              root.resolve("cli/src/dist/bin/inetkit").toString(),
              "mail",
              "list",
              "-q",
              "--tls",
              "none",
              "--password-env",
              "INETKIT_BENCH_PW",
              "imap://" + user + "@127.0.0.1:" + port + "/INBOX"));
      timed(r, "python imaplib", List.of("python3", py.toString(), "" + port, user, pw));
    }
  }

  static double[] library(ImapClient client, int page) throws Exception {
    var os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long t = System.nanoTime();
    long c = os.getProcessCpuTime();
    AtomicLong n = new AtomicLong();
    try (ImapSession s = client.open()) {
      s.forEachSummary("INBOX", page, m -> n.incrementAndGet());
    }
    return new double[] {(System.nanoTime() - t) / 1e6, (os.getProcessCpuTime() - c) / 1e6};
  }

  static void timed(int r, String name, List<String> cmd) throws Exception {
    List<String> full = new ArrayList<>(List.of("/usr/bin/time", "-f", "TIME %e %U %S"));
    full.addAll(cmd);
    Process p = new ProcessBuilder(full).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    String err = new String(p.getErrorStream().readAllBytes());
    if (p.waitFor() != 0) {
      throw new IllegalStateException(name + " failed: " + err);
    }
    String[] f = err.substring(err.lastIndexOf("TIME ")).trim().split(" ");
    row(
        r,
        name,
        Double.parseDouble(f[1]) * 1000,
        (Double.parseDouble(f[2]) + Double.parseDouble(f[3])) * 1000);
  }

  static void row(int r, String name, double wall, double cpu) throws Exception {
    String load = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    System.out.printf("%5d  %-22s %8.0f %8.0f  %17s%n", r, name + " " + label, wall, cpu, load);
  }
}
