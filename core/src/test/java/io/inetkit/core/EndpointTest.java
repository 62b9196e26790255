package io.inetkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EndpointTest {

  @Test
  void parsesHostPortAndBareHost() {
    assertThat(Endpoint.parse("mail.example.org:587", 25))
        .isEqualTo(Endpoint.of("mail.example.org", 587));
    assertThat(Endpoint.parse("mail.example.org", 25))
        .isEqualTo(Endpoint.of("mail.example.org", 25));
    assertThat(Endpoint.parse("127.0.0.1:1", 25).port()).isEqualTo(1);
    assertThat(Endpoint.parse("h:65535", 25).port()).isEqualTo(65535);
  }

  @Test
  void parsesIpv6InBracketsOrBare() {
    Endpoint v6 = Endpoint.parse("[::1]:2121", 21);
    assertThat(v6.host()).isEqualTo("::1");
    assertThat(v6.port()).isEqualTo(2121);
    assertThat(v6.isIpv6Literal()).isTrue();
    assertThat(v6).hasToString("[::1]:2121");
    assertThat(Endpoint.parse("[2001:db8::1]", 21)).isEqualTo(Endpoint.of("2001:db8::1", 21));
    assertThat(Endpoint.parse("2001:db8::1", 21)).isEqualTo(Endpoint.of("2001:db8::1", 21));
    assertThat(Endpoint.of("example.org", 70)).hasToString("example.org:70");
    assertThat(Endpoint.of("example.org", 70).isIpv6Literal()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "h:0",
        "h:65536",
        "h:-1",
        "h:",
        "h:x",
        "h:123456",
        "[::1]:0",
        "[::1]x",
        "[::1",
        "",
        "h\r\n:25",
        " h:25"
      })
  void rejectsBadInput(String text) {
    assertThatThrownBy(() -> Endpoint.parse(text, 25)).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void constructorValidatesRange() {
    assertThatThrownBy(() -> Endpoint.of("h", 0))
        .hasMessage("port: must be between 1 and 65535, was 0");
    assertThatThrownBy(() -> Endpoint.of("h", 65536))
        .hasMessage("port: must be between 1 and 65535, was 65536");
    assertThatThrownBy(() -> Endpoint.of("bad host", 1)).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> Endpoint.parse("[::1", 1)).hasMessageContaining("unclosed '['");
  }

  @Test
  void socketAddressIsUnresolved() {
    assertThat(Endpoint.of("localhost", 25).toSocketAddress().isUnresolved()).isTrue();
    assertThat(Endpoint.of("localhost", 25).toSocketAddress().getPort()).isEqualTo(25);
  }
}
