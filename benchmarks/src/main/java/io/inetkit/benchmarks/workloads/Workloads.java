package io.inetkit.benchmarks.workloads;

import io.inetkit.benchmarks.Goal;
import io.inetkit.benchmarks.Metric;
import io.inetkit.benchmarks.Report;
import io.inetkit.benchmarks.Workload;
import io.inetkit.core.TlsMode;
import java.util.ArrayList;
import java.util.List;

/** Issue 10's workloads, in table order. */
public final class Workloads {

  /** The in-process inetkit contender's name. */
  public static final String INETKIT = "inetkit (library)";
  /** The CLI contender's name. */
  public static final String INETKIT_CLI = "inetkit (CLI)";
  /** curl, one process for the whole job. */
  public static final String CURL = "curl";
  /** The raw loopback contender's name. */
  public static final String RAW = Report.RAW;

  private Workloads() {}

  /** Every workload, including those still waiting for their module. */
  public static List<Workload> all() {
    List<Workload> all = new ArrayList<>();
    all.add(new FtpGetWorkload(TlsMode.NONE));
    all.add(new FtpPutWorkload());
    all.add(new FtpGetWorkload(TlsMode.STARTTLS_REQUIRED));
    all.add(new FtpMirrorWorkload());
    all.add(pending("smtp", "SMTP batch of 2 KiB messages", Metric.ITEMS_PER_SECOND,
        List.of(INETKIT, "python smtplib (one session)", "curl (one process per message)"),
        List.of(Goal.speedAtLeast(INETKIT, "python smtplib (one session)", 1.0),
            Goal.speedAtLeast(INETKIT, "curl (one process per message)", 10)),
        "inetkit SMTP client (mail module) not merged yet"));
    all.add(pending("imap", "IMAP envelope listing", Metric.MILLIS,
        List.of(INETKIT, "python imaplib (one UID FETCH)", "raw UID FETCH on a socket"),
        List.of(Goal.timeAtMost(INETKIT, "raw UID FETCH on a socket", 1.3)),
        "inetkit IMAP client (mail module) not merged yet"));
    all.add(pending("pop3", "POP3 download", Metric.ITEMS_PER_SECOND,
        List.of(INETKIT, "python poplib"), List.of(Goal.speedAtLeast(INETKIT, "python poplib", 1.0)),
        "inetkit POP3 client (mail module) not merged yet"));
    all.add(new GopherWorkload());
    all.add(pending("telnet", "Telnet session output", Metric.MIB_PER_SECOND,
        List.of(INETKIT, "python socket", RAW), List.of(Goal.speedAtLeast(INETKIT, RAW, 0.7)),
        "inetkit Telnet client (terminal module) not merged yet"));
    all.add(new VersionWorkload());
    return all;
  }

  private static Workload pending(
      String id, String title, Metric metric, List<String> contenders, List<Goal> goals, String missing) {
    return new PendingWorkload(id, title, metric, contenders, goals, missing);
  }
}
