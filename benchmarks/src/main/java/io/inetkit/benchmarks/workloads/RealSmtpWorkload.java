package io.inetkit.benchmarks.workloads;

import io.inetkit.benchmarks.Availability;
import io.inetkit.benchmarks.BenchContext;
import io.inetkit.benchmarks.Contender;
import io.inetkit.benchmarks.Goal;
import io.inetkit.benchmarks.Peers;
import io.inetkit.benchmarks.Sample;
import io.inetkit.benchmarks.Trial;
import io.inetkit.core.TlsMode;
import io.inetkit.mail.MailMessage;
import io.inetkit.mail.smtp.SmtpClient;
import io.inetkit.mail.smtp.SmtpSession;
import io.inetkit.testkit.host.HostProcess;
import io.inetkit.testkit.mail.Postfix;
import io.inetkit.testkit.mail.RealMail;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Issue 18 goal 5: N 2 KiB messages to Debian's Postfix (testkit's {@link RealMail}, which delivers
 * them into a Maildir), inetkit's {@code SmtpSession.sendAll} over one session and {@code
 * SmtpClient.sendAll(messages, 4)} over four, the CLI's {@code mail send --eml DIR --parallel 4},
 * against Postfix's own load generator {@code smtp-source -d} (one session) and {@code -s 4}
 * (four). Plain SMTP on 127.0.0.1. After every trial the check waits until Postfix has delivered
 * every message (outside the timing) and empties the Maildir, so no contender pays for the previous
 * one's deliveries. Needs root, Postfix and Dovecot; skipped with the reason otherwise.
 */
final class RealSmtpWorkload extends RealMailWorkload {

  static final String POOL = "inetkit (library, SmtpClient.sendAll over 4 sessions)";
  static final String CLI = "inetkit (CLI, mail send --eml DIR --parallel 4)";
  static final String SOURCE = "smtp-source -d (one session)";
  static final String SOURCE_4 = "smtp-source -s 4 -d (4 sessions)";

  /** 32 lines of 64 bytes: 2 KiB of body, as {@code smtp-source -l 2048}. */
  private static final String BODY = ("x".repeat(63) + "\n").repeat(32);

  private static final Path SMTP_SOURCE = Path.of("/usr/sbin/smtp-source");

  private Path emlDir;
  private long emlCount;

  RealSmtpWorkload() {
    super(Measure.MESSAGE_RATE);
  }

  @Override
  public String id() {
    return "rs-smtp";
  }

  @Override
  public String title() {
    return "SMTP batch of 2 KiB messages (Postfix)";
  }

  @Override
  public void setUp(BenchContext context, long maxSize) throws Exception {
    emlDir = Files.createDirectories(context.scratch().resolve("rs-smtp-eml"));
    super.setUp(context, maxSize);
  }

  private int port() {
    return port(Postfix.Listener.SMTP);
  }

  /** The messages of a trial, built as the sessions ask for them (MIME rendering is timed). */
  private List<MailMessage> messages(long count) {
    return SmtpWorkload.messages(user().address(), BODY, count);
  }

  /** Writes {@code count} prepared .eml files for the CLI (outside any timing). */
  private synchronized Path emlFiles(long count) throws IOException {
    if (emlCount != count) {
      HostProcess.deleteTree(emlDir);
      Files.createDirectories(emlDir);
      for (long i = 0; i < count; i++) {
        String text =
            "From: "
                + SmtpWorkload.FROM
                + "\r\nTo: "
                + user().address()
                + "\r\nSubject: Benchmark message "
                + i
                + "\r\nMessage-ID: <"
                + i
                + ".bench@example.org>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=us-ascii\r\n\r\n"
                + BODY.replace("\n", "\r\n");
        Files.writeString(emlDir.resolve(String.format(Locale.ROOT, "%06d.eml", i)), text);
      }
      emlCount = count;
    }
    return emlDir;
  }

