package io.inetkit.benchmarks.workloads;

import io.inetkit.benchmarks.Availability;
import io.inetkit.benchmarks.BenchContext;
import io.inetkit.benchmarks.Contender;
import io.inetkit.benchmarks.Goal;
import io.inetkit.benchmarks.Metric;
import io.inetkit.benchmarks.Network;
import io.inetkit.benchmarks.Peers;
import io.inetkit.benchmarks.Sample;
import io.inetkit.benchmarks.Tools;
import io.inetkit.benchmarks.Workload;
import io.inetkit.core.Credentials;
import io.inetkit.core.PlaintextLogin;
import io.inetkit.core.TlsMode;
import io.inetkit.mail.imap.ImapClient;
import io.inetkit.mail.imap.ImapSession;
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
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issue 18 goal 6: list the envelopes of a 10,000-message INBOX on Debian's Dovecot (testkit's
 * {@link RealMail}), inetkit's {@code forEachSummary} at two page sizes against Python's imaplib
 * doing one {@code UID FETCH 1:*}, and the CLI's {@code mail list}. Plain IMAP on 127.0.0.1
 * (Dovecot treats loopback as secure, so LOGIN is allowed without TLS): the parser and the round
 * trips are measured, not TLS. Needs root, Dovecot and Postfix; skipped with the reason otherwise.
 */
final class RealImapListWorkload implements Workload {

  static final String SMALL_PAGES = "inetkit (library, 1,000 per FETCH)";
  static final String IMAPLIB = "python imaplib (one UID FETCH)";
  static final String CLI = "inetkit (CLI, mail list)";
  static final String USER = "bench";

  private RealMail mail;
  private MailUser user;
  private Tools tools;
  private long filled;

  @Override
  public String id() {
    return "rs-imap-list";
  }

  @Override
  public String title() {
    return "IMAP envelope listing (Dovecot)";
  }

  @Override
  public Metric metric() {
    return Metric.MILLIS;
  }

  @Override
  public String itemName() {
    return "listing";
  }

  @Override
  public long fullSize(Network network) {
    return 10_000;
  }

  @Override
  public long minSize() {
    return 100;
  }

  @Override
  public long warmUpSize(Network network, long size) {
    return size; // Dovecot indexes the folder on its first listing: the warm-up pays for that
  }

  @Override
  public String describeSize(long size) {
    return String.format(Locale.ROOT, "%,d msg", size);
  }

  @Override
  public Availability availability() {
    return RealMail.unavailable().map(Availability::missing).orElse(Availability.AVAILABLE);
  }

  @Override
  public void setUp(BenchContext context, long maxSize) throws Exception {
    tools = context.tools();
    mail = RealMail.start(List.of(USER));
    user = mail.user(USER);
  }

  /** Puts exactly {@code count} messages into the INBOX's Maildir (outside any timing). */
  private synchronized void fill(long count) throws IOException {
    if (filled == count) {
      return;
    }
    Path maildir = user.maildir();
    HostProcess.deleteTree(maildir);
    for (String sub : List.of("cur", "new", "tmp")) {
      Files.createDirectories(maildir.resolve(sub));
    }
    long now = System.currentTimeMillis() / 1000;
    for (long i = 1; i <= count; i++) {
      byte[] message = message(i);
      String name =
          (now - count + i)
              + ".M"
              + i
              + "P1.bench,S="
              + message.length
              + ":2,"
              + (i % 3 == 0 ? "S" : "");
      Files.write(maildir.resolve("cur").resolve(name), message);
    }
    HostProcess.run(
        List.of(
            "chown", "-R", user.account().uid() + ":" + user.account().gid(), maildir.toString()));
    filled = count;
  }

