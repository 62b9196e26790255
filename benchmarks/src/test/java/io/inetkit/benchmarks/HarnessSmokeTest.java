package io.inetkit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps the harness working: the tiny configuration (sizes / 100, one run, no warm-up) must give
 * every cell a result or an explicit reason (missing peer, not yet available). Asserts nothing
 * about speed.
 */
class HarnessSmokeTest {

  @Test
  void tinyConfigurationAccountsForEveryCell(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("BENCHMARKS.md");
    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    BenchOptions options =
        new BenchOptions(0.01, 1, false, List.of(), out, "mvn -B verify (smoke test)");

    List<WorkloadResult> results =
        BenchMain.run(options, new PrintStream(progress, true, StandardCharsets.UTF_8));

    String log = progress.toString(StandardCharsets.UTF_8);
    assertThat(results).isNotEmpty();
    for (WorkloadResult r : results) {
      assertThat(r.error()).as(r.workload().id() + "\n" + log).isEmpty();
      assertThat(r.cells()).as(r.workload().id()).isNotEmpty();
      for (Cell c : r.cells()) {
        String what =
            r.workload().id() + " " + c.network() + " " + c.contender().name() + "\n" + log;
        assertThat(c.accountedFor()).as(what).isTrue();
        assertThat(c.problem()).as(what).doesNotStartWith("failed");
      }
    }
    String report = Files.readString(out);
    assertThat(report).contains("## Machine", "## Results", "mvn -B verify (smoke test)");
    for (WorkloadResult r : results) {
      assertThat(report).contains(r.workload().title());
    }
  }
}
