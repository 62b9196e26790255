package io.inetkit.testkit.ftp;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inetkit.testkit.tls.TestPki;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPFile;
import org.apache.commons.net.ftp.FTPReply;
import org.apache.commons.net.ftp.FTPSClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FtpServerTest {
  private static FtpServer ftp;

  @BeforeAll
  static void start() throws IOException {
    ftp =
        FtpServer.builder()
            .user(FtpServer.DEFAULT_WRITER)
            .user(FtpServer.DEFAULT_READER)
            .anonymous()
            .start();
  }

  @AfterAll
  static void stop() {
    ftp.close();
  }

  private static byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    new Random(n).nextBytes(b);
    return b;
  }

  private static void login(FTPClient client, FtpUser user) throws IOException {
    assertThat(client.login(user.name(), user.password())).as(client.getReplyString()).isTrue();
    client.enterLocalPassiveMode();
    assertThat(client.setFileType(FTP.BINARY_FILE_TYPE)).isTrue();
  }

  /** Uploads, downloads and lists through {@code client}, checking the server's disk. */
  private static void roundTrip(FTPClient client, String name) throws IOException {
    byte[] up = randomBytes(300_000);
    assertThat(client.storeFile(name, new ByteArrayInputStream(up)))
        .as(client.getReplyString())
        .isTrue();
    assertThat(ftp.read("alice", name)).isEqualTo(up);

    byte[] down = randomBytes(123_457);
    ftp.put("alice", "dir/" + name + ".down", down);
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    assertThat(client.retrieveFile("dir/" + name + ".down", got))
        .as(client.getReplyString())
        .isTrue();
    assertThat(got.toByteArray()).isEqualTo(down);

    FTPFile[] listed = client.mlistDir("dir");
    assertThat(Arrays.stream(listed).map(FTPFile::getName)).contains(name + ".down");
    assertThat(
            Arrays.stream(listed)
                .filter(f -> f.getName().equals(name + ".down"))
                .findFirst()
                .orElseThrow()
                .getSize())
        .isEqualTo(down.length);
  }

  /**
   * The {@code 226} that ends a transfer follows a {@code 150} the client never answered, so with
   * Nagle's algorithm on the control socket it waited for the client's delayed ACK (at least 40 ms
   * on Linux) on every download. With {@code TCP_NODELAY} each takes a few ms: the test allows a
   * few slow ones (a GC pause, a busy machine) and fails only when downloads stall as a rule.
   */
  @Test
  void smallDownloadsDoNotWaitForTheClientsDelayedAck() throws IOException {
    int files = 20;
    for (int i = 0; i <= files; i++) {
      ftp.put("bob", "small/" + i + ".bin", randomBytes(4096));
    }
    FTPClient client = new FTPClient();
    client.connect(ftp.host(), ftp.port());
    try {
      login(client, ftp.reader());
      ByteArrayOutputStream sink = new ByteArrayOutputStream();
      assertThat(client.retrieveFile("small/0.bin", sink)).isTrue(); // warm-up
      int slow = 0;
      for (int i = 1; i <= files; i++) {
        long start = System.nanoTime();
        assertThat(client.retrieveFile("small/" + i + ".bin", sink))
            .as(client.getReplyString())
            .isTrue();
        if (Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofMillis(35)) >= 0) {
          slow++;
        }
      }
      assertThat(slow).as("downloads that took 35 ms or more").isLessThanOrEqualTo(files / 4);
      assertThat(sink.size()).isEqualTo((files + 1) * 4096);
    } finally {
      client.disconnect();
    }
  }

  @Test
  void plainFtpWithPassiveDataOnLoopback() throws IOException {
    FTPClient client = new FTPClient();
    client.connect(ftp.host(), ftp.port());
    try {
      login(client, ftp.writer());
      roundTrip(client, "plain.bin");
      assertThat(client.getPassiveHost()).isEqualTo("127.0.0.1");
    } finally {
      client.disconnect();
    }
  }

  @Test
  void explicitFtpsWithVerifiedCertificateAndProtectedData() throws IOException {
    FTPSClient client = new FTPSClient(false, ftp.pki().clientSslContext());
    client.setEndpointCheckingEnabled(true);
    // Commons Net closes an upload's data socket without reading the server's TLS 1.3 session
    // ticket, which can reset the connection (426); TLS 1.2 keeps this plain-client test stable.
    client.setEnabledProtocols(new String[] {"TLSv1.2"});
    client.connect("localhost", ftp.port());
    try {
      assertThat(client.getReplyString()).startsWith("234"); // AUTH TLS accepted
      login(client, ftp.writer());
      client.execPBSZ(0);
      client.execPROT("P");
      assertThat(client.getReplyCode()).isEqualTo(200);
      roundTrip(client, "explicit.bin");
    } finally {
      client.disconnect();
    }
  }

  @Test
  void implicitFtpsListener() throws IOException {
    TlsProbe client = new TlsProbe(ftp.pki().clientSslContext());
    client.setEndpointCheckingEnabled(true);
    client.setEnabledProtocols(new String[] {"TLSv1.2"}); // see the explicit-FTPS test
    client.connect("127.0.0.1", ftp.implicitTlsPort());
    try {
      assertThat(client.getReplyCode()).isEqualTo(220);
      assertThat(client.control().getSession().getProtocol()).isEqualTo("TLSv1.2");
      login(client, ftp.writer());
      client.execPBSZ(0);
      client.execPROT("P");
      roundTrip(client, "implicit.bin");
    } finally {
      client.disconnect();
    }
  }

  /** An implicit-FTPS client that shows its control socket, to check it really is TLS. */
  private static final class TlsProbe extends FTPSClient {
    TlsProbe(javax.net.ssl.SSLContext context) {
      super(true, context);
    }

    SSLSocket control() {
      return (SSLSocket) _socket_;
    }
  }

  @Test
  void certificateFromAnotherCaIsRejected() throws IOException {
    FTPSClient client = new FTPSClient(true, TestPki.create().clientSslContext());
    client.setEndpointCheckingEnabled(true);
    try {
      assertThatThrownBy(() -> client.connect("127.0.0.1", ftp.implicitTlsPort()))
          .isInstanceOf(SSLException.class)
          .hasMessageContaining("PKIX");
    } finally {
      client.disconnect();
    }
  }

  @Test
  void announcesAndAnswersXsha256AndCanPresentAnotherIdentity() throws IOException {
    ftp.put("alice", "sum.txt", "abc".getBytes(UTF_8));
    FTPClient client = new FTPClient();
    client.connect(ftp.host(), ftp.port());
    try {
      login(client, ftp.writer());
      assertThat(client.features()).isTrue();
      assertThat(client.getReplyString())
          .contains(" XSHA256")
          .contains(" EPSV")
          .doesNotContain("MD5");
      assertThat(client.sendCommand("XSHA256", "sum.txt")).isEqualTo(213);
      assertThat(client.getReplyString())
          .contains("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
      assertThat(client.sendCommand("XSHA256", "missing.txt")).isEqualTo(550);
    } finally {
      client.disconnect();
    }
    TestPki pki = TestPki.create();
    try (FtpServer wrong =
        FtpServer.builder().pki(pki).identity(pki.issue("wrong.example")).start()) {
      FTPSClient tls = new FTPSClient(true, pki.clientSslContext());
      tls.setEndpointCheckingEnabled(true);
      assertThatThrownBy(() -> tls.connect("127.0.0.1", wrong.implicitTlsPort()))
          .isInstanceOf(SSLException.class);
      tls.disconnect();
    }
  }

  @Test
  void readOnlyUserCannotUpload() throws IOException {
    ftp.put("bob", "pub/readme.txt", "read me".getBytes(UTF_8));
    FTPClient client = new FTPClient();
    client.connect(ftp.host(), ftp.port());
    try {
      login(client, ftp.reader());
      assertThat(client.storeFile("x.bin", new ByteArrayInputStream(new byte[10]))).isFalse();
      assertThat(client.getReplyCode()).isEqualTo(550);
      ByteArrayOutputStream got = new ByteArrayOutputStream();
      assertThat(client.retrieveFile("pub/readme.txt", got)).isTrue();
      assertThat(got.toString(UTF_8)).isEqualTo("read me");
      assertThat(ftp.exists("bob", "x.bin")).isFalse();
    } finally {
      client.disconnect();
    }
  }

  @Test
  void wrongPasswordIsRefusedAndAnonymousIsAllowed() throws IOException {
    FTPClient client = new FTPClient();
    client.connect(ftp.host(), ftp.port());
    try {
      assertThat(client.login("alice", "wrong")).isFalse();
      assertThat(client.getReplyCode()).isEqualTo(530);
      assertThat(client.login("anonymous", "guest@example.org")).isTrue();
      assertThat(FTPReply.isPositiveCompletion(client.getReplyCode())).isTrue();
    } finally {
      client.disconnect();
    }
  }

  @Test
  void closeDeletesHomesAndHelpersRefuseEscapes() throws IOException {
    FtpServer other = FtpServer.start();
    // one set of default users on every testkit server: alice/alice-secret writes, bob/bob-secret
    // reads
    try (var all =
        io.inetkit.testkit.InetkitServers.builder()
            .services(io.inetkit.testkit.InetkitServers.Service.FTP)
            .start()) {
      assertThat(other.users())
          .containsExactlyElementsOf(all.users())
          .containsExactly(FtpUser.ALICE, FtpUser.BOB);
    }
    assertThat(other.reader().credentials().secretAsString()).isEqualTo("bob-secret");
    Path home = other.home("alice");
    other.put("alice", "a/b/c.txt", new byte[] {1, 2, 3});
    assertThat(other.read("alice", "/a/b/c.txt")).containsExactly(1, 2, 3);
    assertThatThrownBy(() -> other.put("alice", "../reader/x", new byte[1]))
        .isInstanceOf(io.inetkit.core.InvalidInputException.class)
        .hasMessageContaining("outside the home");
    assertThatThrownBy(() -> other.home("nobody")).hasMessageContaining("no such FTP user");
    other.close();
    other.close();
    assertThat(Files.exists(home)).isFalse();
    assertThat(Files.exists(home.getParent())).isFalse();
  }

  @Test
  void usersNeverShowPasswords() {
    assertThat(ftp.writer().toString()).doesNotContain("alice-secret").contains("alice");
    assertThat(ftp.writer().credentials().secretAsString()).isEqualTo("alice-secret");
  }
}