  /** Waits until Postfix delivered the trial's messages, then empties the Maildir. */
  private void delivered(Trial trial) throws IOException {
    List<Path> got = awaitDelivered((int) trial.size());
    if (got.size() != trial.size()) {
      throw new IOException(
          "Postfix delivered " + got.size() + " messages, expected " + trial.size());
    }
    for (Path p : got) {
      Files.deleteIfExists(p);
    }
  }

  private Contender library(String name, int sessions) {
    return Peers.inProcess(
        name,
        trial -> {
          SmtpClient client =
              SmtpClient.builder().endpoint("127.0.0.1", port()).tlsMode(TlsMode.NONE).build();
          List<MailMessage> messages = messages(trial.size());
          Sample s =
              Peers.timed(
                  () -> {
                    if (sessions == 1) {
                      try (SmtpSession session = client.open()) {
                        SmtpWorkload.requireSent(session.sendAll(messages));
                      }
                    } else {
                      SmtpWorkload.requireSent(client.sendAll(messages, sessions));
                    }
                    return trial.size();
                  });
          delivered(trial);
          return s;
        });
  }

  private Availability smtpSource() {
    return Files.isExecutable(SMTP_SOURCE)
        ? Availability.AVAILABLE
        : Availability.missing(SMTP_SOURCE + " not found (Debian's postfix package has it)");
  }

  private Contender smtpSource(String name, int sessions) {
    return Peers.oneProcess(
        name,
        smtpSource(),
        trial -> {
          List<String> cmd = new ArrayList<>();
          cmd.add(SMTP_SOURCE.toString());
          cmd.addAll(
              List.of(
                  "-l",
                  "2048",
                  "-m",
                  Long.toString(trial.size()),
                  "-f",
                  SmtpWorkload.FROM,
                  "-t",
                  user().address(),
                  "-d"));
          if (sessions > 1) {
            cmd.addAll(List.of("-s", Integer.toString(sessions)));
          }
          cmd.add("127.0.0.1:" + port());
          return cmd;
        },
        this::delivered);
  }

  @Override
  public List<Contender> contenders() {
    List<Contender> all = new ArrayList<>();
    all.add(library(Workloads.INETKIT, 1));
    all.add(library(POOL, 4));
    all.add(
        Peers.oneProcess(
            CLI,
            tools().cli(),
            trial ->
                CliLauncher.command(
                    tools(),
                    List.of(),
                    "mail",
                    "send",
                    "-q",
                    "--tls",
                    "none",
                    "--server",
                    "smtp://127.0.0.1:" + port(),
                    "--eml",
                    emlFiles(trial.size()).toString(),
                    "--parallel",
                    "4"),
            this::delivered));
    all.add(smtpSource(SOURCE, 1));
    all.add(smtpSource(SOURCE_4, 4));
    return all;
  }

  @Override
  public List<Goal> goals() {
    return List.of(
        Goal.speedAtLeast(Workloads.INETKIT, SOURCE, 1.0), Goal.speedAtLeast(POOL, SOURCE_4, 1.0));
  }

  @Override
  public List<String> notes() {
    return List.of(
        "issue 18 goal 5: Postfix on 127.0.0.1 (testkit's RealMail, Maildir delivery), plain SMTP; Postfix offers PIPELINING and CHUNKING. inetkit pipelines each message's end of data with the next one's MAIL FROM, RCPT TO and DATA (one write and one round trip per message); smtp-source sends HELO and every command lock-step (four round trips). Either way a message waits for Postfix's cleanup to write and fsync its queue file before the 250, which is what sets the pace on one session.",
        "smtp-source sends From, To, Date and Message-Id headers and 2,048 bytes of body (2,185 bytes); inetkit's messages are built lazily as `MailMessage`s (From, To, Subject, Date, Message-ID, MIME headers and a 2 KiB body, about 2,330 bytes), so MIME rendering is inside inetkit's time. The CLI sends prepared .eml files (written outside the timing) with `mail send --eml DIR --parallel 4`, JVM start included.",
        "after every trial the check waits (outside the timing) until Postfix has delivered every message into the Maildir, then empties it, so no contender's time includes the previous one's deliveries. smtp-source is one process for all its sessions (event-driven); inetkit's pool is one thread per session.");
  }
}
