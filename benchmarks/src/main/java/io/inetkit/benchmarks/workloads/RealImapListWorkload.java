package io.inetkit.benchmarks.workloads;

import io.inetkit.benchmarks.Contender;
import io.inetkit.benchmarks.Goal;
import io.inetkit.benchmarks.Peers;
import io.inetkit.benchmarks.Sample;
import io.inetkit.core.PlaintextLogin;
import io.inetkit.core.TlsMode;
import io.inetkit.mail.imap.ImapClient;
import io.inetkit.mail.imap.ImapSession;
import io.inetkit.testkit.mail.Dovecot;
import io.inetkit.testkit.mail.RealMail;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issue 18 goal 6: list the envelopes of a 10,000-message INBOX on Debian's Dovecot (testkit's
 * {@link RealMail}), inetkit's {@code forEachSummary} at two page sizes against Python's imaplib
 * doing one {@code UID FETCH 1:*}, and the CLI's {@code mail list}. Plain IMAP on 127.0.0.1
 * (Dovecot treats loopback as secure, so LOGIN is allowed without TLS): the parser and the round
 * trips are measured, not TLS. Needs root, Dovecot and Postfix; skipped with the reason otherwise.
 */
final class RealImapListWorkload extends RealMailWorkload {

  static final String SMALL_PAGES = "inetkit (library, 1,000 per FETCH)";
  static final String IMAPLIB = "python imaplib (one UID FETCH)";
  static final String CLI = "inetkit (CLI, mail list)";

  RealImapListWorkload() {
    super(Measure.WHOLE_RUN);
  }

  @Override
  public String id() {
    return "rs-imap-list";
  }

  @Override
  public String title() {
    return "IMAP envelope listing (Dovecot)";
  }

  @Override
  public String itemName() {
    return "listing";
  }

  private int port() {
    return port(Dovecot.Listener.IMAP);
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
                  .credentials(credentials())
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
            tools(),
            IMAPLIB,
            trial -> {
              fill(trial.size());
              return tools()
                  .python(
                      "imap_envelopes.py",
                      "127.0.0.1",
                      port(),
                      user().login(),
                      user().password(),
                      trial.size());
            },
            Peers.noCheck()));
    Contender cli =
        Peers.oneProcess(
            CLI,
            tools().cli(),
            trial -> {
              fill(trial.size());
              return cli(
                  "mail",
                  "list",
                  "-q",
                  "--tls",
                  "none",
                  "--password-env",
                  "INETKIT_BENCH_PW",
                  "imap://" + user().login() + "@127.0.0.1:" + port() + "/INBOX");
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
}
