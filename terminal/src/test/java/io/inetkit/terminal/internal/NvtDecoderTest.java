package io.inetkit.terminal.internal;

import static org.apache.commons.net.telnet.TelnetCommand.DO;
import static org.apache.commons.net.telnet.TelnetCommand.DONT;
import static org.apache.commons.net.telnet.TelnetCommand.IAC;
import static org.apache.commons.net.telnet.TelnetCommand.NOP;
import static org.apache.commons.net.telnet.TelnetCommand.SB;
import static org.apache.commons.net.telnet.TelnetCommand.SE;
import static org.apache.commons.net.telnet.TelnetCommand.WILL;
import static org.apache.commons.net.telnet.TelnetCommand.WONT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inetkit.terminal.TelnetOption;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The NVT decoder, on whole blocks and on blocks split at every position. */
class NvtDecoderTest {
  private static final int BINARY = TelnetOption.BINARY.code();
  private static final int ECHO = TelnetOption.ECHO.code();
  private static final int TTYPE = TelnetOption.TERMINAL_TYPE.code();

  /** Every construct at once: data, IAC IAC, CR NUL, CR LF, options, subnegotiation, NOP. */
  private static final byte[] WIRE =
      bytes(
          "ab", IAC, IAC, "c\r", 0, "d\r\ne", IAC, WILL, ECHO, "f", IAC, DO, TTYPE, IAC, SB, TTYPE,
          1, IAC, SE, "\r", IAC, NOP, 0, "g", IAC, SB, 99, IAC, IAC, 7, IAC, SE, IAC, DONT, ECHO,
          IAC, WONT, ECHO, "\rh", IAC, IAC, IAC, IAC, "\r");

  private static final byte[] DATA = bytes("ab", IAC, "c\rd\r\nef\r", 0, "g\rh", IAC, IAC, "\r");
  private static final List<String> COMMANDS =
      List.of(
          hex(IAC, WILL, ECHO),
          hex(IAC, DO, TTYPE),
          hex(IAC, SB, TTYPE, 1, IAC, SE),
          hex(IAC, NOP),
          hex(IAC, SB, 99, IAC, IAC, 7, IAC, SE),
          hex(IAC, DONT, ECHO),
          hex(IAC, WONT, ECHO));

  private final List<String> commands = new ArrayList<>();

  @Test
  void decodesEveryConstructInOneBlock() throws IOException {
    assertThat(decode(new NvtDecoder(this::record), WIRE, WIRE.length)).isEqualTo(DATA);
    assertThat(commands).isEqualTo(COMMANDS);
  }

  @Test
  void givesTheSameResultWhereverTheStreamIsSplitOnce() throws IOException {
    for (int split = 0; split <= WIRE.length; split++) {
      commands.clear();
      NvtDecoder decoder = new NvtDecoder(this::record);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.writeBytes(block(decoder, WIRE, 0, split));
      out.writeBytes(block(decoder, WIRE, split, WIRE.length));
      assertThat(out.toByteArray()).as("split at %d", split).isEqualTo(DATA);
      assertThat(commands).as("split at %d", split).isEqualTo(COMMANDS);
    }
  }

  @Test
  void givesTheSameResultWhereverTheStreamIsSplitTwice() throws IOException {
    for (int a = 0; a <= WIRE.length; a++) {
      for (int b = a; b <= WIRE.length; b++) {
        commands.clear();
        NvtDecoder decoder = new NvtDecoder(this::record);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(block(decoder, WIRE, 0, a));
        out.writeBytes(block(decoder, WIRE, a, b));
        out.writeBytes(block(decoder, WIRE, b, WIRE.length));
        assertThat(out.toByteArray()).as("split at %d and %d", a, b).isEqualTo(DATA);
        assertThat(commands).as("split at %d and %d", a, b).isEqualTo(COMMANDS);
      }
    }
  }

  @Test
  void givesTheSameResultOneByteAtATime() throws IOException {
    assertThat(decode(new NvtDecoder(this::record), WIRE, 1)).isEqualTo(DATA);
    assertThat(commands).isEqualTo(COMMANDS);
  }