  private static byte[] message(long i) {
    String text =
        "Return-Path: <sender@inetkit.test>\r\n"
            + "From: Sender "
            + (i % 17)
            + " <sender"
            + (i % 17)
            + "@inetkit.test>\r\n"
            + "To: Bench <bench@inetkit.test>\r\n"
            + "Subject: Benchmark message number "
            + i
            + " with a subject of usual length\r\n"
            + "Date: Mon, 7 Dec 2026 09:00:00 +0000\r\n"
            + "Message-ID: <"
            + i
            + ".bench@inetkit.test>\r\n"
            + "MIME-Version: 1.0\r\n"
            + "Content-Type: text/plain; charset=UTF-8\r\n"
            + "\r\n"
            + "Hello,\r\n\r\n"
            + "this is message "
            + i
            + ". "
            + "Lorem ipsum dolor sit amet, consectetur adipiscing elit.\r\n".repeat(8);
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private int port() {
    return mail.port(Dovecot.Listener.IMAP);
  }

  private Contender library(String name, int page) {
    return Peers.inProcess(
        name,
        trial -> {
          fill(trial.size());
          ImapClient client =
              ImapClient.builder()
                  .endpoint("127.0.0.1", port())
                  .tlsMode(TlsMode.NONE)
                  .plaintextLogin(PlaintextLogin.ALLOWED)
                  .credentials(Credentials.password(user.login(), user.password().toCharArray()))
                  .build();
          AtomicLong count = new AtomicLong();
          Sample s =
              Peers.timed(
                  () -> {
                    try (ImapSession session = client.open()) {
                      session.forEachSummary("INBOX", page, summary -> count.incrementAndGet());
                    }
                    return 1;
                  });
          ImapWorkload.requireCount(count.get(), trial);
          return s;
        });
  }

  @Override
  public List<Contender> contenders() {
    List<Contender> all = new ArrayList<>();
    all.add(library(Workloads.INETKIT, ImapWorkload.PAGE));
    all.add(library(SMALL_PAGES, 1_000));
    all.add(
        Peers.python(
            tools,
            IMAPLIB,
            trial -> {
              fill(trial.size());
              return tools.python(
                  "imap_envelopes.py",
                  "127.0.0.1",
                  port(),
                  user.login(),
                  user.password(),
                  trial.size());
            },
            Peers.noCheck()));
    Contender cli =
        Peers.oneProcess(
            CLI,
            tools.cli(),
            trial -> {
              fill(trial.size());
              return List.of(
                  "env",
                  "INETKIT_BENCH_PW=" + user.password(),
                  "INETKIT_JAR=" + tools.cliJar(),
                  "sh",
                  tools.repoRoot().resolve("cli/src/dist/bin/inetkit").toString(),
                  "mail",
                  "list",
                  "-q",
                  "--tls",
                  "none",
                  "--password-env",
                  "INETKIT_BENCH_PW",
                  "imap://" + user.login() + "@127.0.0.1:" + port() + "/INBOX");
            },
            Peers.noCheck());
    // One listing per process: the time of the whole listing, not per message.
    all.add(
        new Contender(
            CLI,
            cli.timing(),
            cli.availability(),
            trial -> {
              Sample s = cli.task().run(trial);
              return new Sample(s.elapsed(), 1, s.memory());
            }));
    return all;
  }

  @Override
  public List<Goal> goals() {
    return List.of(Goal.timeAtMost(Workloads.INETKIT, IMAPLIB, 1.0));
  }

  @Override
  public List<String> notes() {
    return List.of(
        "issue 18 goal 6: inetkit's `forEachSummary(\"INBOX\", page, ...)` fetches `UID FLAGS RFC822.SIZE ENVELOPE BODYSTRUCTURE` and parses each response into a `MessageSummary`; imaplib sends `UID FETCH 1:* (UID FLAGS ENVELOPE RFC822.SIZE)` and only splits the response into lines (no envelope parsing). Two page sizes show what the fetch-batch size costs.",
        "the Maildir is written directly (10,000 small text messages, a third marked seen) and chowned to the mailbox's system account; the warm-up listing makes Dovecot build its index, outside the timing.");
  }

  @Override
  public void close() throws IOException {
    if (mail != null) {
      mail.close();
      mail = null;
    }
  }
}
