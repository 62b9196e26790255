package io.inetkit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.inetkit.core.Endpoint;
import io.inetkit.core.TransferProgress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ProgressTrackerTest {
  private static final Endpoint EP = Endpoint.of("127.0.0.1", 2121);

  @Test
  void reportsStartThrottledProgressAndFinalSnapshot() throws Exception {
    List<TransferProgress> seen = new CopyOnWriteArrayList<>();
    RecordingEvents events = new RecordingEvents();
    ProgressTracker t = new ProgressTracker("file.bin", 300, seen::add, events, EP);
    assertThat(events.events).containsExactly("transferStart file.bin 300");
    t.add(100);
    Thread.sleep(150);
    t.add(100);
    assertThat(seen).isNotEmpty();
    assertThat(seen.get(seen.size() - 1).bytesDone()).isEqualTo(200);
    assertThat(events.progress).isEqualTo(seen);
    t.add(100);
    TransferProgress last = t.finish();
    assertThat(last.bytesDone()).isEqualTo(300);
    assertThat(last.totalBytes()).isEqualTo(300);
    assertThat(last.fraction()).isEqualTo(1.0);
    assertThat(last.name()).isEqualTo("file.bin");
    assertThat(seen.get(seen.size() - 1)).isEqualTo(last);
    assertThat(events.events)
        .containsExactly("transferStart file.bin 300", "transferEnd file.bin 300");
  }

  @Test
  void manySmallAddsAreThrottled() {
    List<TransferProgress> seen = new CopyOnWriteArrayList<>();
    long start = System.nanoTime();
    ProgressTracker t = new ProgressTracker("x", -1, seen::add, null, EP);
    for (int i = 0; i < 200_000; i++) {
      t.add(1);
    }
    long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
    assertThat(t.done()).isEqualTo(200_000);
    assertThat(seen.size()).isLessThanOrEqualTo((int) (elapsedMillis / 100) + 1);
  }

  @Test
  void resumedTransferStartsAtOffsetAndNullListenersAreAllowed() {
    ProgressTracker t = new ProgressTracker("r", 1000, null, null, EP).startingAt(600);
    assertThat(t.done()).isEqualTo(600);
    t.add(400);
    TransferProgress p = t.finish();
    assertThat(p.bytesDone()).isEqualTo(1000);
    assertThat(p.totalKnown()).isTrue();
  }
}
