package io.inetkit.benchmarks.workloads;

import io.inetkit.benchmarks.Availability;
import io.inetkit.benchmarks.BenchContext;
import io.inetkit.benchmarks.Tools;
import io.inetkit.benchmarks.Workload;
import io.inetkit.core.Credentials;
import io.inetkit.testkit.mail.Dovecot;
import io.inetkit.testkit.mail.MailUser;
import io.inetkit.testkit.mail.RealMail;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A workload on Debian's Dovecot (testkit's {@link RealMail}): one mailbox whose INBOX holds
 * exactly the trial's number of messages ({@link BenchMaildir}), plain IMAP and POP3 on 127.0.0.1
 * (Dovecot treats loopback as secure, so the password may go without TLS). Needs root, Dovecot and
 * Postfix; skipped with the reason otherwise.
 */
abstract class RealMailWorkload implements Workload {
  static final String USER = "bench";

  private RealMail mail;
  private MailUser user;
  private Tools tools;
  private long filled = -1;

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

  /** The CLI through the distribution's launcher, the password in an environment variable. */
  List<String> cli(String... args) {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                "env",
                "INETKIT_BENCH_PW=" + user.password(),
                "INETKIT_JAR=" + tools.cliJar(),
                "sh",
                tools.repoRoot().resolve("cli/src/dist/bin/inetkit").toString()));
    cmd.addAll(List.of(args));
    return cmd;
  }

  @Override
  public void close() throws IOException {
    if (mail != null) {
      mail.close();
      mail = null;
    }
  }
}
