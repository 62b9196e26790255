package io.inetkit.benchmarks.workloads;

import io.inetkit.benchmarks.Availability;
import io.inetkit.benchmarks.Contender;
import io.inetkit.benchmarks.Goal;
import io.inetkit.benchmarks.Metric;
import io.inetkit.benchmarks.Network;
import io.inetkit.benchmarks.Peers;
import io.inetkit.benchmarks.Tools;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code inetkit ftp ls} of a one-file folder, one process per listing (JVM start-up included),
 * against {@code curl} listing the same folder: what a shell script calling the command pays.
 */
final class FtpListStartupWorkload extends FtpWorkload {

  static final String JAR = "inetkit ftp ls (java -jar)";
  static final String DIST = "inetkit ftp ls (bin/inetkit)";
  private static final int INVOCATIONS = 5;

  FtpListStartupWorkload() {
    super(FtpServerKind.APACHE);
  }

  @Override
  String baseId() {
    return "ftp-ls-startup";
  }

  @Override
  String baseTitle() {
    return "`inetkit ftp ls` of one file, wall time";
  }

  @Override
  public Metric metric() {
    return Metric.MILLIS;
  }

  @Override
  public String itemName() {
    return "invocation";
  }

  @Override
  public long fullSize(Network network) {
    return INVOCATIONS;
  }

  @Override
  public long minSize() {
    return 1;
  }

  @Override
  public List<Contender> contenders() {
    List<Contender> all = new ArrayList<>();
    all.add(
        Peers.perProcess(
            JAR,
            tools().cli(),
            Integer.MAX_VALUE,
            i ->
                t ->
                    List.of(
                        Tools.javaCommand(),
                        "-jar",
                        tools().cliJar().toString(),
                        "ftp",
                        "ls",
                        curlUrl(t.network(), tree(1, 1024) + "/"),
                        "--tls",
                        "none"), // plain FTP, as curl
            Peers.noCheck()));
    all.add(
        Peers.perProcess(
            DIST,
            distribution(),
            Integer.MAX_VALUE,
            i ->
                t ->
                    List.of(
                        "env",
                        "INETKIT_JAR=" + tools().cliJar(),
                        "sh",
                        distributionScript(),
                        "ftp",
                        "ls",
                        curlUrl(t.network(), tree(1, 1024) + "/"),
                        "--tls",
                        "none"), // plain FTP, as curl
            Peers.noCheck()));
    all.add(
        Peers.perProcess(
            Workloads.CURL,
            tools().curl(),
            Integer.MAX_VALUE,
            i ->
                t -> List.of(Tools.curlCommand(), "-sS", curlUrl(t.network(), tree(1, 1024) + "/")),
            Peers.noCheck()));
    all.add(
        Peers.perProcess(
            "lftp",
            RealFtpGetWorkload.installed("lftp"),
            Integer.MAX_VALUE,
            i ->
                t ->
                    List.of(
                        "lftp",
                        "-c",
                        "set ftp:ssl-allow no; open "
                            + curlUrl(t.network(), tree(1, 1024) + "/")
                            + "; ls"),
            Peers.noCheck()));
    return all;
  }

  /** The distribution's launcher as in a clone: {@code cli/src/dist/bin/inetkit}. */
  private String distributionScript() {
    return tools().repoRoot().resolve("cli/src/dist/bin/inetkit").toString();
  }

  private Availability distribution() {
    if (!tools().cli().available()) {
      return tools().cli();
    }
    return tools().repoRoot() != null
            && Files.isRegularFile(tools().repoRoot().resolve("cli/src/dist/bin/inetkit"))
        ? Availability.AVAILABLE
        : Availability.missing("cli/src/dist/bin/inetkit not found");
  }

  @Override
  public List<Goal> goals() {
    return List.of(Goal.millisAtMost(DIST, 250));
  }

  @Override
  public List<String> notes() {
    return List.of(
        "each sample is the mean of "
            + INVOCATIONS
            + " sequential listings (password in the URL for every contender). `bin/inetkit` is the distribution's launcher: the serial collector, C1 only for `ls` (`-XX:TieredStopAtLevel=1`), and a class-data-sharing archive of the classes `inetkit ftp ...` loads, written after its first run (the warm-up) to the cache folder; `java -jar` runs the same jar without them.");
  }
}
