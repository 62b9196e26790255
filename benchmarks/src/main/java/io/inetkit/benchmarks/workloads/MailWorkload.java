package io.inetkit.benchmarks.workloads;

import io.inetkit.benchmarks.LatencyProxy;
import io.inetkit.benchmarks.Metric;
import io.inetkit.benchmarks.Network;
import io.inetkit.core.Credentials;
import java.io.IOException;
import java.util.List;

/**
 * Base of the mail workloads: one GreenMail (testkit MailServer) JVM, one mailbox, direct and with
 * latency.
 */
abstract class MailWorkload extends ServerWorkload {

  /** How many messages this workload last put in the INBOX (-1: unknown). */
  private long filled = -1;

  @Override
  public Metric metric() {
    return Metric.ITEMS_PER_SECOND;
  }

  @Override
  public String itemName() {
    return "msg";
  }

  @Override
  public List<Network> networks() {
    return List.of(Network.DIRECT, Network.LATENCY);
  }

  /** The port of {@code protocol} ({@code smtp}, {@code imap}, {@code pop3}) on {@code network}. */
  final int mailPort(String protocol, Network network) throws IOException {
    return port("mail." + protocol + ".port", network, LatencyProxy.Mode.PLAIN);
  }

  /** The mailbox's login. */
  final String login() {
    return server().get("mail.login");
  }

  /** The mailbox's password (a testkit account on loopback). */
  final String password() {
    return server().get("mail.password");
  }

  /** The mailbox's credentials for inetkit. */
  final Credentials credentials() {
    return Credentials.password(login(), password().toCharArray());
  }

  /** Fills the INBOX with {@code count} messages of about 2 KiB unless it already holds them. */
  final synchronized void fill(long count) throws IOException {
    if (filled != count) {
      filled = -1;
      server().command("mail.fill " + count);
      filled = count;
    }
  }

  @Override
  public void close() throws Exception {
    filled = -1;
    super.close();
  }
}
