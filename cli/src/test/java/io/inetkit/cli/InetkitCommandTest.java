package io.inetkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.inetkit.core.AuthenticationException;
import io.inetkit.core.ConnectionClosedException;
import io.inetkit.core.ConnectionException;
import io.inetkit.core.Endpoint;
import io.inetkit.core.InetkitTimeoutException;
import io.inetkit.core.InvalidInputException;
import io.inetkit.core.NotFoundException;
import io.inetkit.core.ProtocolReplyException;
import io.inetkit.core.Reply;
import io.inetkit.core.TlsException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class InetkitCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Inetkit.newCommandLine(new PrintWriter(out, true), new PrintWriter(err, true))
        .execute(args);
  }

  @Test
  void versionPrintsTheBuiltVersion() {
    assertThat(run("--version")).isZero();
    assertThat(out.toString()).startsWith("inetkit 0.").doesNotContain("${");
  }

  @Test
  void helpListsExitCodes() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString())
        .contains("Usage: inetkit")
        .containsPattern(" 77 +authentication failed")
        .containsPattern(" 79 +timed out");
  }

  @Test
  void unknownOptionIsAUsageError() {
    assertThat(run("--no-such-option")).isEqualTo(2);
    assertThat(err.toString()).contains("Unknown option").contains("--help");
  }

  @Test
  void failuresMapToDistinctExitCodes() {
    Endpoint ep = Endpoint.of("127.0.0.1", 21);
    assertThat(ExitCode.of(new AuthenticationException("login", ep, null, null)))
        .isEqualTo(ExitCode.AUTH);
    assertThat(ExitCode.of(new TlsException("tls", ep, null))).isEqualTo(ExitCode.TLS);
    assertThat(ExitCode.of(new InetkitTimeoutException("read", ep, Duration.ofSeconds(1), null)))
        .isEqualTo(ExitCode.TIMEOUT);
    assertThat(ExitCode.TIMEOUT.code())
        .isNotIn(ExitCode.UNAVAILABLE.code(), ExitCode.PROTOCOL.code(), ExitCode.TEMPORARY.code());
    assertThat(ExitCode.of(new ConnectionClosedException("RETR x", ep, null)))
        .isEqualTo(ExitCode.TEMPORARY);
    assertThat(ExitCode.of(new NotFoundException("RETR x", ep, Reply.numeric(550, "no"), null)))
        .isEqualTo(ExitCode.NOT_FOUND);
    assertThat(
            ExitCode.of(new ProtocolReplyException("MAIL", ep, Reply.numeric(451, "later"), null)))
        .isEqualTo(ExitCode.TEMPORARY);
    assertThat(ExitCode.of(new ProtocolReplyException("MAIL", ep, Reply.numeric(550, "no"), null)))
        .isEqualTo(ExitCode.PROTOCOL);
    assertThat(ExitCode.of(new ConnectionException("connect", ep, null)))
        .isEqualTo(ExitCode.UNAVAILABLE);
    assertThat(ExitCode.of(new InvalidInputException("path", "bad"))).isEqualTo(ExitCode.USAGE);
    assertThat(ExitCode.of(new IOException("disk full"))).isEqualTo(ExitCode.LOCAL_IO);
    assertThat(ExitCode.of(new IllegalStateException("bug"))).isEqualTo(ExitCode.INTERNAL);
    assertThat(ExitCode.values()).extracting(ExitCode::code).doesNotHaveDuplicates();
  }
}
