package io.inetkit.benchmarks.workloads;

import io.inetkit.benchmarks.Ceiling;
import io.inetkit.benchmarks.Contender;
import io.inetkit.benchmarks.Goal;
import io.inetkit.benchmarks.LatencyProxy;
import io.inetkit.benchmarks.Network;
import io.inetkit.benchmarks.Peers;
import io.inetkit.benchmarks.Tools;
import io.inetkit.benchmarks.Trial;
import io.inetkit.core.TlsMode;
import io.inetkit.mail.MailMessage;
import io.inetkit.mail.smtp.SendOutcome;
import io.inetkit.mail.smtp.SmtpClient;
import io.inetkit.mail.smtp.SmtpSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;

/**
 * SMTP: many 2 KiB messages over one session (10,000 direct), against Python's smtplib over one
 * session and one curl process per message. Each trial's messages are counted on the server, then
 * purged, outside the timing.
 */
final class SmtpWorkload extends MailWorkload {

  /** The server the messages go to. */
  enum Target {
    /** GreenMail via testkit's MailServer: stores every message. */
    GREENMAIL,
    /** testkit's SmtpSink: counts and discards, a faster server. */
    SINK
  }

  private final Target target;

  SmtpWorkload(Target target) {
    this.target = target;
  }

  static final String SEND_LOOP = "inetkit (library, send() loop)";
  static final String SMTPLIB = "python smtplib (one session)";
  static final String CURL_PER_MESSAGE = "curl (one process per message)";
  static final int CURL_SAMPLE = 100;
  static final String FROM = "sender@example.org";
  private static final String BODY =
      "The quick brown fox jumps over the lazy dog, line after line.\n".repeat(30);

  @Override
  public String id() {
    return target == Target.SINK ? "smtp-sink" : "smtp";
  }

  @Override
  public String title() {
    return target == Target.SINK
        ? "SMTP batch to a discarding server (SmtpSink)"
        : "SMTP batch of 2 KiB messages";
  }

  /** The SMTP port on {@code network}. */
  private int smtpPort(Network network) throws IOException {
    return target == Target.SINK
        ? port("sink.port", network, LatencyProxy.Mode.PLAIN)
        : mailPort("smtp", network);
  }

  @Override
  public long fullSize(Network network) {
    return network == Network.DIRECT ? 10_000 : 50;
  }

  private SmtpClient client(Network network) throws IOException {
    return SmtpClient.builder().endpoint(HOST, smtpPort(network)).tlsMode(TlsMode.NONE).build();
  }

  private String to() {
    return server().get("mail.address");
  }

  /** The messages of a trial, built as the session asks for them (nothing held in a list). */
  private List<MailMessage> messages(long count) {
    return messages(to(), BODY, count);
  }

  /**
   * {@code count} text messages from {@link #FROM} to {@code to}, each built (MIME rendering
   * included) only when a session asks for it, so nothing is held in a list.
   */
  static List<MailMessage> messages(String to, String body, long count) {
    return new AbstractList<>() {
      @Override
      public MailMessage get(int i) {
        return MailMessage.builder()
            .from(FROM)
            .to(to)
            .subject("Benchmark message " + i)
            .text(body)
            .build();
      }

      @Override
      public int size() {
        return (int) count;
      }
    };
  }

  /** The raw message Python and curl send: the same headers and body. */
  private Path rawMessage() throws IOException {
    Path file = context().scratch().resolve("message.eml");
    if (!Files.exists(file)) {
      String text =
          "From: "
              + FROM
              + "\r\nTo: "
              + to()
              + "\r\nSubject: Benchmark message\r\nMIME-Version: 1.0\r\n"
              + "Content-Type: text/plain; charset=us-ascii\r\n\r\n"
              + BODY.replace("\n", "\r\n");
      Files.writeString(file, text);
    }
    return file;
  }

  /** Checks the server stored what the trial sent, then empties the mailbox. */
  private Peers.Check stored(int cap) {
    return trial -> {
      long want = Peers.sample(trial.size(), cap);
      long got;
      if (target == Target.SINK) {
        got = Long.parseLong(server().command("sink.take"));
      } else {
        got = Long.parseLong(server().command("mail.count"));
        server().command("mail.purge");
      }
      if (got != want) {
        throw new IOException("server stored " + got + " messages, expected " + want);
      }
    };
  }

