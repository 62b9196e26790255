package io.inetkit.benchmarks.workloads;

import io.inetkit.benchmarks.Availability;
import io.inetkit.benchmarks.Contender;
import io.inetkit.benchmarks.Goal;
import io.inetkit.benchmarks.Metric;
import io.inetkit.benchmarks.Network;
import io.inetkit.benchmarks.Peers;
import io.inetkit.benchmarks.Trial;
import io.inetkit.core.TlsMode;
import io.inetkit.mail.imap.ImapClient;
import io.inetkit.mail.imap.ImapSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * IMAP: list the envelopes of a 50,000-message INBOX, against one raw {@code UID FETCH 1:* (UID
 * FLAGS ENVELOPE RFC822.SIZE)} on a socket (the floor) and Python's imaplib doing the same.
 */
final class ImapWorkload extends MailWorkload {

  static final String RAW_FETCH = "raw UID FETCH on a socket";
  static final String IMAPLIB = "python imaplib (one UID FETCH)";

  /** Messages per FETCH for inetkit: the API's maximum, fewest round trips. */
  static final int PAGE = 10_000;

  @Override
  public String id() {
    return "imap";
  }

  @Override
  public String title() {
    return "IMAP envelope listing";
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
  public String describeSize(long size) {
    return String.format(java.util.Locale.ROOT, "%,d msg", size);
  }

  @Override
  public List<Contender> contenders() {
    return List.of(
        Peers.inProcess(
            Workloads.INETKIT,
            trial -> {
              fill(trial.size());
              ImapClient client =
                  ImapClient.builder()
                      .endpoint(HOST, mailPort("imap", trial.network()))
                      .tlsMode(TlsMode.NONE)
                      .plaintextLogin(io.inetkit.core.PlaintextLogin.ALLOWED)
                      .credentials(credentials())
                      .build();
              AtomicLong count = new AtomicLong();
              var s =
                  Peers.timed(
                      () -> {
                        try (ImapSession session = client.open()) {
                          session.forEachSummary("INBOX", PAGE, summary -> count.incrementAndGet());
                        }
                        return 1;
                      });
              requireCount(count.get(), trial);
              return s;
            }),
        Peers.python(
            tools(),
            IMAPLIB,
            trial -> {
              fill(trial.size());
              return tools()
                  .python(
                      "imap_envelopes.py",
                      HOST,
                      mailPort("imap", trial.network()),
                      login(),
                      password(),
                      trial.size());
            },
            Peers.noCheck()),
        new Contender(
            RAW_FETCH,
            "in-process wall time from connect to LOGOUT: LOGIN, SELECT, one UID FETCH 1:*, reading every response line",
            Availability.AVAILABLE,
            trial -> {
              fill(trial.size());
              long[] count = new long[1];
              var s =
                  Peers.timed(
                      () -> {
                        count[0] = rawFetch(mailPort("imap", trial.network()));
                        return 1;
                      });
              requireCount(count[0], trial);
              return s;
            }));
  }

  private static void requireCount(long got, Trial trial) throws IOException {
    if (got != trial.size()) {
      throw new IOException("listed " + got + " messages, expected " + trial.size());
    }
  }

  /** LOGIN, EXAMINE INBOX, one UID FETCH 1:*, LOGOUT; returns the number of FETCH responses. */
  private long rawFetch(int port) throws IOException {
    try (Socket socket = new Socket(HOST, port)) {
      socket.setTcpNoDelay(true);
      LineScanner in = new LineScanner(socket.getInputStream());
      OutputStream out = socket.getOutputStream();
      in.next(); // greeting
      command(out, in, "a1 LOGIN " + login() + " " + password());
      command(out, in, "a2 EXAMINE INBOX");
      long fetched = command(out, in, "a3 UID FETCH 1:* (UID FLAGS ENVELOPE RFC822.SIZE)");
      command(out, in, "a4 LOGOUT");
      return fetched;
    }
  }

  /** Sends a tagged command and reads up to its tagged reply; returns the number of FETCH lines. */
  private static long command(OutputStream out, LineScanner in, String line) throws IOException {
    out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
    String tag = line.substring(0, line.indexOf(' ') + 1);
    long fetches = 0;
    while (true) {
      String start = in.next();
      if (start.startsWith(tag)) {
        if (!start.startsWith(tag + "OK")) {
          throw new IOException("server said: " + start.strip());
        }
        return fetches;
      }
      if (start.startsWith("* ") && start.contains(" FETCH")) {
        fetches++;
      }
    }
  }

  /**
   * Reads lines in 256 KiB chunks, returning only the first bytes of each (all a tag check needs).
   */
  private static final class LineScanner {
    private static final int KEEP = 32;
    private final InputStream in;
    private final byte[] buffer = new byte[256 * 1024];
    private int pos;
    private int limit;

    LineScanner(InputStream in) {
      this.in = in;
    }

    String next() throws IOException {
      StringBuilder start = new StringBuilder(KEEP);
      while (true) {
        if (pos == limit) {
          limit = in.read(buffer);
          pos = 0;
          if (limit < 0) {
            throw new IOException("connection closed mid-reply");
          }
        }
        while (pos < limit) {
          byte b = buffer[pos++];
          if (b == '\n') {
            return start.toString();
          }
          if (start.length() < KEEP) {
            start.append((char) (b & 0xff));
          }
        }
      }
    }
  }

  @Override
  public List<Goal> goals() {
    return List.of(Goal.timeAtMost(Workloads.INETKIT, RAW_FETCH, 1.3));
  }

  @Override
  public List<String> notes() {
    return List.of(
        "inetkit lists with `ImapSession.forEachSummary(\"INBOX\", "
            + PAGE
            + ", ...)`, which fetches `UID FLAGS RFC822.SIZE ENVELOPE BODYSTRUCTURE` (BODYSTRUCTURE for its has-attachment flag: more than the raw command asks for) and parses every response into a `MessageSummary`; the raw contender only counts lines.",
        "the folder holds 10,000 messages instead of issue 10's 50,000, to fit the whole run in 15 minutes: GreenMail builds every envelope on the fly, so each listing of 50,000 takes several seconds per contender and there are 24 listings; the ratio to the raw FETCH is what the goal measures.",
        "the folder is filled through GreenMail's API, outside the timing.");
  }
}
