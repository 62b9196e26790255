package io.inetkit.transfer.ftp;

import static org.assertj.core.api.Assertions.assertThat;

import io.inetkit.core.Credentials;
import io.inetkit.core.FtpUrl;
import io.inetkit.core.Timeouts;
import io.inetkit.core.TlsMode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Derived defaults (TLS mode from the port, data timeout) are recomputed by newBuilder(). */
class FtpClientBuilderTest {
  private static final Credentials ALICE = Credentials.password("alice", "pw".toCharArray());

  @Test
  void implicitTlsDerivedFromPort990IsRecomputedOnPort21() {
    FtpClient onImplicitPort =
        FtpClient.builder().endpoint("127.0.0.1", 990).credentials(ALICE).build();
    assertThat(onImplicitPort.tlsMode()).isEqualTo(TlsMode.IMPLICIT);

    FtpClient onExplicitPort = onImplicitPort.newBuilder().endpoint("127.0.0.1", 21).build();

    assertThat(onExplicitPort.tlsMode()).isEqualTo(TlsMode.STARTTLS_REQUIRED);
  }

  @Test
  void implicitTlsFromAnFtpsUrlIsRecomputedOnPort21() {
    FtpClient fromUrl =
        FtpClient.builder().url(FtpUrl.parse("ftps://alice:pw@127.0.0.1/pub/")).build();
    assertThat(fromUrl.tlsMode()).isEqualTo(TlsMode.IMPLICIT);
    assertThat(fromUrl.endpoint().port()).isEqualTo(990);

    FtpClient onExplicitPort = fromUrl.newBuilder().endpoint("127.0.0.1", 21).build();

    assertThat(onExplicitPort.tlsMode()).isEqualTo(TlsMode.STARTTLS_REQUIRED);
  }

  @Test
  void anExplicitTlsModeSurvivesNewBuilder() {
    FtpClient plain = FtpClient.builder().endpoint("127.0.0.1", 990).tlsMode(TlsMode.NONE).build();

    assertThat(plain.newBuilder().endpoint("127.0.0.1", 2121).build().tlsMode())
        .isEqualTo(TlsMode.NONE);
  }

  @Test
  void tlsDefaultFollowsTheLoginWhenTheCredentialsChange() {
    FtpClient anonymous = FtpClient.builder().endpoint("127.0.0.1", 21).build();
    assertThat(anonymous.tlsMode()).isEqualTo(TlsMode.NONE);

    assertThat(anonymous.newBuilder().credentials(ALICE).build().tlsMode())
        .isEqualTo(TlsMode.STARTTLS_REQUIRED);
  }

  @Test
  void dataTimeoutFollowsANewReadTimeout() {
    FtpClient client = FtpClient.builder().endpoint("127.0.0.1", 21).build();
    assertThat(client.dataTimeout()).isEqualTo(Timeouts.DEFAULT.read());

    FtpClient faster =
        client.newBuilder().timeouts(Timeouts.DEFAULT.withRead(Duration.ofSeconds(5))).build();

    assertThat(faster.dataTimeout()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void anExplicitDataTimeoutSurvivesANewReadTimeout() {
    FtpClient client =
        FtpClient.builder().endpoint("127.0.0.1", 21).dataTimeout(Duration.ofSeconds(90)).build();

    FtpClient variant =
        client.newBuilder().timeouts(Timeouts.DEFAULT.withRead(Duration.ofSeconds(5))).build();

    assertThat(variant.dataTimeout()).isEqualTo(Duration.ofSeconds(90));
  }

  @Test
  void aUrlSetsServerLoginAndTransferType() {
    FtpClient client =
        FtpClient.builder()
            .url(FtpUrl.parse("ftp://bob:secret@127.0.0.1:2121/f.txt;type=a"))
            .build();

    assertThat(client.endpoint().port()).isEqualTo(2121);
    assertThat(client.credentials().user()).isEqualTo("bob");
    assertThat(client.transferType()).isEqualTo(TransferType.ASCII);
    assertThat(client.tlsMode()).isEqualTo(TlsMode.STARTTLS_REQUIRED);
  }

  @Test
  void anAnonymousFtpUrlIsPlainByTheLibrarysOneRule() {
    FtpClient client = FtpClient.builder().url(FtpUrl.parse("ftp://127.0.0.1/pub/")).build();

    assertThat(client.credentials().user()).isEqualTo("anonymous");
    assertThat(client.tlsMode()).isEqualTo(TlsMode.NONE);
  }
}
