package io.inetkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inetkit.core.AuthenticationException;
import io.inetkit.core.ConnectionClosedException;
import io.inetkit.core.Endpoint;
import io.inetkit.core.ProtocolReplyException;
import io.inetkit.core.Reply;
import io.inetkit.core.TransferProgress;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutputFormatsTest {
  private static final Endpoint EP = Endpoint.of("127.0.0.1", 2121);

  @Test
  void jsonEscapesAndKeepsFieldOrder() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", "a\"b\\c\n\u0001");
    m.put("size", 42L);
    m.put("ok", true);
    m.put("none", null);
    m.put("when", Instant.parse("2026-01-02T03:04:05Z"));
    m.put("list", List.of(1, "x"));
    m.put("mode", io.inetkit.core.TlsMode.IMPLICIT);
    m.put("nan", Double.NaN);
    assertThat(Json.write(m))
        .isEqualTo(
            "{\"name\":\"a\\\"b\\\\c\\n\\u0001\",\"size\":42,\"ok\":true,\"none\":null,"
                + "\"when\":\"2026-01-02T03:04:05Z\",\"list\":[1,\"x\"],\"mode\":\"implicit\","
                + "\"nan\":null}");
  }

  @Test
  void jsonArrayIsOneElementPerLine() {
    StringWriter sw = new StringWriter();
    Json.writeArray(new PrintWriter(sw), List.of(Map.of("a", 1), Map.of("b", 2)));
    assertThat(sw.toString()).isEqualTo("[\n{\"a\":1},\n{\"b\":2}\n]\n");
    sw = new StringWriter();
    Json.writeArray(new PrintWriter(sw), List.of());
    assertThat(sw.toString()).isEqualTo("[]\n");
  }

  @Test
  void progressLineShowsPercentSizesRateAndEtaWithinWidth() {
    String line =
        ProgressBar.render(
            new TransferProgress("big.iso", 512L << 20, 1L << 30, Duration.ofSeconds(4)), 80);
    assertThat(line)
        .startsWith("big.iso")
        .contains("[#")
        .contains(" 50% 512.0 MiB / 1.0 GiB 128.0 MiB/s ETA 0:04");
    assertThat(line.length()).isLessThanOrEqualTo(80);
    String unknown =
        ProgressBar.render(new TransferProgress("x", 2048, -1, Duration.ofSeconds(2)), 60);
    assertThat(unknown).contains("2.0 KiB 1.0 KiB/s 0:02").doesNotContain("[");
    String longName =
        ProgressBar.render(new TransferProgress("a".repeat(200), 1, 2, Duration.ZERO), 60);
    assertThat(longName.length()).isLessThanOrEqualTo(60);
    assertThat(longName).startsWith("…").contains("ETA --:--");
  }

  @Test
  void errorsAreOneLineNamingWhatAndWhere() {
    assertThat(Errors.describe(new NoSuchFileException("/tmp/x")))
        .isEqualTo("no such file or folder: /tmp/x");
    assertThat(
            Errors.describe(
                new ProtocolReplyException("RETR x", EP, Reply.numeric(550, "No\nsuch"), null)))
        .isEqualTo("RETR x refused: 550 No | such [127.0.0.1:2121]");
    assertThat(Errors.describe(new IllegalStateException("boom")))
        .isEqualTo(
            "internal error: java.lang.IllegalStateException: boom (run with -v for the stack trace)");
  }

  @Test
  void retryRepeatsTransientFailuresOnlyAndCountsAttempts() throws IOException {
    List<Integer> attempts = new ArrayList<>();
    OutputOptions quiet = new OutputOptions();
    quiet.quiet = true;
    Retry retry = new Retry(3, Duration.ofMillis(1), quiet);
    String result =
        retry.run(
            n -> {
              attempts.add(n);
              if (n < 3) {
                throw new ConnectionClosedException("RETR x: connection dropped", EP, null);
              }
              return "done";
            });
    assertThat(result).isEqualTo("done");
    assertThat(attempts).containsExactly(1, 2, 3);
    attempts.clear();
    assertThatThrownBy(
            () ->
                retry.run(
                    n -> {
                      attempts.add(n);
                      throw new AuthenticationException("login", EP, null, null);
                    }))
        .isInstanceOf(AuthenticationException.class);
    assertThat(attempts).containsExactly(1);
  }
}
