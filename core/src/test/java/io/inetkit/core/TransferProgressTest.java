package io.inetkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TransferProgressTest {

  @Test
  void rateFractionAndRemaining() {
    TransferProgress p = new TransferProgress("f.iso", 250_000, 1_000_000, Duration.ofSeconds(2));
    assertThat(p.totalKnown()).isTrue();
    assertThat(p.bytesPerSecond()).isCloseTo(125_000.0, within(1e-6));
    assertThat(p.fraction()).isCloseTo(0.25, within(1e-9));
    assertThat(p.remaining()).contains(Duration.ofSeconds(6));
  }

  @Test
  void unknownTotal() {
    TransferProgress p = new TransferProgress("x", 10, -1, Duration.ofSeconds(1));
    assertThat(p.totalKnown()).isFalse();
    assertThat(p.fraction()).isEqualTo(-1);
    assertThat(p.remaining()).isEmpty();
    assertThat(p.bytesPerSecond()).isEqualTo(10.0);
  }

  @Test
  void edgeCases() {
    TransferProgress start = new TransferProgress(null, 0, 100, null);
    assertThat(start.name()).isEmpty();
    assertThat(start.elapsed()).isZero();
    assertThat(start.bytesPerSecond()).isZero();
    assertThat(start.remaining()).isEmpty();
    assertThat(new TransferProgress("e", 0, 0, Duration.ofMillis(1)).fraction()).isEqualTo(1.0);
    TransferProgress over = new TransferProgress("o", 150, 100, Duration.ofSeconds(1));
    assertThat(over.fraction()).isEqualTo(1.0);
    assertThat(over.remaining()).contains(Duration.ZERO);
  }

  @Test
  void invalidSnapshotsRejected() {
    assertThatThrownBy(() -> new TransferProgress("x", -1, 10, Duration.ZERO))
        .hasMessage("bytesDone < 0");
    assertThatThrownBy(() -> new TransferProgress("x", 1, -2, Duration.ZERO))
        .hasMessage("totalBytes < -1");
  }
}
