package io.inetkit.benchmarks.workloads;

import io.inetkit.benchmarks.Availability;
import io.inetkit.benchmarks.BenchContext;
import io.inetkit.benchmarks.ChildProcess;
import io.inetkit.benchmarks.Contender;
import io.inetkit.benchmarks.Goal;
import io.inetkit.benchmarks.Peers;
import io.inetkit.benchmarks.Sample;
import io.inetkit.benchmarks.Trial;
import io.inetkit.testkit.host.HostProcess;
import io.inetkit.testkit.mail.Dovecot;
import io.inetkit.testkit.mail.MailUser;
import io.inetkit.testkit.mail.RealMail;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Issue 18 goal 3: sync a 10,000-message account (four folders) from Debian's Dovecot (testkit's
 * {@link RealMail}) into a Maildir++ tree over IMAP with STARTTLS, as {@code
 * benchmarks/scripts/maildir-sync-vs-mbsync.sh} does: the first sync into an empty tree and a
 * no-change re-sync, {@code inetkit mail sync --all} (through {@code bin/inetkit}) against {@code
 * mbsync}. One process per sync, timed by the wall clock. Needs root, Dovecot and Postfix; mbsync
 * is skipped with a note when it is not installed.
 */
final class RealMaildirSyncWorkload extends RealMailWorkload {

  static final String CLI_FIRST = "inetkit (CLI, first sync)";
  static final String CLI_RESYNC = "inetkit (CLI, no-change re-sync)";
  static final String MBSYNC_FIRST = "mbsync (first sync)";
  static final String MBSYNC_RESYNC = "mbsync (no-change re-sync)";

  /** The account's folders (Maildir++ names, "" is INBOX) and their shares of the messages. */
  private static final String[] FOLDERS = {"", ".Work", ".Lists.Java", ".Archive"};

  private static final double[] SHARES = {0.50, 0.25, 0.15, 0.10};

  private Path scratch;
  private long filled;

  RealMaildirSyncWorkload() {
    super(Measure.WHOLE_RUN);
  }

  @Override
  public String id() {
    return "rs-maildir-sync";
  }

  @Override
  public String title() {
    return "Maildir sync of an account (Dovecot, STARTTLS)";
  }

  @Override
  public String itemName() {
    return "sync";
  }

  @Override
  public void setUp(BenchContext context, long maxSize) throws Exception {
    super.setUp(context, maxSize);
    scratch = Files.createTempDirectory("inetkit-bench-maildir-sync");
  }

  /** Puts exactly {@code count} messages into the account's folders (outside any timing). */
  private synchronized void fillFolders(long count) throws IOException {
    if (filled == count) {
      return;
    }
    MailUser user = user();
    Path maildir = user.maildir();
    HostProcess.deleteTree(maildir);
    long i = 0;
    for (int f = 0; f < FOLDERS.length; f++) {
      Path dir = FOLDERS[f].isEmpty() ? maildir : maildir.resolve(FOLDERS[f]);
      for (String sub : List.of("cur", "new", "tmp")) {
        Files.createDirectories(dir.resolve(sub));
      }
      if (!FOLDERS[f].isEmpty()) {
        Files.write(dir.resolve("maildirfolder"), new byte[0]);
      }
      long share = Math.max(1, Math.round(count * SHARES[f]));
      for (long k = 0; k < share; k++) {
        i++;
        boolean seen = i % 3 == 0;
        String name = (1_700_000_000L + i) + ".M" + i + "P1.bench" + (seen ? ":2,S" : "");
        Files.write(dir.resolve(seen ? "cur" : "new").resolve(name), message(i));
      }
    }
    HostProcess.run(
        List.of(
            "chown", "-R", user.account().uid() + ":" + user.account().gid(), maildir.toString()));
    // a new account: every contender's local tree starts over
    try (Stream<Path> old = Files.list(scratch)) {
      for (Path p : old.toList()) {
        HostProcess.deleteTree(p);
      }
    }
    filled = count;
  }

