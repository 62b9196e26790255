package io.inetkit.benchmarks.jmh;

import io.inetkit.core.FtpUrl;
import io.inetkit.core.GopherUrl;
import io.inetkit.core.ImapUrl;
import io.inetkit.core.InetkitUrl;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parsing URLs of each scheme with core's {@link InetkitUrl} and its protocol views.
 *
 * <pre>{@code
 * ./inetkit-bench --jmh UrlParsing
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class UrlParsing {

  /** A typical FTP URL with user, escaped path and type. */
  public String ftp =
      "ftp://alice@ftp.example.org:2121/pub/releases/inetkit%20docs/file.tar.gz;type=i";

  /** An IMAP URL with mailbox and UID (RFC 5092). */
  public String imap =
      "imap://alice;AUTH=*@mail.example.org/INBOX.Archive%202024/;UIDVALIDITY=385759045/;UID=20";

  /** A Gopher URL whose selector holds a query (RFC 4266). */
  public String gopher = "gopher://gopher.example.org:7070/7/search/index%09java+net";

  /** Generic parse of an FTP URL. */
  @Benchmark
  public InetkitUrl genericFtp() {
    return InetkitUrl.parse(ftp);
  }

  /** FTP view. */
  @Benchmark
  public FtpUrl ftpUrl() {
    return FtpUrl.parse(ftp);
  }

  /** IMAP view. */
  @Benchmark
  public ImapUrl imapUrl() {
    return ImapUrl.parse(imap);
  }

  /** Gopher view. */
  @Benchmark
  public GopherUrl gopherUrl() {
    return GopherUrl.parse(gopher);
  }
}
