package io.inetkit.testkit.telnet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The server's NVT encoding, fed whole and split at every position. */
class NvtOutputTest {
  private static final byte[] TEXT = {
    'a', (byte) 0xff, 'b', '\r', 'c', '\r', '\n', 'd', '\n', '\n', (byte) 0xff, (byte) 0xff, '\r'
  };
  private static final byte[] TEXT_WIRE = {
    'a',
    (byte) 0xff,
    (byte) 0xff,
    'b',
    '\r',
    0,
    'c',
    '\r',
    '\n',
    'd',
    '\r',
    '\n',
    '\r',
    '\n',
    (byte) 0xff,
    (byte) 0xff,
    (byte) 0xff,
    (byte) 0xff,
    '\r',
    0
  };

  @Test
  void textModeTranslatesLineEndsAndDoublesIacWhereverTheDataIsSplit() throws IOException {
    for (int split = 0; split <= TEXT.length; split++) {
      assertThat(encode(false, split)).as("split at %d", split).isEqualTo(TEXT_WIRE);
    }
  }

  @Test
  void binaryModeOnlyDoublesIac() throws IOException {
    byte[] wire = {
      'a',
      (byte) 0xff,
      (byte) 0xff,
      'b',
      '\r',
      'c',
      '\r',
      '\n',
      'd',
      '\n',
      '\n',
      (byte) 0xff,
      (byte) 0xff,
      (byte) 0xff,
      (byte) 0xff,
      '\r'
    };
    for (int split = 0; split <= TEXT.length; split++) {
      assertThat(encode(true, split)).as("split at %d", split).isEqualTo(wire);
    }
  }

  @Test
  void largeDataWithoutSpecialBytesGoesOutUnchanged() throws IOException {
    byte[] data = new byte[1 << 20];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) ('a' + i % 26);
    }
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    NvtOutput out = new NvtOutput(wire);
    out.data(data, 0, data.length);
    out.flush();
    assertThat(wire.toByteArray()).isEqualTo(data);
  }

  private static byte[] encode(boolean binary, int split) throws IOException {
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    NvtOutput out = new NvtOutput(wire);
    out.binary(binary);
    out.data(TEXT, 0, split);
    out.data(TEXT, split, TEXT.length - split);
    out.flush();
    return wire.toByteArray();
  }
}
