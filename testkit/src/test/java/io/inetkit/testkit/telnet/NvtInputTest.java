package io.inetkit.testkit.telnet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The server's NVT input: commands handled in order, data returned byte by byte. */
class NvtInputTest {
  private static final byte[] WIRE = {
    (byte) NvtInput.IAC,
    (byte) NvtInput.DO,
    1,
    (byte) NvtInput.IAC,
    (byte) NvtInput.SB,
    24,
    0,
    'v',
    't',
    (byte) NvtInput.IAC,
    (byte) NvtInput.SE,
    'x',
    (byte) NvtInput.IAC,
    (byte) NvtInput.IAC
  };

  private final List<String> handled = new ArrayList<>();

  private NvtInput input() {
    return new NvtInput(
        new ByteArrayInputStream(WIRE),
        new NvtInput.Handler() {
          @Override
          public void negotiation(int verb, int option) {
            handled.add(verb + " " + option);
          }

          @Override
          public void subnegotiation(byte[] data) {
            handled.add("sb " + data.length);
          }
        });
  }

  @Test
  void readHandlesCommandsAndReturnsOnlyData() throws IOException {
    NvtInput in = input();
    assertThat(in.read()).isEqualTo('x');
    assertThat(handled).containsExactly("253 1", "sb 4");
    assertThat(in.read()).isEqualTo(NvtInput.IAC);
    assertThat(in.read()).isEqualTo(-1);
  }

  @Test
  void readOrCommandReturnsAfterEachCommandSoNegotiationCanBeCheckedAtOnce() throws IOException {
    NvtInput in = input();
    assertThat(in.readOrCommand()).isEqualTo(NvtInput.COMMAND);
    assertThat(handled).containsExactly("253 1");
    assertThat(in.readOrCommand()).isEqualTo(NvtInput.COMMAND);
    assertThat(handled).containsExactly("253 1", "sb 4");
    assertThat(in.readOrCommand()).isEqualTo('x');
    assertThat(in.readOrCommand()).isEqualTo(NvtInput.IAC);
    assertThat(in.readOrCommand()).isEqualTo(-1);
  }
}
