package io.inetkit.benchmarks.jmh;

import io.inetkit.core.Endpoint;
import io.inetkit.core.EventListener;
import io.inetkit.core.InetkitException;
import io.inetkit.core.Timeouts;
import io.inetkit.core.Trust;
import io.inetkit.transfer.gopher.GopherItem;
import io.inetkit.transfer.gopher.internal.GopherMenuParser;
import io.inetkit.transfer.gopher.internal.GopherSettings;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parsing a Gopher menu held in memory: {@code items} lines of mixed types, CRLF line ends and the
 * final {@code .} line, as a server sends them.
 *
 * <pre>{@code
 * ./inetkit-bench --jmh GopherMenuParsing
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class GopherMenuParsing {

  /** Lines in the menu. */
  @Param({"10", "1000"})
  public int items;

  private byte[] menu;
  private Endpoint origin;
  private GopherSettings settings;

  /** Builds the menu once. */
  @Setup
  public void setUp() {
    StringBuilder sb = new StringBuilder();
    String types = "0119gIi7h";
    for (int i = 0; i < items; i++) {
      char type = types.charAt(i % types.length());
      sb.append(type)
          .append("Item number ")
          .append(i)
          .append(" with a readable title\t/dir/sub/item-")
          .append(i)
          .append(type == '1' ? "" : ".txt")
          .append("\tgopher.example.org\t70");
      if (i % 3 == 0) {
        sb.append("\t+");
      }
      sb.append("\r\n");
    }
    sb.append(".\r\n");
    menu = sb.toString().getBytes(StandardCharsets.UTF_8);
    origin = Endpoint.of("gopher.example.org", 70);
    settings =
        new GopherSettings(
            Timeouts.DEFAULT,
            Trust.system(),
            EventListener.NONE,
            8192,
            100_000,
            64L << 20,
            Long.MAX_VALUE);
  }

  /** Parses the whole menu. */
  @Benchmark
  public List<GopherItem> parseMenu() throws InetkitException {
    return GopherMenuParser.parse(menu, origin, settings);
  }
}
