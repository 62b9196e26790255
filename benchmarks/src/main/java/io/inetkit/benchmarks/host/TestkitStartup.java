package io.inetkit.benchmarks.host;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.inetkit.testkit.InetkitServers;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * Main class of one start-up measurement, run in a fresh JVM: starts a test server setup the way a
 * test class does and prints {@code elapsed=<seconds> cpu_ms=<process CPU>} for the start alone
 * (JVM start-up excluded). {@code first} times the first start in the JVM (the first test class,
 * classes still loading); {@code next} starts and stops once untimed, then times the second start
 * (every later test class of a suite).
 *
 * <pre>{@code
 * java -cp inetkit-benchmarks.jar io.inetkit.benchmarks.host.TestkitStartup inetkit-smtp first
 * java -cp inetkit-benchmarks.jar io.inetkit.benchmarks.host.TestkitStartup greenmail-smtp next
 * java -cp inetkit-benchmarks.jar io.inetkit.benchmarks.host.TestkitStartup inetkit-all first
 * }</pre>
 */
public final class TestkitStartup {

  /** What is started. */
  public enum Setup {
    /** {@code @InetkitTest(services = SMTP)}: SMTP, SMTPS and SMTP with STARTTLS. */
    INETKIT_SMTP,
    /** {@code @InetkitTest}: all six protocols, 14 listeners. */
    INETKIT_ALL,
    /** GreenMail's JUnit 5 extension with {@code ServerSetupTest.SMTP}: plain SMTP only. */
    GREENMAIL_SMTP;

    /** The command-line name, e.g. {@code inetkit-smtp}. */
    public String id() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  private TestkitStartup() {}

  /** Arguments: a {@link Setup#id()} and {@code first} or {@code next}. */
  public static void main(String[] args) throws Exception {
    Setup setup = Setup.valueOf(args[0].toUpperCase(Locale.ROOT).replace('-', '_'));
    boolean next = args.length > 1 && args[1].equals("next");
    if (next) {
      start(setup).close();
    }
    var os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpu = os.getProcessCpuTime();
    long start = System.nanoTime();
    AutoCloseable running = start(setup);
    long elapsed = System.nanoTime() - start;
    long cpuMillis = (os.getProcessCpuTime() - cpu) / 1_000_000;
    running.close();
    System.out.printf(Locale.ROOT, "elapsed=%.6f cpu_ms=%d%n", elapsed / 1e9, cpuMillis);
  }

  private static AutoCloseable start(Setup setup) throws IOException {
    return switch (setup) {
      case INETKIT_SMTP -> InetkitServers.builder().services(InetkitServers.Service.SMTP).start();
      case INETKIT_ALL -> InetkitServers.start();
      case GREENMAIL_SMTP -> {
        GreenMail greenMail =
            new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start(); // returns once the listener accepts, as GreenMailExtension's beforeEach
        yield greenMail::stop;
      }
    };
  }
}
