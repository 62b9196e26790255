package io.inetkit.transfer.ftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inetkit.core.AuthenticationException;
import io.inetkit.core.Credentials;
import io.inetkit.core.Endpoint;
import io.inetkit.core.TlsException;
import io.inetkit.core.TlsMode;
import io.inetkit.testkit.fault.FaultScript;
import io.inetkit.testkit.fault.FaultServer;
import org.junit.jupiter.api.Test;

/**
 * The default TLS mode ({@link FtpClient#defaultTlsMode}): a password only over TLS, anonymous
 * plain, implicit on 990; against a server without TLS the password is never sent.
 */
class FtpDefaultTlsTest {

  @Test
  void theRule() {
    Credentials alice = Credentials.password("alice", "pw".toCharArray());
    Credentials anonymous = Credentials.password("anonymous", "a@".toCharArray());
    assertThat(FtpClient.defaultTlsMode(Endpoint.of("h", 21), alice))
        .isEqualTo(TlsMode.STARTTLS_REQUIRED);
    assertThat(FtpClient.defaultTlsMode(Endpoint.of("h", 21), anonymous)).isEqualTo(TlsMode.NONE);
    assertThat(
            FtpClient.defaultTlsMode(
                Endpoint.of("h", 21), Credentials.password("FTP", new char[0])))
        .isEqualTo(TlsMode.NONE);
    assertThat(FtpClient.defaultTlsMode(Endpoint.of("h", 990), anonymous))
        .isEqualTo(TlsMode.IMPLICIT);
    FtpClient client = FtpClient.builder().endpoint("h", 21).credentials(alice).build();
    assertThat(client.tlsMode()).isEqualTo(TlsMode.STARTTLS_REQUIRED);
    assertThat(client.newBuilder().anonymous().build().tlsMode()).isEqualTo(TlsMode.NONE);
  }

  @Test
  void aPasswordIsNeverSentInClearByDefault() throws Exception {
    try (FaultServer server = FaultServer.start(FaultScript.ftpWithoutTls())) {
      FtpClient client =
          FtpClient.builder()
              .endpoint(server.host(), server.port())
              .credentials(Credentials.password("alice", "alice-pw".toCharArray()))
              .build();
      assertThatThrownBy(client::open)
          .isInstanceOf(TlsException.class)
          .hasMessageContaining("AUTH TLS refused")
          .hasMessageContaining("502");
      assertThat(server.received()).doesNotContain("PASS").doesNotContain("USER");
    }
  }

  @Test
  void anonymousLogsInPlainByDefault() throws Exception {
    try (FaultServer server = FaultServer.start(FaultScript.ftpWithoutTls())) {
      FtpClient client = FtpClient.builder().endpoint(server.host(), server.port()).build();
      assertThatThrownBy(client::open).isInstanceOf(AuthenticationException.class);
      assertThat(server.received()).doesNotContain("AUTH").contains("USER anonymous");
    }
  }
}