  private static byte[] message(long i) {
    String body =
        ("Lorem ipsum dolor sit amet, consectetur adipiscing elit " + i + ".\r\n")
            .repeat(30 + (int) (i * 7919 % 71));
    String text =
        "From: sender"
            + (i % 50)
            + "@example.org\r\nTo: bench@example.org\r\nSubject: message "
            + i
            + "\r\nMessage-ID: <"
            + i
            + "@bench.example>\r\nDate: Mon, 7 Dec 2026 10:00:00 +0000\r\n\r\n"
            + body;
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private int port() {
    return port(Dovecot.Listener.IMAP);
  }

  private List<String> cliSync(Path local) {
    return CliLauncher.command(
        tools(),
        List.of("INETKIT_PASSWORD=" + user().password()),
        "mail",
        "sync",
        "imap://" + user().login() + "@127.0.0.1:" + port(),
        "--all",
        "--cacert",
        caPem().toString(),
        "--maildir",
        local.toString());
  }

  private List<String> mbsync(Path local) throws IOException {
    Path rc = scratch.resolve("mbsyncrc-" + local.getFileName());
    Files.writeString(
        rc,
        String.join(
            "\n",
            "IMAPAccount bench",
            // mbsync 1.4 matches the certificate's DNS names only (not its IP address)
            "Host localhost",
            "Port " + port(),
            "User " + user().login(),
            "Pass " + user().password(),
            "SSLType STARTTLS",
            "CertificateFile " + caPem(),
            "",
            "IMAPStore remote",
            "Account bench",
            "",
            "MaildirStore local",
            "Inbox " + local + "/",
            "SubFolders Maildir++",
            "",
            "Channel bench",
            "Far :remote:",
            "Near :local:",
            "Patterns *",
            "Create Near",
            "Sync Pull",
            "SyncState *",
            ""));
    return List.of("mbsync", "-q", "-c", rc.toString(), "bench");
  }

  @FunctionalInterface
  private interface SyncCommand {
    List<String> of(Path local) throws IOException;
  }

  /**
   * A contender timing one sync into its own local tree: {@code first} empties the tree before,
   * otherwise the tree is brought up to date (untimed) first, so the timed run changes nothing.
   */
  private Contender contender(
      String name, Availability availability, String tree, boolean first, SyncCommand sync) {
    Contender one =
        Peers.oneProcess(
            name,
            availability,
            trial -> sync.of(scratch.resolve(tree)),
            trial -> requireSynced(scratch.resolve(tree), trial));
    return new Contender(
        name,
        one.timing(),
        one.availability(),
        trial -> {
          fillFolders(trial.size());
          Path local = scratch.resolve(tree);
          if (first) {
            HostProcess.deleteTree(local);
            Files.createDirectories(local);
          } else if (!Files.isDirectory(local.resolve("cur"))) {
            Files.createDirectories(local);
            List<String> cmd = sync.of(local);
            ChildProcess.run(cmd, trial.scratch(), Peers.PROCESS_TIMEOUT).requireSuccess(cmd);
          }
          Sample s = one.task().run(trial);
          return new Sample(s.elapsed(), 1, s.memory());
        });
  }

  /** Checks that the tree holds every message of the account. */
  private static void requireSynced(Path local, Trial trial) throws IOException {
    long files;
    try (Stream<Path> all = Files.walk(local)) {
      files =
          all.filter(
                  p -> {
                    String parent = p.getParent().getFileName().toString();
                    return Files.isRegularFile(p) && (parent.equals("cur") || parent.equals("new"));
                  })
              .count();
    }
    long expected = 0;
    for (double share : SHARES) {
      expected += Math.max(1, Math.round(trial.size() * share));
    }
    if (files != expected) {
      throw new IOException(local + " holds " + files + " messages, expected " + expected);
    }
  }

  @Override
  public List<Contender> contenders() {
    Availability mbsync = RealFtpGetWorkload.installed("mbsync");
    List<Contender> all = new ArrayList<>();
    all.add(contender(CLI_FIRST, tools().cli(), "cli-first", true, this::cliSync));
    all.add(contender(CLI_RESYNC, tools().cli(), "cli-resync", false, this::cliSync));
    all.add(contender(MBSYNC_FIRST, mbsync, "mbsync-first", true, this::mbsync));
    all.add(contender(MBSYNC_RESYNC, mbsync, "mbsync-resync", false, this::mbsync));
    return all;
  }

  @Override
  public List<Goal> goals() {
    return List.of(
        Goal.timeAtMost(CLI_FIRST, MBSYNC_FIRST, 1.0),
        Goal.timeAtMost(CLI_RESYNC, MBSYNC_RESYNC, 1.0));
  }

  @Override
  public List<String> notes() {
    return List.of(
        "issue 18 goal 3: `bin/inetkit mail sync imap://bench@127.0.0.1:PORT --all --cacert CA --maildir DIR` against `mbsync` with `Host localhost` (it matches only the certificate's DNS names), `SSLType STARTTLS`, `Patterns *`, `Sync Pull`, `SubFolders Maildir++`; both verify the run's CA. Four folders (INBOX 50%, Work 25%, Lists.Java 15%, Archive 10%), 2-6 KiB text messages, a third seen.",
        "first sync: into an empty tree; no-change re-sync: into a tree the contender synced before (untimed), so only the state check is timed: inetkit's CONDSTORE/QRESYNC HIGHESTMODSEQ check, mbsync's own state files. Each contender has its own tree; one process per sync, start-up included (the JVM's for inetkit).");
  }

  @Override
  public void close() throws IOException {
    super.close();
    if (scratch != null) {
      HostProcess.deleteTree(scratch);
      scratch = null;
    }
  }
}
