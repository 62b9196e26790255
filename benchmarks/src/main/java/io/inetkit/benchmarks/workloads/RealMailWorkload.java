package io.inetkit.benchmarks.workloads;

import io.inetkit.benchmarks.Availability;
import io.inetkit.benchmarks.BenchContext;
import io.inetkit.benchmarks.Metric;
import io.inetkit.benchmarks.Network;
import io.inetkit.benchmarks.Tools;
import io.inetkit.benchmarks.Workload;
import io.inetkit.core.Credentials;
import io.inetkit.testkit.mail.Dovecot;
import io.inetkit.testkit.mail.MailUser;
import io.inetkit.testkit.mail.Postfix;
import io.inetkit.testkit.mail.RealMail;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A workload on Debian's Dovecot and Postfix (testkit's {@link RealMail}): one mailbox, plain IMAP,
 * POP3 and SMTP on 127.0.0.1 (Dovecot treats loopback as secure, so the password may go without
 * TLS), sized and timed as its {@link Measure} says. {@link #fill} puts exactly the trial's number
 * of messages into the INBOX ({@link BenchMaildir}). Needs root, Dovecot and Postfix; skipped with
 * the reason otherwise.
 */
abstract class RealMailWorkload implements Workload {
  static final String USER = "bench";

  /** How a real-mail workload is sized and timed. */
  enum Measure {
    /**
     * Milliseconds per whole run (a listing, a sync) over a 10,000-message account; the warm-up
     * runs at full size, since Dovecot indexes the folders on the first run.
     */
    WHOLE_RUN(Metric.MILLIS, 10_000, 100),
    /** Messages per second over a batch of 2,000 messages. */
    MESSAGE_RATE(Metric.ITEMS_PER_SECOND, 2_000, 20);

    private final Metric metric;
    private final long fullSize;
    private final long minSize;

    Measure(Metric metric, long fullSize, long minSize) {
      this.metric = metric;
      this.fullSize = fullSize;
      this.minSize = minSize;
    }
  }

  private final Measure measure;
  private RealMail mail;
  private MailUser user;
  private Tools tools;
  private long filled = -1;

  RealMailWorkload(Measure measure) {
    this.measure = measure;
  }

  @Override
  public Metric metric() {
    return measure.metric;
  }

  /** "msg" for {@link Measure#MESSAGE_RATE}; whole-run workloads name their run. */
  @Override
  public String itemName() {
    return "msg";
  }

  @Override
  public long fullSize(Network network) {
    return measure.fullSize;
  }

  @Override
  public long minSize() {
    return measure.minSize;
  }

  @Override
  public long warmUpSize(Network network, long size) {
    return measure == Measure.WHOLE_RUN ? size : Workload.super.warmUpSize(network, size);
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
  synchronized void fill(long count) throws IOException {
    if (filled != count) {
      BenchMaildir.fill(user, count);
      filled = count;
    }
  }

  Tools tools() {
    return tools;
  }

  MailUser user() {
    return user;
  }

  Credentials credentials() {
    return Credentials.password(user.login(), user.password().toCharArray());
  }

  int port(Dovecot.Listener listener) {
    return mail.port(listener);
  }

  int port(Postfix.Listener listener) {
    return mail.port(listener);
  }

  /** The run's CA certificate (PEM), which Dovecot's STARTTLS certificate is signed by. */
  Path caPem() {
    return mail.caPem();
  }

  /**
   * Waits until Postfix has delivered {@code count} messages to the mailbox; returns their files.
   */
  List<Path> awaitDelivered(int count) throws IOException {
    return mail.awaitDelivered(user, count);
  }

  /** The CLI through the distribution's launcher, the password in an environment variable. */
  List<String> cli(String... args) {
    return CliLauncher.command(tools, List.of("INETKIT_BENCH_PW=" + user.password()), args);
  }

  @Override
  public void close() throws IOException {
    if (mail != null) {
      mail.close();
      mail = null;
    }
  }
}
