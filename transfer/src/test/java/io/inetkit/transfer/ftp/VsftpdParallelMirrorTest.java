package io.inetkit.transfer.ftp;

import static io.inetkit.transfer.ftp.FtpParallelMirrorTest.assertTree;
import static io.inetkit.transfer.ftp.FtpParallelMirrorTest.mirrorThreads;
import static io.inetkit.transfer.ftp.FtpParallelMirrorTest.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.inetkit.core.ConnectionClosedException;
import io.inetkit.core.EventListener;
import io.inetkit.core.TlsMode;
import io.inetkit.core.Trust;
import io.inetkit.testkit.ftp.Vsftpd;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parallel mirrors against Debian's vsftpd with FTPS required and TLS session reuse demanded on
 * every data connection of every connection ({@code require_ssl_reuse=YES}).
 */
@Tag("real-server")
class VsftpdParallelMirrorTest {
  private static Path dir;
  private static Vsftpd vsftpd;

  @TempDir Path tmp;

  @BeforeAll
  static void startVsftpd() throws IOException {
    assumeTrue(Vsftpd.unavailable().isEmpty(), () -> Vsftpd.unavailable().orElse(""));
    dir = Files.createTempDirectory("inetkit-vsftpd-mirror-");
    vsftpd = Vsftpd.start(dir, Vsftpd.Tls.REQUIRED_WITH_SESSION_REUSE);
  }

  @AfterAll
  static void stop() throws IOException {
    if (vsftpd != null) {
      vsftpd.close();
    }
    if (dir != null) {
      Files.deleteIfExists(dir);
    }
  }

  private static FtpClient.Builder client() {
    return FtpClient.builder()
        .endpoint("127.0.0.1", vsftpd.port())
        .tlsMode(TlsMode.STARTTLS_REQUIRED)
        .trust(Trust.fromFile(vsftpd.caPemFile()))
        .anonymous();
  }

  @Test
  void mirrorDownAndUpOverFourTlsConnectionsAreByteEqual() throws IOException {
    Map<String, byte[]> tree = tree(80, 11, rel -> vsftpd.incoming().resolve("down/" + rel));
    Path local = tmp.resolve("copy");
    try (FtpSession ftp = client().build().open()) {
      MirrorResult down =
          ftp.mirrorDown(
              Vsftpd.INCOMING + "/down", local, MirrorOptions.DEFAULT.withParallelism(4));
      assertThat(down.transferred()).containsExactlyInAnyOrderElementsOf(tree.keySet());
      MirrorResult up =
          ftp.mirrorUp(local, Vsftpd.INCOMING + "/up", MirrorOptions.DEFAULT.withParallelism(4));
      assertThat(up.transferred()).hasSize(80);
    }
    assertTree(local, tree);
    assertTree(vsftpd.incoming().resolve("up"), tree);
    assertThat(mirrorThreads()).isZero();
  }

  @Test
  void aFailureMidMirrorStopsItWithATypedError() throws IOException {
    Map<String, byte[]> tree = tree(120, 12, rel -> vsftpd.incoming().resolve("fail/" + rel));
    String victim = "f057.bin";
    EventListener shrinker =
        FtpParallelMirrorTest.shrinkingOnFirstTransfer(
            vsftpd.incoming().resolve("fail/" + victim), 10);
    Path local = tmp.resolve("copy");
    try (FtpSession ftp = client().eventListener(shrinker).retries(0).build().open()) {
      assertThatThrownBy(
              () ->
                  ftp.mirrorDown(
                      Vsftpd.INCOMING + "/fail", local, MirrorOptions.DEFAULT.withParallelism(4)))
          .isInstanceOf(ConnectionClosedException.class)
          .hasMessageContaining("ended after 10 of " + tree.get(victim).length);
      assertThat(mirrorThreads()).isZero();
      assertThat(ftp.size(Vsftpd.INCOMING + "/fail/" + victim)).isEqualTo(10);
    }
    assertThat(local.resolve(victim)).doesNotExist();
  }
}
