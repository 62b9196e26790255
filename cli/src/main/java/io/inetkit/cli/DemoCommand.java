package io.inetkit.cli;

import io.inetkit.core.ProgressListener;
import io.inetkit.core.TransferProgress;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code inetkit demo}: starts embedded servers on 127.0.0.1 and runs a narrated tour of every
 * protocol through the same public library API the other commands use (see {@link DemoTour}), then
 * prints a summary table. Exit code 0 only when every step worked; otherwise the code of the first
 * failure.
 *
 * <pre>{@code
 * inetkit demo
 * inetkit demo --keep -v     # keep the files, print the protocol conversation
 * }</pre>
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    header = "Start embedded servers and tour every protocol, narrated (about 5 s).",
    description =
        "Starts SMTP, IMAP, POP3, FTP, Gopher and Telnet servers on 127.0.0.1 (free ports, a fresh test CA; nothing leaves this machine) and runs through the library: send a mail with an attachment over SMTP with STARTTLS, list and read it over IMAPS, sync it into a Maildir over POP3S, upload and download a file over FTPS with a progress bar, browse Gopher and fetch a text item, log in and run a command over Telnet. Every TLS connection verifies the certificate against the test CA. Ends with a summary table; the exit code is 0 only when every step worked.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  inetkit demo",
      "  inetkit demo --keep            keep the Maildir, the mail and the downloaded files",
      "  inetkit demo -v                also print the protocol conversation (passwords redacted)"
    })
public final class DemoCommand implements Callable<Integer> {

  @Mixin OutputOptions output;

  @Mixin ProgressOptions progressOptions;

  @Option(
      names = "--size",
      paramLabel = "SIZE",
      description = "Size of the file sent over FTPS (default: ${DEFAULT-VALUE}).",
      defaultValue = "4MiB")
  String size;

  @Option(names = "--keep", description = "Keep the demo's local files and print where they are.")
  boolean keep;

  @Override
  public Integer call() throws Exception {
    long payload = ByteSizes.parse(size);
    if (payload < 1 || payload > Integer.MAX_VALUE) {
      throw new picocli.CommandLine.ParameterException(
          output.mixee.commandLine(), "--size must be between 1 byte and 2 GiB");
    }
    PrintWriter out = output.out();
    long start = System.nanoTime();
    out.println(
        "inetkit demo: every protocol against embedded servers on 127.0.0.1;"
            + " nothing leaves this machine.");
    out.flush();
    Path work = Files.createTempDirectory("inetkit-demo-");
    if (!output.verbose()) {
      quietServerLogs();
    }
    try (DemoServers servers = DemoServers.start()) {
      out.printf("servers up in %s: %s%n", DemoRun.seconds(since(start)), servers.describe());
      out.printf("TLS: clients trust only the demo CA %s and check host names%n", servers.caFile());
      out.flush();
      DemoRun run = new DemoRun(out, DemoTour.STEPS);
      new DemoTour(servers, work, progress(), output.events(), (int) payload).runAll(run);
      run.printSummary(since(start));
      if (keep) {
        out.println("Files kept in " + work);
      }
      return run.exitCode();
    } finally {
      if (!keep) {
        deleteTree(work);
      }
      out.flush();
    }
  }

  /**
   * {@return the progress bar on a terminal; without one, a plain line per quarter of each
   * transfer; nothing with {@code --no-progress} or {@code -q}}
   */
  private ProgressListener progress() {
    ProgressListener bar = progressOptions.listener(output);
    if (bar != ProgressListener.NONE || progressOptions.refused() || output.quiet()) {
      return bar;
    }
    return new PlainProgress(output.err());
  }

  /** Progress for logs and pipes: one line when a transfer passes 25, 50, 75 and 100 %. */
  static final class PlainProgress implements ProgressListener {
    private final PrintWriter err;
    private Duration elapsed = Duration.ZERO;
    private int quarter;

    PlainProgress(PrintWriter err) {
      this.err = err;
    }

    @Override
    public synchronized void progress(TransferProgress p) {
      if (p.elapsed().compareTo(elapsed) < 0) {
        quarter = 0; // a new transfer
      }
      elapsed = p.elapsed();
      int reached = p.totalKnown() ? (int) (p.fraction() * 4) : 0;
      if (reached > quarter) {
        quarter = reached;
        err.println("           " + ProgressBar.render(p, 96));
        err.flush();
      }
    }
  }

  /**
   * Keeps the embedded servers' own warnings (a client hanging up early, a passive port released)
   * off the narration; {@code -v} shows them. Must run before the servers start, when their loggers
   * are created.
   */
  private static void quietServerLogs() {
    for (String logger :
        new String[] {"org.apache.ftpserver", "org.apache.mina", "com.icegreen.greenmail"}) {
      String key = "org.slf4j.simpleLogger.log." + logger;
      if (System.getProperty(key) == null) {
        System.setProperty(key, "error");
      }
    }
  }

  private static Duration since(long start) {
    return Duration.ofNanos(System.nanoTime() - start);
  }

  /** Deletes the demo's work folder, deepest entries first. */
  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> entries = Files.walk(root)) {
      for (Path p : entries.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
