package io.inetkit.benchmarks.workloads;

import io.inetkit.benchmarks.Availability;
import io.inetkit.benchmarks.BenchContext;
import io.inetkit.benchmarks.ChildProcess;
import io.inetkit.benchmarks.Contender;
import io.inetkit.benchmarks.Goal;
import io.inetkit.benchmarks.Memory;
import io.inetkit.benchmarks.Metric;
import io.inetkit.benchmarks.Network;
import io.inetkit.benchmarks.Peers;
import io.inetkit.benchmarks.Sample;
import io.inetkit.benchmarks.Tools;
import io.inetkit.benchmarks.Workload;
import io.inetkit.benchmarks.host.TestkitStartup;
import io.inetkit.benchmarks.host.TestkitStartup.Setup;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long a test class waits for its servers: testkit's {@code @InetkitTest} (SMTP only, and all
 * six protocols) against GreenMail's SMTP server, each started in a fresh JVM as the first test
 * class of a suite and as a later one.
 */
final class TestkitStartWorkload implements Workload {

  static final String SMTP_FIRST = "testkit SMTP (3 listeners), first class";
  static final String GREENMAIL_FIRST = "GreenMail SMTP, first class";
  static final String ALL_FIRST = "testkit all six (14 listeners), first class";
  static final String SMTP_NEXT = "testkit SMTP (3 listeners), next class";
  static final String GREENMAIL_NEXT = "GreenMail SMTP, next class";
  static final String ALL_NEXT = "testkit all six (14 listeners), next class";

  private static final int STARTS = 5;
  private static final Pattern ELAPSED = Pattern.compile("elapsed=([0-9.]+)");

  @Override
  public String id() {
    return "testkit-start";
  }

  @Override
  public String title() {
    return "test servers ready for a test class";
  }

  @Override
  public Metric metric() {
    return Metric.MILLIS;
  }

  @Override
  public String itemName() {
    return "start";
  }

  @Override
  public long fullSize(Network network) {
    return STARTS;
  }

  @Override
  public void setUp(BenchContext context, long maxSize) {}

  @Override
  public List<Contender> contenders() {
    return List.of(
        start(SMTP_FIRST, Setup.INETKIT_SMTP, "first"),
        start(GREENMAIL_FIRST, Setup.GREENMAIL_SMTP, "first"),
        start(ALL_FIRST, Setup.INETKIT_ALL, "first"),
        start(SMTP_NEXT, Setup.INETKIT_SMTP, "next"),
        start(GREENMAIL_NEXT, Setup.GREENMAIL_SMTP, "next"),
        start(ALL_NEXT, Setup.INETKIT_ALL, "next"));
  }

  /** One fresh JVM per start; the sample is the sum of the starts as each JVM timed them. */
  private static Contender start(String name, Setup setup, String when) {
    return new Contender(
        name,
        "in-JVM wall time of the start alone, one fresh JVM per start (JVM start-up excluded)",
        Availability.AVAILABLE,
        trial -> {
          long nanos = 0;
          long peak = -1;
          for (int i = 0; i < trial.size(); i++) {
            List<String> cmd =
                new ArrayList<>(
                    List.of(
                        Tools.javaCommand(),
                        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                        "-cp",
                        absoluteClassPath(),
                        TestkitStartup.class.getName(),
                        setup.id(),
                        when));
            ChildProcess.Result r =
                ChildProcess.run(cmd, trial.scratch(), Peers.PROCESS_TIMEOUT).requireSuccess(cmd);
            Matcher m = ELAPSED.matcher(r.stdout());
            if (!m.find()) {
              throw new IOException(
                  "no elapsed= line from " + String.join(" ", cmd) + ": " + r.stdout());
            }
            nanos += Math.round(Double.parseDouble(m.group(1)) * 1e9);
            peak = Math.max(peak, r.peakRss());
          }
          return new Sample(
              Duration.ofNanos(nanos),
              trial.size(),
              peak < 0 ? Memory.UNKNOWN : new Memory(peak, Memory.Kind.RSS));
        });
  }

  @Override
  public List<Goal> goals() {
    return List.of(
        Goal.timeAtMost(SMTP_FIRST, GREENMAIL_FIRST, 1.0),
        Goal.timeAtMost(SMTP_NEXT, GREENMAIL_NEXT, 1.0),
        Goal.millisAtMost(ALL_FIRST, 1000));
  }

  @Override
  public List<String> notes() {
    return List.of(
        "issue 16: an SMTP-only `@InetkitTest` class took 0.9-3.0 s to start against GreenMail's 0.07-0.5 s, most of it"
            + " Bouncy Castle making a throwaway CA per test class (1.2-2.2 s). The CA is now made once per JVM"
            + " (`TestPki.shared()`) with the JDK alone, and it and the TLS context are made on the first TLS"
            + " handshake, so a class that never uses TLS never pays for them.",
        "`first class` is the first start in a fresh JVM (what a suite's first test class, or a one-class run in an"
            + " IDE, waits for: class loading included); `next class` starts and stops once untimed, then times"
            + " the second start (every later class of the suite). GreenMail runs plain SMTP only, as"
            + " `GreenMailExtension` with `ServerSetupTest.SMTP` does; testkit's SMTP also opens SMTPS and"
            + " SMTP-with-STARTTLS.");
  }

  @Override
  public void close() {}

  /**
   * {@return this JVM's class path with every entry made absolute}: the child runs in another
   * working directory, where a relative {@code -jar benchmarks/target/...} would not resolve
   */
  private static String absoluteClassPath() {
    return java.util.Arrays.stream(
            System.getProperty("java.class.path").split(java.io.File.pathSeparator))
        .map(e -> java.nio.file.Path.of(e).toAbsolutePath().toString())
        .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
  }
}
