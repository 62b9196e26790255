package io.inetkit.benchmarks.workloads;

import io.inetkit.benchmarks.Contender;
import io.inetkit.benchmarks.Goal;
import io.inetkit.benchmarks.Peers;
import io.inetkit.benchmarks.Sample;
import io.inetkit.benchmarks.Trial;
import io.inetkit.core.PlaintextLogin;
import io.inetkit.core.TlsMode;
import io.inetkit.mail.pop3.Pop3Client;
import io.inetkit.testkit.host.HostProcess;
import io.inetkit.testkit.mail.Dovecot;
import io.inetkit.testkit.mail.RealMail;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Issue 18's POP3 row: download every message of a 2,000-message mailbox from Debian's Dovecot
 * (testkit's {@link RealMail}) over plain POP3 on 127.0.0.1: the library ({@code
 * Pop3Session.download} of each message, content discarded), the CLI ({@code mail sync pop3://...
 * --maildir}, one durable file per message), Python's poplib (RETR of each, discarded) and
 * fetchmail (every message appended to one BSMTP file). Nothing is deleted on the server. Needs
 * root, Dovecot and Postfix; skipped with the reason otherwise.
 */
final class RealPop3GetWorkload extends RealMailWorkload {

  static final String CLI = "inetkit (CLI, mail sync to a Maildir)";
  static final String FETCHMAIL = "fetchmail (one BSMTP file)";

  RealPop3GetWorkload() {
    super(Measure.MESSAGE_RATE);
  }

  @Override
  public String id() {
    return "rs-pop3-get";
  }

  @Override
  public String title() {
    return "POP3 download (Dovecot)";
  }

  private int port() {
    return port(Dovecot.Listener.POP3);
  }

  private Sample library(Trial trial) throws Exception {
    fill(trial.size());
    Pop3Client client =
        Pop3Client.builder()
            .endpoint("127.0.0.1", port())
            .tlsMode(TlsMode.NONE)
            .plaintextLogin(PlaintextLogin.ALLOWED)
            .credentials(credentials())
            .build();
    Sample s = Peers.timed(() -> Pop3Workload.downloadAll(client));
    ImapWorkload.requireCount(s.work(), trial);
    return s;
  }

  @Override
  public List<Contender> contenders() {
    List<Contender> all = new ArrayList<>();
    all.add(Peers.inProcess(Workloads.INETKIT, this::library));
    all.add(
        Peers.oneProcess(
            CLI,
            tools().cli(),
            trial -> {
              fill(trial.size());
              Path box = trial.scratch().resolve("box");
              HostProcess.deleteTree(box); // a fresh Maildir each run (not timed)
              return cli(
                  "mail",
                  "sync",
                  "-q",
                  "--tls",
                  "none",
                  "--password-env",
                  "INETKIT_BENCH_PW",
                  "pop3://" + user().login() + "@127.0.0.1:" + port(),
                  "--maildir",
                  box.toString());
            },
            trial -> requireFiles(trial, trial.scratch().resolve("box").resolve("new"))));
    all.add(
        Peers.python(
            tools(),
            Pop3Workload.POPLIB,
            trial -> {
              fill(trial.size());
              return tools()
                  .python(
                      "pop3_download.py", "127.0.0.1", port(), user().login(), user().password());
            },
            Peers.noCheck()));
    all.add(
        Peers.oneProcess(
            FETCHMAIL,
            RealFtpGetWorkload.installed("fetchmail"),
            trial -> {
              fill(trial.size());
              return fetchmail(trial);
            },
            trial -> {
              long messages = countFrom(trial.scratch().resolve("fetchmail/out.bsmtp"));
              ImapWorkload.requireCount(messages, trial);
            }));
    return all;
  }

  /**
   * fetchmail's command: its own home (ids file, rc file with the password) in the trial's scratch
   * folder, every message kept and fetched again ({@code --all}), no STLS (plain, as the others).
   */
  private List<String> fetchmail(Trial trial) throws IOException {
    Path home = trial.scratch().resolve("fetchmail");
    HostProcess.deleteTree(home); // no .fetchids from the last run, an empty output file
    Files.createDirectories(home);
    Path rc = home.resolve("fetchmailrc");
    Files.writeString(
        rc,
        "poll 127.0.0.1 protocol pop3 port "
            + port()
            + " auth password user \""
            + user().login()
            + "\" password \""
            + user().password()
            + "\" keep fetchall sslproto ''\n",
        StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(rc, PosixFilePermissions.fromString("rw-------"));
    return List.of(
        "env",
        "FETCHMAILHOME=" + home,
        "fetchmail",
        "--nodetach",
        "--nosyslog",
        "--silent",
        "--fetchmailrc",
        rc.toString(),
        "--bsmtp",
        home.resolve("out.bsmtp").toString());
  }

  /** Counts the messages of a BSMTP file: one {@code MAIL FROM:} line each. */
  private static long countFrom(Path bsmtp) throws IOException {
    try (Stream<String> lines = Files.lines(bsmtp, StandardCharsets.ISO_8859_1)) {
      return lines.filter(l -> l.startsWith("MAIL FROM:")).count();
    }
  }

  private static void requireFiles(Trial trial, Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      ImapWorkload.requireCount(files.count(), trial);
    }
  }

  @Override
  public List<Goal> goals() {
    return List.of(Goal.speedAtLeast(Workloads.INETKIT, Pop3Workload.POPLIB, 1.0));
  }

  @Override
  public List<String> notes() {
    return List.of(
        "issue 18's POP3 row: the library and poplib RETR every message and discard it; the CLI's `mail sync pop3://` writes each message to its own Maildir file (fsynced, with its journal); fetchmail appends every message to one BSMTP file (`--bsmtp`, no MDA process per message). Every client sends the password in clear over loopback (Dovecot treats 127.0.0.1 as secure); nothing is deleted on the server.",
        "the Maildir is written directly (small text messages of about 700 bytes) and chowned to the mailbox's system account, outside the timing; the CLI's Maildir and fetchmail's file and ids are removed before each run, outside the timing.");
  }
}
