package io.inetkit.benchmarks.workloads;

import io.inetkit.benchmarks.Availability;
import io.inetkit.benchmarks.Contender;
import io.inetkit.benchmarks.Goal;
import io.inetkit.benchmarks.LatencyProxy;
import io.inetkit.benchmarks.Peers;
import io.inetkit.benchmarks.RawClient;
import io.inetkit.benchmarks.Sizes;
import io.inetkit.benchmarks.Trial;
import io.inetkit.terminal.TelnetClient;
import io.inetkit.terminal.TelnetSession;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;

/** Telnet: 100 MiB of command output ({@code flood}) read through a session. */
final class TelnetWorkload extends BulkWorkload {

  TelnetWorkload() {
    super(100 * Sizes.MIB);
  }

  static final String PYTHON = "python socket (minimal NVT)";

  @Override
  public String id() {
    return "telnet";
  }

  @Override
  public String title() {
    return "Telnet session output";
  }

  private long flood(Trial trial) throws Exception {
    int port = port("telnet.port", trial.network(), LatencyProxy.Mode.PLAIN);
    TelnetClient client =
        TelnetClient.builder().endpoint(HOST, port).expectTimeout(Duration.ofSeconds(60)).build();
    long total = 0;
    try (TelnetSession s = client.open()) {
      s.expect("$ ");
      String command = "flood " + trial.size();
      s.sendLine(command);
      s.expect(command + "\r\n");
      InputStream in = s.inputStream();
      byte[] buffer = new byte[256 * 1024];
      while (total < trial.size()) {
        int n = in.read(buffer, 0, (int) Math.min(buffer.length, trial.size() - total));
        if (n < 0) {
          throw new IOException("output ended after " + total + " of " + trial.size() + " bytes");
        }
        total += n;
      }
      s.expect("$ ");
    }
    return total;
  }

  @Override
  public List<Contender> contenders() {
    return List.of(
        Peers.inProcess(Workloads.INETKIT, trial -> Peers.timed(() -> flood(trial))),
        Peers.python(
            tools(),
            PYTHON,
            trial ->
                tools().python("telnet_flood.py", HOST, server().port("telnet.port"), trial.size()),
            Peers.noCheck()),
        new Contender(
            Workloads.RAW,
            RawClient.TIMING,
            Availability.AVAILABLE,
            trial -> RawClient.generate(server().port("raw.port"), trial.size())));
  }

  @Override
  public List<Goal> goals() {
    return List.of(
        Goal.speedAtLeast(Workloads.INETKIT, Workloads.RAW, 0.7),
        Goal.heapAtMost(Workloads.INETKIT, 64));
  }

  @Override
  public List<String> notes() {
    return List.of(
        "a JFR profile of the inetkit client shows its thread mostly waiting for data, the rest in NvtDecoder's scan (which alone decodes ~7 GB/s of flood data): on 2 cores the server JVM generating the lines and the client decoding them pace each other, and the per-run ratios swing widely with whatever else the machine does. The raw contender does less per byte: it reads a ready-made block into a direct buffer, with no lines to generate and nothing to decode.",
        "inetkit and Python open a session, wait for the prompt, run `flood N` and read N bytes and the next prompt; raw loopback reads N bytes generated in memory by the server JVM (no protocol, no file).");
  }
}
