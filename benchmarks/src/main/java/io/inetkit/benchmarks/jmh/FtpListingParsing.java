package io.inetkit.benchmarks.jmh;

import io.inetkit.core.Endpoint;
import io.inetkit.transfer.ftp.FtpEntry;
import io.inetkit.transfer.ftp.internal.Listings;
import java.io.ByteArrayInputStream;
import java.io.IOException;
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
 * Parsing FTP directory listings (Unix {@code LIST} and {@code MLSD}) with the transfer module's
 * internal listing reader ({@code Listings}, public in the transfer module's unexported internal
 * package for this purpose).
 *
 * <pre>{@code
 * ./inetkit-bench --jmh FtpListingParsing
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FtpListingParsing {

  /** Entries in the listing. */
  @Param({"1000"})
  public int entries;

  private byte[] list;
  private byte[] mlsd;
  private final Endpoint endpoint = Endpoint.of("ftp.example.org", 21);

  /** Builds both listings once. */
  @Setup
  public void setUp() {
    StringBuilder l = new StringBuilder();
    StringBuilder m = new StringBuilder();
    for (int i = 0; i < entries; i++) {
      boolean dir = i % 10 == 0;
      l.append(dir ? "drwxr-xr-x" : "-rw-r--r--")
          .append("    1 ftp      ftp      ")
          .append(String.format("%12d", 1000L * i))
          .append(" Nov 25 10:0")
          .append(i % 10)
          .append(' ')
          .append(dir ? "folder-" : "file-")
          .append(i)
          .append(dir ? "" : ".tar.gz")
          .append("\r\n");
      m.append("type=")
          .append(dir ? "dir" : "file")
          .append(";size=")
          .append(1000L * i)
          .append(";modify=20261125100")
          .append(i % 10)
          .append("00;perm=")
          .append(dir ? "el" : "r")
          .append("; ")
          .append(dir ? "folder-" : "file-")
          .append(i)
          .append(dir ? "" : ".tar.gz")
          .append("\r\n");
    }
    list = l.toString().getBytes(StandardCharsets.UTF_8);
    mlsd = m.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Unix LIST output parsed with Commons Net's UNIX parser behind inetkit's bounded reader. */
  @Benchmark
  public List<FtpEntry> unixList() throws IOException {
    return Listings.read(
        new ByteArrayInputStream(list),
        Listings.Format.LIST,
        "UNIX",
        "/pub",
        8192,
        1_000_000,
        endpoint);
  }

  /** MLSD facts. */
  @Benchmark
  public List<FtpEntry> mlsd() throws IOException {
    return Listings.read(
        new ByteArrayInputStream(mlsd),
        Listings.Format.MLSD,
        "UNIX",
        "/pub",
        8192,
        1_000_000,
        endpoint);
  }
}