  private long sendAll(Trial trial) throws Exception {
    try (SmtpSession session = client(trial.network()).open()) {
      List<SendOutcome> outcomes = session.sendAll(messages(trial.size()));
      requireSent(outcomes);
      return outcomes.size();
    }
  }

  /** Throws the first failure among {@code outcomes}. */
  static void requireSent(List<SendOutcome> outcomes) throws Exception {
    for (SendOutcome o : outcomes) {
      if (o instanceof SendOutcome.Failed f) {
        throw f.error();
      }
    }
  }

  private long sendLoop(Trial trial) throws Exception {
    try (SmtpSession session = client(trial.network()).open()) {
      for (MailMessage m : messages(trial.size())) {
        session.send(m);
      }
      return trial.size();
    }
  }

  @Override
  public List<Contender> contenders() {
    List<Contender> all = new ArrayList<>();
    all.add(
        Peers.inProcess(
            Workloads.INETKIT,
            trial -> {
              var s = Peers.timed(() -> sendAll(trial));
              stored(Integer.MAX_VALUE).verify(trial);
              return s;
            }));
    all.add(
        Peers.inProcess(
            SEND_LOOP,
            trial -> {
              var s = Peers.timed(() -> sendLoop(trial));
              stored(Integer.MAX_VALUE).verify(trial);
              return s;
            }));
    all.add(
        Peers.python(
            tools(),
            SMTPLIB,
            trial ->
                tools()
                    .python(
                        "smtp_send.py",
                        HOST,
                        smtpPort(trial.network()),
                        trial.size(),
                        rawMessage(),
                        FROM,
                        to()),
            stored(Integer.MAX_VALUE)));
    all.add(
        Peers.perProcess(
            CURL_PER_MESSAGE,
            tools().curl(),
            CURL_SAMPLE,
            i ->
                trial ->
                    List.of(
                        Tools.curlCommand(),
                        "-sS",
                        "smtp://" + HOST + ":" + smtpPort(trial.network()),
                        "--mail-from",
                        FROM,
                        "--mail-rcpt",
                        to(),
                        "-T",
                        rawMessage().toString()),
            stored(CURL_SAMPLE)));
    return all;
  }

  @Override
  public List<Goal> goals() {
    return List.of(
        Goal.speedAtLeast(Workloads.INETKIT, SMTPLIB, 1.0),
        Goal.speedAtLeast(Workloads.INETKIT, CURL_PER_MESSAGE, 10));
  }

  @Override
  public List<Ceiling> ceilings() {
    return target == Target.SINK
        ? List.of()
        : List.of(
            Ceiling.roundTrips(
                Workloads.INETKIT,
                CURL_PER_MESSAGE,
                2,
                "MAIL FROM, RCPT TO and DATA pipelined as RFC 2920 allows, then the content and its 250"));
  }

  @Override
  public List<String> notes() {
    if (target == Target.SINK) {
      return List.of(
          "the same clients and messages as the SMTP batch, sent to testkit's SmtpSink, which counts and discards messages: shows how much of the GreenMail figures is the server.",
          "SmtpSink offers PIPELINING (GreenMail does not): inetkit sends MAIL FROM, RCPT TO and DATA in one write (two round trips per message); Python's smtplib and curl do not pipeline (four round trips), which shows with latency.");
    }
    return List.of(
        "inetkit (library) is `SmtpSession.sendAll` (reconnects on 421; RSET only after a failed transaction); the `send() loop` row sends the same messages one by one. Messages are built lazily (`MailMessage`), so MIME rendering is inside inetkit's time; Python and curl send a prepared file.",
        "a batch is issue 10's 10,000 messages direct and 50 with latency (with latency every message to GreenMail costs 4 round trips, so 10,000 would take over 15 minutes per contender); rates in msg/s are compared.",
        "direct, GreenMail sets the pace: the same inetkit client sends to SmtpSink well ahead of Python (see those rows), so the GreenMail ratio measures the server's cost per message more than the clients'. With latency and no PIPELINING (GreenMail), every client waits for 4 replies per message (MAIL, RCPT, DATA, end of data): equal rates are the ceiling, which is why inetkit and Python tie there; against SmtpSink, which pipelines, inetkit needs 2.",
        "curl runs one process per message for a sample of a tenth of the batch, at most "
            + CURL_SAMPLE
            + " messages; its rate is extrapolated, not timed over the whole batch.");
  }
}
