package io.inetkit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inetkit.core.Endpoint;
import io.inetkit.core.LimitExceededException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BoundedLineReaderTest {
  private static final Endpoint EP = Endpoint.of("127.0.0.1", 2525);

  private static BoundedLineReader reader(String text, int max) {
    return new BoundedLineReader(
        new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)), max, EP);
  }

  /** Hands out one byte per read, to cross every buffer boundary. */
  private static InputStream trickle(byte[] data) {
    return new InputStream() {
      int i;

      @Override
      public int read() {
        return i < data.length ? data[i++] & 0xff : -1;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (i >= data.length) {
          return -1;
        }
        b[off] = data[i++];
        return 1;
      }
    };
  }

  @Test
  void crLfBareLfAndFinalLineWithoutTerminator() throws IOException {
    BoundedLineReader r = reader("one\r\ntwo\nthree\r\n\r\n\nlast", 100);
    assertThat(r.readLine()).isEqualTo("one");
    assertThat(r.readLine()).isEqualTo("two");
    assertThat(r.readLine()).isEqualTo("three");
    assertThat(r.readLine()).isEmpty();
    assertThat(r.readLine()).isEmpty();
    assertThat(r.readLine()).isEqualTo("last");
    assertThat(r.readLine()).isNull();
    assertThat(r.readLine()).isNull();
  }

  @Test
  void bareCrStaysAndBytesAreLatin1() throws IOException {
    BoundedLineReader r = reader("a\rb\n\u00e9\n", 100);
    assertThat(r.readLine()).isEqualTo("a\rb");
    assertThat(r.readLineBytes()).containsExactly(0xe9 - 256);
  }

  @Test
  void longLinesAcrossBufferAndChunkBoundaries() throws IOException {
    byte[] line = new byte[150_000];
    Arrays.fill(line, (byte) 'y');
    byte[] data = new byte[line.length * 2 + 3];
    System.arraycopy(line, 0, data, 0, line.length);
    data[line.length] = '\r';
    data[line.length + 1] = '\n';
    System.arraycopy(line, 0, data, line.length + 2, line.length);
    data[data.length - 1] = '\n';
    BoundedLineReader big = new BoundedLineReader(new ByteArrayInputStream(data), 150_000, EP);
    assertThat(big.readLineBytes()).isEqualTo(line);
    assertThat(big.readLineBytes()).isEqualTo(line);
    assertThat(big.readLineBytes()).isNull();
    BoundedLineReader slow =
        new BoundedLineReader(trickle("ab\r\ncd\nef".getBytes(StandardCharsets.US_ASCII)), 10, EP);
    assertThat(slow.readLine()).isEqualTo("ab");
    assertThat(slow.readLine()).isEqualTo("cd");
    assertThat(slow.readLine()).isEqualTo("ef");
    assertThat(slow.readLine()).isNull();
  }

  @Test
  void limitIsExactAndExcludesTheTerminator() throws IOException {
    assertThat(reader("12345\r\n", 5).readLine()).isEqualTo("12345");
    assertThat(reader("12345\n", 5).readLine()).isEqualTo("12345");
    assertThat(reader("12345", 5).readLine()).isEqualTo("12345");
    assertThatThrownBy(() -> reader("123456\r\n", 5).readLine())
        .isInstanceOf(LimitExceededException.class);
    assertThatThrownBy(() -> reader("123456\n", 5).readLine())
        .isInstanceOf(LimitExceededException.class);
    assertThatThrownBy(() -> reader("123456", 5).readLine())
        .isInstanceOf(LimitExceededException.class);
  }

  @Test
  void endlessLineFailsWithoutReadingTheWholeStream() {
    long[] served = {0};
    InputStream endless =
        new InputStream() {
          @Override
          public int read() {
            served[0]++;
            return 'x';
          }

          @Override
          public int read(byte[] b, int off, int len) {
            Arrays.fill(b, off, off + len, (byte) 'x');
            served[0] += len;
            return len;
          }
        };
    BoundedLineReader r = new BoundedLineReader(endless, 1000, EP);
    assertThatThrownBy(r::readLine)
        .isInstanceOf(LimitExceededException.class)
        .hasMessage("line too long from 127.0.0.1:2525 (limit 1000)")
        .satisfies(
            e -> {
              assertThat(((LimitExceededException) e).limit()).isEqualTo(1000);
              assertThat(((LimitExceededException) e).endpoint()).isEqualTo(EP);
            });
    assertThat(served[0]).isLessThanOrEqualTo(64 * 1024);
  }

  @Test
  void rawBytesAfterLinesComeFromTheBufferFirst() throws IOException {
    BoundedLineReader r = reader("150 sending\r\nRAW DATA\r\nmore", 100);
    assertThat(r.readLine()).isEqualTo("150 sending");
    byte[] buf = new byte[100];
    int n = r.read(buf, 0, buf.length);
    assertThat(new String(buf, 0, n, StandardCharsets.US_ASCII)).isEqualTo("RAW DATA\r\nmore");
    assertThat(r.read(buf, 0, buf.length)).isEqualTo(-1);
  }
}
