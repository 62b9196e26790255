package io.inetkit.terminal.internal;

import static io.inetkit.terminal.TranscriptEntry.Direction.RECEIVED;
import static io.inetkit.terminal.TranscriptEntry.Direction.SENT;
import static org.assertj.core.api.Assertions.assertThat;

import io.inetkit.terminal.TranscriptEntry;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The transcript keeps received bytes as bytes until read, within its limit. */
class BoundedTranscriptTest {

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(BoundedTranscript t) {
    StringBuilder sb = new StringBuilder();
    t.entries().forEach(e -> sb.append(e.text()));
    return sb.toString();
  }

  @Test
  void keepsTheOrderOfReceivedAndSentText() {
    BoundedTranscript t = new BoundedTranscript(1000, StandardCharsets.UTF_8);
    t.received(utf8("login: "), 0, 7);
    t.add(SENT, "alice\r\n");
    t.received(utf8("xx$ yy"), 2, 2);
    assertThat(t.entries())
        .containsExactly(
            new TranscriptEntry(RECEIVED, "login: "),
            new TranscriptEntry(SENT, "alice\r\n"),
            new TranscriptEntry(RECEIVED, "$ "));
  }

  @Test
  void aCharacterSplitBetweenTwoReadsDecodesWhole() {
    BoundedTranscript t = new BoundedTranscript(1000, StandardCharsets.UTF_8);
    byte[] bytes = utf8("café");
    t.received(bytes, 0, 4); // "caf" and the first byte of é
    t.received(bytes, 4, 1);
    assertThat(text(t)).isEqualTo("café");
  }

  @Test
  void keepsOnlyTheLastLimitBytesOfALongStreamAndSkipsACutCharacter() {
    BoundedTranscript t = new BoundedTranscript(5, StandardCharsets.UTF_8);
    t.received(utf8("xé"), 0, 3);
    t.received(utf8("abcd"), 0, 4); // kept: the second byte of é, then abcd
    assertThat(text(t)).isEqualTo("abcd");
    t.received(utf8("0123456789"), 0, 10); // one read longer than the limit
    assertThat(text(t)).isEqualTo("56789");
  }

  @Test
  void theLimitCoversReceivedAndSentTextTogether() {
    BoundedTranscript t = new BoundedTranscript(8, StandardCharsets.UTF_8);
    t.add(SENT, "run\r\n");
    t.received(utf8("output"), 0, 6);
    assertThat(text(t)).isEqualTo("\r\noutput");
  }

  @Test
  void masksReceivedTextNotYetDecoded() {
    BoundedTranscript t = new BoundedTranscript(100, StandardCharsets.UTF_8);
    t.received(utf8("Password: secret\r\n$ "), 0, 20);
    t.mask("secret", "***");
    assertThat(text(t)).isEqualTo("Password: ***\r\n$ ");
  }

  @Test
  void aZeroLimitKeepsNothing() {
    BoundedTranscript t = new BoundedTranscript(0, StandardCharsets.UTF_8);
    t.received(utf8("abc"), 0, 3);
    t.add(SENT, "x");
    assertThat(t.entries()).isEmpty();
  }

  @Test
  void theRingKeepsExactlyTheLastBytesWhateverTheReadSizes() {
    Random random = new Random(7);
    for (int limit : new int[] {1, 100, 4096, 10_000}) {
      ByteTail tail = new ByteTail(limit);
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      for (int i = 0; i < 300; i++) {
        byte[] chunk = new byte[random.nextInt(2 * limit + 1)];
        for (int j = 0; j < chunk.length; j++) {
          chunk[j] = (byte) ('a' + random.nextInt(26));
        }
        tail.append(chunk, 0, chunk.length);
        all.writeBytes(chunk);
        if (random.nextInt(10) == 0) {
          byte[] sent = all.toByteArray();
          byte[] want = Arrays.copyOfRange(sent, Math.max(0, sent.length - limit), sent.length);
          assertThat(tail.take(StandardCharsets.ISO_8859_1))
              .as("limit %d, step %d", limit, i)
              .isEqualTo(new String(want, StandardCharsets.ISO_8859_1));
          all.reset();
        }
      }
    }
  }
}
