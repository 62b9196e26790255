package io.inetkit.transfer.ftp.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.inetkit.testkit.ftp.FtpServer;
import io.inetkit.transfer.ftp.DataConnectionMode;
import io.inetkit.transfer.ftp.FtpClient;
import io.inetkit.transfer.ftp.FtpSession;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;

/**
 * TLS 1.2 data connections resume the control connection's session (what vsftpd's {@code
 * require_ssl_reuse} demands), read through the session's package-private test seam.
 */
class TlsSessionReuseTest {
  @Test
  void tls12DataConnectionsResumeTheControlSession() throws IOException {
    try (FtpServer tls12 = FtpServer.builder().tlsProtocols("TLSv1.2").start()) {
      tls12.put("alice", "reuse.txt", "reuse".getBytes(UTF_8));
      FtpClient client =
          FtpClient.builder()
              .endpoint(tls12.endpoint())
              .trust(tls12.clientTrust())
              .credentials(tls12.writer().credentials())
              .build();
      for (DataConnectionMode mode : DataConnectionMode.values()) {
        try (FtpSession ftp = client.newBuilder().dataConnectionMode(mode).build().open()) {
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          ftp.get("reuse.txt", out);
          assertThat(out.toString(UTF_8)).isEqualTo("reuse");
          var control = ((SSLSocket) CommonsNetFtpSession.controlSocket(ftp)).getSession();
          var data = CommonsNetFtpSession.lastDataSocket(ftp).getSession();
          assertThat(data.getProtocol()).isEqualTo("TLSv1.2");
          assertThat(data.getId())
              .as("data session resumed from control (" + mode + ")")
              .isEqualTo(control.getId());
        }
      }
      // Contrast: Commons Net's own FTPSClient makes a new session per data connection.
      org.apache.commons.net.ftp.FTPSClient plain =
          new org.apache.commons.net.ftp.FTPSClient(false, tls12.pki().clientSslContext()) {
            @Override
            protected void _prepareDataSocket_(java.net.Socket socket) throws IOException {
              ((SSLSocket) socket)
                  .addHandshakeCompletedListener(e -> dataIds.add(e.getSession().getId()));
              controlIds.add(((SSLSocket) _socket_).getSession().getId());
            }
          };
      plain.connect("localhost", tls12.port());
      plain.login("alice", "alice-secret");
      plain.execPBSZ(0);
      plain.execPROT("P");
      plain.enterLocalPassiveMode();
      assertThat(plain.retrieveFile("reuse.txt", new ByteArrayOutputStream())).isTrue();
      plain.disconnect();
      assertThat(dataIds).hasSize(1);
      assertThat(dataIds.get(0)).isNotEqualTo(controlIds.get(0));
    }
  }

  static final List<byte[]> dataIds = new CopyOnWriteArrayList<>();
  static final List<byte[]> controlIds = new CopyOnWriteArrayList<>();
}
