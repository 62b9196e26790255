package io.inetkit.transfer.gopher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inetkit.core.InetkitUrl;
import io.inetkit.core.InvalidInputException;
import io.inetkit.core.Timeouts;
import io.inetkit.core.TlsMode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** GopherClient's builder: URLs and variants. */
class GopherClientBuilderTest {

  @Test
  void aGophersUrlMeansTlsForItemsAndHosts() {
    GopherClient client =
        GopherClient.builder().url(InetkitUrl.parse("gophers://127.0.0.1/1/")).build();

    assertThat(client.tlsMode()).isEqualTo(TlsMode.IMPLICIT);
  }

  @Test
  void aUrlOfAnotherProtocolIsRefused() {
    assertThatThrownBy(() -> GopherClient.builder().url(InetkitUrl.parse("ftp://127.0.0.1/")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("gopher://");
  }

  @Test
  void aVariantKeepsWhatItDoesNotChange() {
    GopherClient base =
        GopherClient.builder()
            .tlsMode(TlsMode.IMPLICIT)
            .timeouts(Timeouts.DEFAULT.withRead(Duration.ofSeconds(7)))
            .maxMenuItems(10)
            .build();

    GopherClient variant = base.newBuilder().maxTotalBytes(1000).build();

    assertThat(variant.tlsMode()).isEqualTo(TlsMode.IMPLICIT);
    assertThat(variant.timeouts().read()).isEqualTo(Duration.ofSeconds(7));
    assertThat(variant.maxMenuItems()).isEqualTo(10);
    assertThat(variant.maxTotalBytes()).isEqualTo(1000);
  }
}
