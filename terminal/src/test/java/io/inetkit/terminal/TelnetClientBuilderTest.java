package io.inetkit.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inetkit.core.InetkitUrl;
import io.inetkit.core.InvalidInputException;
import io.inetkit.core.Timeouts;
import io.inetkit.core.TlsMode;
import java.io.Closeable;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** TelnetClient's builder: URLs, variants and the shared settings value. */
class TelnetClientBuilderTest {

  @Test
  void aUrlSetsTheServerWithTelnetsDefaultPort() {
    TelnetClient client =
        TelnetClient.builder().url(InetkitUrl.parse("telnet://127.0.0.1")).build();

    assertThat(client.endpoint().port()).isEqualTo(23);
    assertThat(client.settings().tlsMode()).isEqualTo(TlsMode.NONE);
    assertThat(client.settings().credentials()).isEmpty();
  }

  @Test
  void aUrlsLoginIsKeptForTheCaller() {
    TelnetClient client =
        TelnetClient.builder().url(InetkitUrl.parse("telnet://bob:pw@127.0.0.1:2323")).build();

    assertThat(client.endpoint().port()).isEqualTo(2323);
    assertThat(client.settings().credentials().orElseThrow().user()).isEqualTo("bob");
  }

  @Test
  void aUrlOfAnotherProtocolIsRefused() {
    assertThatThrownBy(() -> TelnetClient.builder().url(InetkitUrl.parse("ftp://127.0.0.1")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("telnet://");
  }

  @Test
  void aVariantKeepsEverythingItDoesNotChange() {
    TelnetClient base =
        TelnetClient.builder()
            .endpoint("127.0.0.1", 2323)
            .timeouts(Timeouts.DEFAULT.withRead(Duration.ofSeconds(7)))
            .terminalType("vt100")
            .build();

    TelnetClient variant = base.newBuilder().endpoint("127.0.0.1", 2424).build();

    assertThat(variant.timeouts().read()).isEqualTo(Duration.ofSeconds(7));
    assertThat(variant.terminalType()).isEqualTo("vt100");
    assertThat(variant.endpoint().port()).isEqualTo(2424);
  }

  @Test
  void sessionsAreCloseableLikeEveryOtherProtocols() {
    assertThat(Closeable.class).isAssignableFrom(TelnetSession.class);
  }
}
