package io.inetkit.benchmarks.workloads;

import io.inetkit.benchmarks.Availability;
import io.inetkit.testkit.ftp.Vsftpd;

/**
 * The FTP server a workload runs against: testkit's embedded Apache FtpServer, or Debian's vsftpd
 * (a faster real server, for the workloads where Apache FtpServer sets the pace). The server JVM
 * publishes each one's port, user and files under its {@link #prefix}.
 */
enum FtpServerKind {
  /** testkit's Apache FtpServer, in the server JVM. */
  APACHE("ftp", "", "", "testkit's Apache FtpServer"),
  /** vsftpd started by the server JVM on a free 127.0.0.1 port. */
  VSFTPD("vsftpd", "-vsftpd", " (vsftpd)", "vsftpd");

  private final String prefix;
  private final String idSuffix;
  private final String titleSuffix;
  private final String label;

  FtpServerKind(String prefix, String idSuffix, String titleSuffix, String label) {
    this.prefix = prefix;
    this.idSuffix = idSuffix;
    this.titleSuffix = titleSuffix;
    this.label = label;
  }

  /** The server JVM's key or command for this server, e.g. {@code vsftpd.port}. */
  String key(String name) {
    return prefix + "." + name;
  }

  /** Appended to a workload id, e.g. {@code ftp-put-vsftpd}. */
  String idSuffix() {
    return idSuffix;
  }

  /** Appended to a workload title, e.g. {@code FTP put (vsftpd)}. */
  String titleSuffix() {
    return titleSuffix;
  }

  /** The server's name in notes. */
  String label() {
    return label;
  }

  /** Whether the server can run here: vsftpd needs its executable and root. */
  Availability availability() {
    if (this == APACHE) {
      return Availability.AVAILABLE;
    }
    return Vsftpd.unavailable().map(Availability::missing).orElse(Availability.AVAILABLE);
  }
}
