package io.inetkit.benchmarks.workloads;

import io.inetkit.benchmarks.Contender;
import io.inetkit.benchmarks.Goal;
import io.inetkit.benchmarks.Network;
import io.inetkit.benchmarks.Peers;
import io.inetkit.benchmarks.Trial;
import io.inetkit.core.TlsMode;
import io.inetkit.mail.pop3.Pop3Client;
import io.inetkit.mail.pop3.Pop3Message;
import io.inetkit.mail.pop3.Pop3Session;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** POP3: RETR every message of a 10,000-message mailbox (content discarded), against poplib. */
final class Pop3Workload extends MailWorkload {

  static final String POPLIB = "python poplib";

  @Override
  public String id() {
    return "pop3";
  }

  @Override
  public String title() {
    return "POP3 download";
  }

  @Override
  public long fullSize(Network network) {
    return network == Network.DIRECT ? 10_000 : 50;
  }

  private long download(Trial trial) throws Exception {
    Pop3Client client =
        Pop3Client.builder()
            .endpoint(HOST, mailPort("pop3", trial.network()))
            .tlsMode(TlsMode.NONE)
            .plaintextLogin(io.inetkit.core.PlaintextLogin.ALLOWED)
            .credentials(credentials())
            .build();
    return downloadAll(client);
  }

  /** Downloads (and discards) every message of {@code client}'s mailbox; returns the count. */
  static long downloadAll(Pop3Client client) throws IOException {
    long count = 0;
    try (Pop3Session session = client.open()) {
      for (Pop3Message m : session.list()) {
        session.download(m.uidl(), OutputStream.nullOutputStream());
        count++;
      }
    }
    return count;
  }

  @Override
  public List<Contender> contenders() {
    return List.of(
        Peers.inProcess(
            Workloads.INETKIT,
            trial -> {
              fill(trial.size());
              var s = Peers.timed(() -> download(trial));
              if (s.work() != trial.size()) {
                throw new IOException(
                    "downloaded " + s.work() + " messages, expected " + trial.size());
              }
              return s;
            }),
        Peers.python(
            tools(),
            POPLIB,
            trial -> {
              fill(trial.size());
              return tools()
                  .python(
                      "pop3_download.py",
                      HOST,
                      mailPort("pop3", trial.network()),
                      login(),
                      password());
            },
            Peers.noCheck()));
  }

  @Override
  public List<Goal> goals() {
    return List.of(Goal.speedAtLeast(Workloads.INETKIT, POPLIB, 1.0));
  }

  @Override
  public List<String> notes() {
    return List.of(
        "both clients LIST (inetkit also UIDL) and RETR every message, discarding the content; nothing is deleted.",
        "the mailbox holds issue 10's 10,000 messages direct and 50 with latency (with latency every message costs at least a 20 ms round trip); rates in msg/s are compared. testkit's GreenMail sets TCP_NODELAY: without it, every RETR waits ~40 ms for the client's delayed ACK and every client runs at ~22 msg/s.",
        "inetkit's session sends CAPA, AUTH, STAT, UIDL and LIST before the first RETR, Python's script USER, PASS, STAT and LIST: UIDL is one round trip more per session, because `Pop3Session.list()` promises every message's UIDL (GreenMail offers no PIPELINING to hide it), so with latency inetkit can reach at most (N + 4) / (N + 5) of Python's rate for N messages. Direct, a JFR profile shows inetkit's client thread mostly waiting on the socket; what remains is per-session set-up (a Jakarta Mail session and its provider lookup, several ms per open) and Angus reading RETR through a character-at-a-time reader until the JIT compiles it.");
  }
}