  @Test
  void decodesInPlaceWithinTheGivenRangeOnly() throws IOException {
    byte[] buf = new byte[WIRE.length + 8];
    Arrays.fill(buf, (byte) '#');
    System.arraycopy(WIRE, 0, buf, 5, WIRE.length);
    int n = new NvtDecoder(this::record).decode(buf, 5, WIRE.length);
    assertThat(Arrays.copyOfRange(buf, 5, 5 + n)).isEqualTo(DATA);
    assertThat(Arrays.copyOfRange(buf, 0, 5)).isEqualTo("#####".getBytes());
    assertThat(Arrays.copyOfRange(buf, 5 + WIRE.length, buf.length)).isEqualTo("###".getBytes());
  }

  @Test
  void plainDataPassesUnchanged() throws IOException {
    byte[] data = new byte[256 * 1024];
    new Random(1).nextBytes(data);
    for (int i = 0; i < data.length; i++) {
      if (data[i] == (byte) IAC || data[i] == '\r') {
        data[i] = 'x';
      }
    }
    assertThat(decode(new NvtDecoder(this::record), data, 64 * 1024)).isEqualTo(data);
    assertThat(commands).isEmpty();
  }

  @Test
  void binaryModeKeepsTheNulAfterCr() throws IOException {
    NvtDecoder decoder = new NvtDecoder(this::record);
    decoder.binary(true);
    byte[] wire = bytes("a\r", 0, "b\r", IAC, IAC, 0);
    assertThat(decode(decoder, wire, wire.length)).isEqualTo(bytes("a\r", 0, "b\r", IAC, 0));
  }

  @Test
  void aModeChangeMadeByTheSinkAppliesFromTheNextByte() throws IOException {
    NvtDecoder[] decoder = new NvtDecoder[1];
    decoder[0] =
        new NvtDecoder(
            (seq, len) -> {
              record(seq, len);
              decoder[0].binary((seq[1] & 0xff) == WILL);
            });
    byte[] wire = bytes("a\r", 0, IAC, WILL, BINARY, "b\r", 0, IAC, WONT, BINARY, "c\r", 0, "d");
    for (int split = 0; split <= wire.length; split++) {
      commands.clear();
      decoder[0].binary(false);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.writeBytes(block(decoder[0], wire, 0, split));
      out.writeBytes(block(decoder[0], wire, split, wire.length));
      assertThat(out.toByteArray()).as("split at %d", split).isEqualTo(bytes("a\rb\r", 0, "c\rd"));
      assertThat(commands).containsExactly(hex(IAC, WILL, BINARY), hex(IAC, WONT, BINARY));
    }
  }

  @Test
  void anOversizedSubnegotiationIsCutButStillEndsAtIacSe() throws IOException {
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    wire.writeBytes(bytes(IAC, SB, TTYPE));
    for (int i = 0; i < 10_000; i++) {
      wire.write(i % 2 == 0 ? 'z' : IAC);
      if (i % 2 == 1) {
        wire.write(IAC); // doubled inside the payload
      }
    }
    wire.writeBytes(bytes(IAC, SE, "after"));
    byte[] sequence = new byte[NvtDecoder.MAX_SEQUENCE];
    int[] length = new int[1];
    NvtDecoder decoder =
        new NvtDecoder(
            (seq, len) -> {
              System.arraycopy(seq, 0, sequence, 0, len);
              length[0] = len;
            });
    assertThat(decode(decoder, wire.toByteArray(), 1000)).isEqualTo("after".getBytes());
    assertThat(length[0]).isBetween(NvtDecoder.MAX_SEQUENCE - 3, NvtDecoder.MAX_SEQUENCE);
    assertThat(Arrays.copyOf(sequence, 3)).isEqualTo(bytes(IAC, SB, TTYPE));
    assertThat(Arrays.copyOfRange(sequence, length[0] - 2, length[0])).isEqualTo(bytes(IAC, SE));
    for (int i = 3; i < length[0] - 2; i++) { // every kept IAC is still doubled
      if (sequence[i] == (byte) IAC) {
        assertThat(sequence[++i]).as("byte %d", i).isEqualTo((byte) IAC);
      }
    }
  }

  @Test
  void anIacWithAnUnexpectedByteInsideASubnegotiationIsDropped() throws IOException {
    byte[] wire = bytes(IAC, SB, TTYPE, 0, IAC, 'x', "vt", IAC, SE, "!");
    assertThat(decode(new NvtDecoder(this::record), wire, wire.length)).isEqualTo(bytes("!"));
    assertThat(commands).containsExactly(hex(IAC, SB, TTYPE, 0, 'v', 't', IAC, SE));
  }

