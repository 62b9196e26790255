package io.inetkit.benchmarks.workloads;

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

  /** Every workload, in issue 10's order. */
  public static List<Workload> all() {
    List<Workload> all = new ArrayList<>();
    all.add(new FtpGetWorkload(FtpServerKind.APACHE, TlsMode.NONE));
    all.add(new FtpPutWorkload(FtpServerKind.APACHE));
    all.add(new FtpPutWorkload(FtpServerKind.VSFTPD));
    all.add(new FtpGetWorkload(FtpServerKind.APACHE, TlsMode.STARTTLS_REQUIRED));
    all.add(new FtpGetWorkload(FtpServerKind.VSFTPD, TlsMode.STARTTLS_REQUIRED));
    all.add(new FtpMirrorWorkload(FtpServerKind.APACHE));
    all.add(new FtpMirrorWorkload(FtpServerKind.VSFTPD));
    all.add(new SmtpWorkload(SmtpWorkload.Target.GREENMAIL));
    all.add(new SmtpWorkload(SmtpWorkload.Target.SINK));
    all.add(new ImapWorkload());
    all.add(new Pop3Workload());
    all.add(new GopherWorkload());
    all.add(new TelnetWorkload());
    all.add(new VersionWorkload());
    all.add(new TestkitStartWorkload());
    all.add(new FtpListStartupWorkload());
    // Issue 18: Debian's real servers (root only; skipped with the reason otherwise).
    all.add(new RealFtpGetWorkload(false));
    all.add(new RealFtpGetWorkload(true));
    all.add(new RealImapListWorkload());
    all.add(new RealFtpMirrorWorkload());
    all.add(new RealPop3GetWorkload());
    all.add(new RealMaildirSyncWorkload());
    all.add(new RealSmtpWorkload()); // goal 5: Postfix vs smtp-source
    return all;
  }
}
