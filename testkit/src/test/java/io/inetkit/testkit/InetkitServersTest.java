package io.inetkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inetkit.testkit.InetkitServers.Listener;
import io.inetkit.testkit.InetkitServers.Service;
import io.inetkit.testkit.tls.TestPki;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class InetkitServersTest {
  private static InetkitServers servers;

  @BeforeAll
  static void startAll() throws IOException {
    servers = InetkitServers.start();
  }

  @AfterAll
  static void stopAll() {
    servers.close();
  }

  @Test
  void startsEveryListenerOnItsOwnLoopbackPort() {
    assertThat(servers.started()).containsExactlyInAnyOrder(Service.values());
    assertThat(servers.listeners()).containsExactly(Listener.values());
    Set<Integer> ports =
        servers.listeners().stream().map(servers::port).collect(Collectors.toSet());
    assertThat(ports).hasSize(Listener.values().length).allMatch(p -> p > 0);
    assertThat(servers.url(Listener.IMAPS))
        .isEqualTo(
            "imaps://127.0.0.1:" + servers.mail().port(io.inetkit.testkit.mail.MailProtocol.IMAPS));
    assertThat(servers.url(Listener.GOPHERS))
        .isEqualTo("gophers://127.0.0.1:" + servers.gopher().tlsPort() + "/");
  }

  @Test
  void servicesDescribeEveryListenerWithTheFirstUser() {
    List<ServiceInfo> services = servers.services();
    assertThat(services)
        .extracting(ServiceInfo::name)
        .containsExactly(
            "smtp",
            "smtps",
            "smtp-starttls",
            "imap",
            "imaps",
            "imap-starttls",
            "pop3",
            "pop3s",
            "pop3-starttls",
            "ftp",
            "ftps",
            "telnet",
            "gopher",
            "gophers");
    ServiceInfo ftps = services.get(10);
    assertThat(ftps.url()).isEqualTo("ftps://127.0.0.1:" + servers.ftp().implicitTlsPort());
    assertThat(ftps.user()).isEqualTo("alice");
    assertThat(ftps.password()).isEqualTo("alice-secret");
    assertThat(ftps.toString()).contains("ftps://").doesNotContain("alice-secret");
    assertThat(services.get(12).user()).isEmpty();
  }

  @Test
  void oneCaFileVerifiesEveryImplicitTlsListener() throws Exception {
    X509Certificate ca;
    try (InputStream in = java.nio.file.Files.newInputStream(servers.caPemFile())) {
      ca = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
    assertThat(ca).isEqualTo(servers.pki().caCertificate());
    SSLContext client = servers.pki().clientSslContext();
    for (Listener l :
        List.of(Listener.SMTPS, Listener.IMAPS, Listener.POP3S, Listener.FTPS, Listener.GOPHERS)) {
      try (SSLSocket s =
          (SSLSocket) client.getSocketFactory().createSocket("localhost", servers.port(l))) {
        SSLParameters params = s.getSSLParameters();
        params.setEndpointIdentificationAlgorithm("HTTPS");
        s.setSSLParameters(params);
        s.setSoTimeout(5_000);
        s.startHandshake(); // throws unless the chain ends at the one CA and the name matches
        assertThat(s.getSession().getPeerCertificates()[1]).as(l.name()).isEqualTo(ca);
      }
    }
  }

  @Test
  void resetPurgesMailFilesAndRecords() throws IOException {
    servers
        .mail()
        .deliver(
            InetkitServers.email("alice"),
            "Subject: x\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII));
    servers.ftp().put("alice", "dir/upload.txt", new byte[] {1, 2, 3});
    servers.gopher().file("menu.txt", "hello");
    try (var s = new java.net.Socket("127.0.0.1", servers.port(Listener.GOPHER))) {
      s.getOutputStream().write("/menu.txt\r\n".getBytes(StandardCharsets.US_ASCII));
      assertThat(new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII))
          .contains("hello");
    }
    assertThat(servers.mail().received()).hasSize(1);
    assertThat(servers.gopher().requests()).contains("/menu.txt");

    servers.reset();

    assertThat(servers.mail().received()).isEmpty();
    assertThat(servers.ftp().exists("alice", "dir")).isFalse();
    assertThat(servers.ftp().home("alice")).isDirectory();
    assertThat(servers.files()).isEmptyDirectory();
    assertThat(servers.gopher().requests()).isEmpty();
    assertThat(servers.telnet().connections()).isEmpty();
  }

  @Test
  void startsOnlyTheChosenServicesOnFixedPortsFromABase() throws IOException {
    int base = freeBase();
    TestPki pki = TestPki.create();
    try (InetkitServers some =
        InetkitServers.builder()
            .services(Service.POP3, Service.GOPHER)
            .portBase(base)
            .pki(pki)
            .user("carol", "carol-secret")
            .start()) {
      assertThat(some.listeners())
          .containsExactly(
              Listener.POP3,
              Listener.POP3S,
              Listener.POP3_STARTTLS,
              Listener.GOPHER,
              Listener.GOPHERS);
      for (Listener l : some.listeners()) {
        assertThat(some.port(l)).as(l.name()).isEqualTo(base + l.offset());
      }
      assertThat(some.pki()).isSameAs(pki);
      assertThat(some.users()).extracting(u -> u.name()).containsExactly("alice", "bob", "carol");
      assertThatThrownBy(some::ftp)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("FTP was not started");
      assertThatThrownBy(() -> some.port(Listener.SMTP))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("SMTP was not started");
      some.mail()
          .deliver(
              InetkitServers.email("carol"),
              "Subject: c\r\n\r\nc\r\n".getBytes(StandardCharsets.US_ASCII));
      assertThat(some.mail().waitForMessages(1, Duration.ofSeconds(2)).get(0).recipient())
          .isEqualTo("carol@inetkit.test");
    }
  }

  @Test
  void aTakenPortFailsTheStartAndReleasesEveryOtherListener() throws IOException {
    int base = freeBase();
    try (ServerSocket taken =
        new ServerSocket(
            base + Listener.TELNET.offset(), 1, java.net.InetAddress.getLoopbackAddress())) {
      assertThatThrownBy(() -> InetkitServers.builder().portBase(base).start())
          .isInstanceOf(IOException.class)
          .hasMessageStartingWith("cannot start the inetkit servers")
          .hasMessageContaining("Address already in use");
      assertThat(taken.isBound()).isTrue();
    }
    assertThat(eventuallyAllFree(base)).as("every listener released").isTrue();
  }

  @Test
  void refusesAPortBaseThatDoesNotLeaveRoomForEveryListener() {
    assertThatThrownBy(() -> InetkitServers.builder().portBase(65_530))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("port base must be 1024..65522");
    assertThatThrownBy(() -> InetkitServers.builder().portBase(80))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * Finds a base whose 14 ports are all free right now (a few tries at random bases), below Linux's
   * ephemeral range (32768-60999) so that no client socket or port-0 listener of a parallel test
   * can take one of them meanwhile.
   */
  static int freeBase() throws IOException {
    for (int attempt = 0; attempt < 50; attempt++) {
      int base = ThreadLocalRandom.current().nextInt(20_000, 32_000);
      if (allFree(base)) {
        return base;
      }
    }
    throw new IOException("no free range of 14 ports found");
  }

  /** Listener threads close their sockets as they stop: allow them a moment. */
  private static boolean eventuallyAllFree(int base) throws IOException {
    long end = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
    while (!allFree(base)) {
      if (System.nanoTime() > end) {
        return false;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.io.InterruptedIOException("interrupted");
      }
    }
    return true;
  }

  private static boolean allFree(int base) {
    for (int i = 0; i < Listener.values().length; i++) {
      try (ServerSocket s =
          new ServerSocket(base + i, 1, java.net.InetAddress.getLoopbackAddress())) {
        s.getLocalPort();
      } catch (IOException e) {
        return false;
      }
    }
    return true;
  }

  @Test
  void usersAddedWhileRunningLogInOnMailFtpAndTelnet() throws Exception {
    try (InetkitServers some =
        InetkitServers.builder().services(Service.IMAP, Service.FTP, Service.TELNET).start()) {
      some.user(
          new io.inetkit.testkit.ftp.FtpUser(
              "carol", "carol-secret", io.inetkit.testkit.ftp.FtpUser.Access.READ_ONLY));
      some.user(
          new io.inetkit.testkit.ftp.FtpUser(
              "alice", "new-secret", io.inetkit.testkit.ftp.FtpUser.Access.READ_WRITE));
      assertThat(some.users())
          .extracting(io.inetkit.testkit.ftp.FtpUser::name)
          .containsExactly("alice", "bob", "carol");

      org.apache.commons.net.ftp.FTPClient ftp = new org.apache.commons.net.ftp.FTPClient();
      ftp.connect(some.host(), some.port(Listener.FTP));
      assertThat(ftp.login("carol", "carol-secret")).isTrue();
      assertThat(ftp.storeFile("x.txt", new java.io.ByteArrayInputStream(new byte[1])))
          .isFalse(); // read-only
      ftp.disconnect();

      jakarta.mail.Store imap =
          jakarta.mail.Session.getInstance(new java.util.Properties()).getStore("imap");
      imap.connect(some.host(), some.port(Listener.IMAP), "carol", "carol-secret");
      assertThat(imap.getFolder("INBOX").exists()).isTrue();
      imap.close();
      assertThatThrownBy(
              () ->
                  jakarta.mail.Session.getInstance(new java.util.Properties())
                      .getStore("imap")
                      .connect(some.host(), some.port(Listener.IMAP), "alice", "alice-secret"))
          .isInstanceOf(jakarta.mail.AuthenticationFailedException.class);

      try (java.net.Socket telnet = new java.net.Socket(some.host(), some.port(Listener.TELNET))) {
        telnet.setSoTimeout(5_000);
        java.io.OutputStream out = telnet.getOutputStream();
        out.write("carol\r\ncarol-secret\r\nwhoami\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        StringBuilder seen = new StringBuilder();
        InputStream in = telnet.getInputStream();
        while (!seen.toString().contains("carol\r\n$")) {
          int b = in.read();
          assertThat(b).as(seen.toString()).isNotNegative();
          seen.append((char) b);
        }
      }
    }
  }

  @Test
  void bindAddressMovesEveryListenerAndTheCertificateNamesIt() throws Exception {
    BindAddress other = BindAddress.of("127.0.0.2"); // loopback too, but not 127.0.0.1
    try (InetkitServers some =
        InetkitServers.builder()
            .services(Service.SMTP, Service.FTP, Service.TELNET, Service.GOPHER)
            .bindAddress(other)
            .start()) {
      assertThat(some.host()).isEqualTo("127.0.0.2");
      assertThat(some.url(Listener.SMTPS)).startsWith("smtps://127.0.0.2:");
      for (Listener l : some.listeners()) {
        new java.net.Socket("127.0.0.2", some.port(l)).close();
        assertThatThrownBy(() -> new java.net.Socket("127.0.0.1", some.port(l)).close())
            .as(l.id())
            .isInstanceOf(java.net.ConnectException.class);
      }
      try (java.net.Socket tls =
          io.inetkit.core.internal.Connector.connect(
              io.inetkit.core.Endpoint.of("127.0.0.2", some.port(Listener.SMTPS)),
              true,
              some.clientTrust(),
              io.inetkit.core.Timeouts.DEFAULT,
              io.inetkit.core.EventListener.NONE)) {
        assertThat(
                new java.io.BufferedReader(
                        new java.io.InputStreamReader(
                            tls.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine())
            .startsWith("220");
      }
      org.apache.commons.net.ftp.FTPClient ftp = new org.apache.commons.net.ftp.FTPClient();
      ftp.connect("127.0.0.2", some.port(Listener.FTP));
      assertThat(ftp.login("alice", "alice-secret")).isTrue();
      ftp.enterLocalPassiveMode();
      assertThat(
              ftp.storeFile(
                  "up.txt",
                  new java.io.ByteArrayInputStream("hi".getBytes(StandardCharsets.US_ASCII))))
          .isTrue();
      assertThat(ftp.getPassiveHost()).isEqualTo("127.0.0.2");
      ftp.disconnect();
      assertThat(some.ftp().read("alice", "up.txt"))
          .isEqualTo("hi".getBytes(StandardCharsets.US_ASCII));
      assertThat(some.gopher().url("1/")).startsWith("gopher://127.0.0.2:");
    }
  }

  @Test
  void bindAddressAcceptsIpv4LiteralsOnly() {
    assertThat(BindAddress.of("0.0.0.0").urlHost()).isEqualTo("127.0.0.1");
    assertThat(BindAddress.of("0.0.0.0").isLoopback()).isFalse();
    assertThat(BindAddress.LOOPBACK.isLoopback()).isTrue();
    assertThatThrownBy(() -> BindAddress.of("localhost"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not an IPv4 address: localhost");
    assertThatThrownBy(() -> BindAddress.of("::1")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> InetkitServers.builder().tlsName("bad name"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