  @Test
  void whatTheSinkThrowsReachesTheCaller() {
    NvtDecoder decoder =
        new NvtDecoder(
            (seq, len) -> {
              throw new IOException("reply failed");
            });
    byte[] wire = bytes("a", IAC, DO, ECHO);
    assertThatThrownBy(() -> decoder.decode(wire, 0, wire.length))
        .isInstanceOf(IOException.class)
        .hasMessage("reply failed");
  }

  @Test
  void agreesWithAByteAtATimeDecoderOnRandomStreamsInRandomBlocks() throws IOException {
    int[] alphabet = {'a', 'b', '\r', '\n', 0, IAC, IAC, WILL, DO, SB, SE, NOP, ECHO};
    Random random = new Random(42);
    for (int round = 0; round < 3000; round++) {
      byte[] wire = new byte[random.nextInt(400)];
      for (int i = 0; i < wire.length; i++) {
        wire[i] = (byte) alphabet[random.nextInt(alphabet.length)];
      }
      Reference reference = new Reference();
      for (byte c : wire) {
        reference.feed(c & 0xff);
      }
      commands.clear();
      NvtDecoder decoder = new NvtDecoder(this::record);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      for (int at = 0; at < wire.length; ) {
        int to = Math.min(wire.length, at + 1 + random.nextInt(40));
        out.writeBytes(block(decoder, wire, at, to));
        at = to;
      }
      String what = "round " + round + ": " + HexFormat.of().formatHex(wire);
      assertThat(out.toByteArray()).as(what).isEqualTo(reference.data.toByteArray());
      assertThat(commands).as(what).isEqualTo(reference.commands);
    }
  }

  /** Text-mode decoding one byte at a time, written as plainly as possible, to compare with. */
  private static final class Reference {
    final ByteArrayOutputStream data = new ByteArrayOutputStream();
    final List<String> commands = new ArrayList<>();
    private final ByteArrayOutputStream sequence = new ByteArrayOutputStream();
    private String state = "data";
    private boolean afterCr;

    void feed(int c) {
      switch (state) {
        case "data" -> {
          if (c == IAC) {
            state = "iac";
          } else if (!(c == 0 && afterCr)) {
            data.write(c);
          }
          afterCr = c == '\r';
        }
        case "iac" -> {
          if (c == IAC) {
            data.write(IAC);
            state = "data";
            return;
          }
          sequence.reset();
          sequence.write(IAC);
          sequence.write(c);
          state =
              c == WILL || c == WONT || c == DO || c == DONT ? "option" : c == SB ? "sb" : "data";
          if (state.equals("data")) {
            emit();
          }
        }
        case "option" -> {
          sequence.write(c);
          emit();
        }
        case "sb" -> {
          if (c == IAC) {
            state = "sb-iac";
          } else {
            sequence.write(c);
          }
        }
        case "sb-iac" -> {
          if (c == SE) {
            sequence.write(IAC);
            sequence.write(SE);
            emit();
            return;
          }
          if (c == IAC) {
            sequence.write(IAC);
            sequence.write(IAC);
          }
          state = "sb";
        }
        default -> throw new AssertionError(state);
      }
    }

    private void emit() {
      commands.add(HexFormat.ofDelimiter(" ").formatHex(sequence.toByteArray()));
      state = "data";
    }
  }

  // ---------------------------------------------------------------------------------------------

  private void record(byte[] sequence, int length) {
    commands.add(HexFormat.ofDelimiter(" ").formatHex(sequence, 0, length));
  }

  /** Decodes {@code wire} in consecutive blocks of {@code size} bytes. */
  private static byte[] decode(NvtDecoder decoder, byte[] wire, int size) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int at = 0; at < wire.length; at += size) {
      out.writeBytes(block(decoder, wire, at, Math.min(wire.length, at + size)));
    }
    return out.toByteArray();
  }

  private static byte[] block(NvtDecoder decoder, byte[] wire, int from, int to)
      throws IOException {
    byte[] buf = Arrays.copyOfRange(wire, from, to);
    int n = decoder.decode(buf, 0, buf.length);
    return Arrays.copyOf(buf, n);
  }

  /** Strings (as ASCII) and ints (as single bytes), concatenated. */
  private static byte[] bytes(Object... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Object p : parts) {
      if (p instanceof String s) {
        out.writeBytes(s.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      } else if (p instanceof Character c) {
        out.write(c);
      } else {
        out.write((Integer) p);
      }
    }
    return out.toByteArray();
  }

  private static String hex(Object... parts) {
    return HexFormat.ofDelimiter(" ").formatHex(bytes(parts));
  }
}
