package io.inetkit.transfer.ftp;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.inetkit.core.Credentials;
import io.inetkit.core.Endpoint;
import io.inetkit.core.InetkitTimeoutException;
import io.inetkit.core.LimitExceededException;
import io.inetkit.core.ProtocolViolationException;
import io.inetkit.core.Timeouts;
import io.inetkit.core.TlsException;
import io.inetkit.core.TlsMode;
import io.inetkit.testkit.fault.FaultScript;
import io.inetkit.testkit.fault.FaultServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FtpHostileServerTest {
  static final Duration GUARD = Duration.ofSeconds(20);

  @TempDir Path tmp;

  static byte[] bytes(int n) {
    byte[] b = new byte[n];
    new Random(n).nextBytes(b);
    return b;
  }

  static final byte[] NO_LISTING = new byte[0];

  @Test
  void pasvAddressIsIgnoredAndTheControlPeerIsUsed() throws IOException {
    byte[] payload = bytes(300_000);
    try (FakeFtp fake = new FakeFtp(payload, NO_LISTING, FakeFtp.Data.NORMAL, 0);
        FtpSession ftp = fake.client().build().open()) {
      Path target = tmp.resolve("f.bin");
      ftp.get("f.bin", target);
      assertThat(Files.readAllBytes(target)).isEqualTo(payload);
      assertThat(fake.commands).contains("PASV"); // the 227 reply named 10.0.0.1
      assertThat(fake.dataPeers).containsExactly("127.0.0.1");
    }
  }

  @Test
  void droppedDataConnectionIsReconnectedAndResumedByteIdentical() throws IOException {
    byte[] payload = bytes(1_000_000);
    try (FakeFtp fake = new FakeFtp(payload, NO_LISTING, FakeFtp.Data.DROP_FIRST, 400_000);
        FtpSession ftp = fake.client().build().open()) {
      Path target = tmp.resolve("f.bin");
      FtpTransfer t = ftp.get("f.bin", target);
      assertThat(t.reconnects()).isEqualTo(1);
      assertThat(Files.readAllBytes(target)).isEqualTo(payload);
      // what arrived before the RST (at most 400000 bytes) is kept and the rest is asked for
      assertThat(fake.commands)
          .anySatisfy(
              c -> {
                assertThat(c).startsWith("REST ");
                assertThat(Long.parseLong(c.substring(5))).isBetween(1L, 400_000L);
              });
      assertThat(fake.commands.stream().filter(c -> c.startsWith("PASS"))).hasSize(2);
    }
  }

  @Test
  void droppedStreamDownloadResumesFromTheBytesWritten() throws IOException {
    byte[] payload = bytes(600_000);
    try (FakeFtp fake = new FakeFtp(payload, NO_LISTING, FakeFtp.Data.DROP_FIRST, 250_000);
        FtpSession ftp = fake.client().build().open()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      assertThat(ftp.get("f.bin", out).reconnects()).isEqualTo(1);
      assertThat(out.toByteArray()).isEqualTo(payload);
    }
  }

  /** Text with CRLF line ends as it travels in TYPE A; an ASCII client converts it to its own. */
  static final byte[] CRLF_TEXT =
      "a line of text\r\nanother one\r\n".repeat(20_000).getBytes(UTF_8);

  static byte[] converted(byte[] crlf) {
    return new String(crlf, UTF_8).replace("\r\n", System.lineSeparator()).getBytes(UTF_8);
  }

  @Test
  void droppedAsciiDownloadStartsAgainFromZeroInsteadOfResumingAtAByteOffset() throws IOException {
    try (FakeFtp fake = new FakeFtp(CRLF_TEXT, NO_LISTING, FakeFtp.Data.DROP_FIRST, 250_001);
        FtpSession ftp = fake.client().transferType(TransferType.ASCII).build().open()) {
      Path target = tmp.resolve("notes.txt");
      FtpTransfer t = ftp.get("notes.txt", target);
      assertThat(t.reconnects()).isEqualTo(1);
      assertThat(Files.readAllBytes(target)).isEqualTo(converted(CRLF_TEXT));
      assertThat(fake.commands)
          .contains("TYPE A")
          .noneMatch(c -> c.startsWith("REST"))
          .filteredOn(c -> c.startsWith("RETR"))
          .hasSize(2);
    }
  }

  @Test
  void droppedAsciiStreamDownloadIsReportedNotResumedAtAByteOffset() throws IOException {
    try (FakeFtp fake = new FakeFtp(CRLF_TEXT, NO_LISTING, FakeFtp.Data.DROP_FIRST, 250_001);
        FtpSession ftp = fake.client().transferType(TransferType.ASCII).build().open()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      assertThatThrownBy(() -> ftp.get("notes.txt", out))
          .isInstanceOfSatisfying(
              io.inetkit.core.ProtocolReplyException.class,
              e -> assertThat(e.reply().toString()).isEqualTo("426 connection lost"));
      assertThat(out.size())
          .isPositive(); // converted text already handed over cannot be taken back
      assertThat(fake.commands)
          .noneMatch(c -> c.startsWith("REST"))
          .filteredOn(c -> c.startsWith("RETR"))
          .hasSize(1);
    }
  }

  @Test
  void droppedUploadIsReconnectedAndResumedWithRestStor() throws IOException {
    byte[] payload = bytes(1_000_000);
    Path local = Files.write(tmp.resolve("up.bin"), payload);
    try (FakeFtp fake = new FakeFtp(new byte[0], NO_LISTING, FakeFtp.Data.DROP_FIRST, 300_000);
        FtpSession ftp = fake.client().build().open()) {
      FtpTransfer t = ftp.put(local, "up.bin");
      assertThat(t.reconnects()).isEqualTo(1);
      assertThat(t.bytes()).isEqualTo(payload.length);
      assertThat(fake.stored("up.bin")).isEqualTo(payload);
      // the server kept exactly 300000 bytes of the first STOR; the rest follows them
      assertThat(afterFirst(fake, "STOR up.bin"))
          .containsSubsequence("SIZE up.bin", "REST 300000", "STOR up.bin");
      assertThat(fake.commands.stream().filter(c -> c.startsWith("PASS"))).hasSize(2);
    }
  }

  @Test
  void droppedUploadIsResumedWithAppeWhenTheServerLacksRest() throws IOException {
    byte[] payload = bytes(800_000);
    Path local = Files.write(tmp.resolve("up.bin"), payload);
    try (FakeFtp fake = new FakeFtp(new byte[0], NO_LISTING, FakeFtp.Data.DROP_FIRST, 200_000)) {
      fake.feat = "211-Features:\r\n SIZE\r\n211 End\r\n";
      try (FtpSession ftp = fake.client().build().open()) {
        assertThat(ftp.put(local, "up.bin").reconnects()).isEqualTo(1);
        assertThat(fake.stored("up.bin")).isEqualTo(payload);
        assertThat(afterFirst(fake, "STOR up.bin"))
            .contains("APPE up.bin")
            .noneMatch(c -> c.startsWith("REST"));
      }
    }
  }

  @Test
  void droppedAsciiUploadStartsAgainFromZero() throws IOException {
    Path local = Files.write(tmp.resolve("notes.txt"), CRLF_TEXT);
    try (FakeFtp fake = new FakeFtp(new byte[0], NO_LISTING, FakeFtp.Data.DROP_FIRST, 100_001);
        FtpSession ftp = fake.client().transferType(TransferType.ASCII).build().open()) {
      assertThat(ftp.put(local, "notes.txt").reconnects()).isEqualTo(1);
      assertThat(fake.stored("notes.txt")).isEqualTo(CRLF_TEXT); // TYPE A travels with CRLF
      assertThat(fake.commands)
          .noneMatch(c -> c.startsWith("REST") || c.startsWith("APPE"))
          .filteredOn(c -> c.startsWith("STOR"))
          .hasSize(2);
    }
  }

  private static java.util.List<String> afterFirst(FakeFtp fake, String command) {
    java.util.List<String> all = java.util.List.copyOf(fake.commands);
    return all.subList(all.indexOf(command) + 1, all.size());
  }

  @Test
  void aServerSendingMoreThanItsSizeSaidIsCutOffAtMaxFileSize() throws IOException {
    byte[] payload = bytes(600_000);
    // a lying SIZE with the "426 aborted" a real server sends when the client hangs up; no SIZE at
    // all
    String[][] servers = {
      {"213 10\r\n", "426 transfer aborted\r\n"}, {"502 no SIZE\r\n", "226 done\r\n"}
    };
    for (String[] replies : servers) {
      try (FakeFtp fake = new FakeFtp(payload, NO_LISTING, FakeFtp.Data.NORMAL, 0);
          FtpSession ftp = fake.client().maxFileSize(100_000).build().open()) {
        fake.sizeReply = replies[0];
        fake.retrEnd = replies[1];
        assertThatThrownBy(() -> ftp.get("big.bin", tmp.resolve("big.bin")))
            .isInstanceOfSatisfying(
                LimitExceededException.class, e -> assertThat(e.limit()).isEqualTo(100_000))
            .hasMessageContaining("big.bin is larger than the maximum file size");
        assertThat(tmp.toFile().list()).as("no file, no temp file").isEmpty();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThatThrownBy(() -> ftp.get("big.bin", out))
            .isInstanceOf(LimitExceededException.class);
        assertThat(out.size()).isLessThanOrEqualTo(100_000);
        assertThat(fake.commands.stream().filter(c -> c.startsWith("RETR")))
            .hasSize(2); // never retried
        assertThat(ftp.command("NOOP").code())
            .as("the transfer's reply was consumed")
            .isEqualTo(200);
      }
    }
  }

  @Test
  void withoutRetriesADropIsReportedWithTheServersReplyAndNoFileAppears() throws IOException {
    try (FakeFtp fake = new FakeFtp(bytes(500_000), NO_LISTING, FakeFtp.Data.DROP_FIRST, 100_000);
        FtpSession ftp = fake.client().retries(0).build().open()) {
      assertThatThrownBy(() -> ftp.get("f.bin", tmp.resolve("f.bin")))
          .isInstanceOfSatisfying(
              io.inetkit.core.ProtocolReplyException.class,
              e -> {
                assertThat(e.reply().toString()).isEqualTo("426 connection lost");
                assertThat(e.getSuppressed())
                    .singleElement()
                    .isInstanceOf(io.inetkit.core.ConnectionClosedException.class);
              })
          .hasMessageContaining("127.0.0.1:");
      assertThat(Files.exists(tmp.resolve("f.bin"))).isFalse();
    }
  }

  @Test
  void sessionReuseRefusalExplainsTheTls12TicketCaseAndNamesTheJvmFlag() throws IOException {
    try (FakeFtp fake = new FakeFtp(bytes(1000), NO_LISTING, FakeFtp.Data.NORMAL, 0);
        FtpSession ftp = fake.client().build().open()) {
      fake.retrEnd = "522 SSL connection failed: session reuse required\r\n"; // vsftpd's words
      assertThatThrownBy(() -> ftp.get("f.bin", tmp.resolve("f.bin")))
          .isInstanceOf(TlsException.class)
          .hasMessageContaining("522 SSL connection failed: session reuse required")
          .hasMessageContaining(
              "some servers, vsftpd on OpenSSL, reject the JDK's TLS 1.2 ticket" + " resumption")
          .hasMessageContaining("INETKIT_JAVA_OPTS=")
          .hasMessageContaining("-Djdk.tls.client.enableSessionTicketExtension=false");
      assertThat(tmp.resolve("f.bin")).doesNotExist();
    }
  }

  @Test
  void opportunisticTlsCarriesOnInPlainTextOnlyWhenAsked() throws IOException {
    byte[] listing = "-rw-r--r--   1 u g   5 Jan 01  2020 ok.txt\r\n".getBytes(UTF_8);
    try (FakeFtp fake = new FakeFtp(new byte[0], listing, FakeFtp.Data.NORMAL, 0);
        FtpSession ftp = fake.client().tlsMode(TlsMode.STARTTLS_OPPORTUNISTIC).build().open()) {
      assertThat(ftp.list("/")).extracting(FtpEntry::name).containsExactly("ok.txt");
      assertThat(fake.commands).startsWith("AUTH TLS", "USER anonymous");
    }
  }

  @Test
  void garbageListingIsAnErrorNotAnEmptyList() throws IOException {
    byte[] listing =
        ("-rw-r--r--   1 u g   5 Jan 01  2020 ok.txt\r\n" + "this is not a listing line\r\n")
            .getBytes(UTF_8);
    try (FakeFtp fake = new FakeFtp(new byte[0], listing, FakeFtp.Data.NORMAL, 0);
        FtpSession ftp = fake.client().build().open()) {
      assertThatThrownBy(() -> ftp.list("/"))
          .isInstanceOf(ProtocolViolationException.class)
          .hasMessageContaining("cannot parse LIST line")
          .hasMessageContaining("this is not a listing line");
    }
  }

  @Test
  void aControlCharacterInAListedNameIsAProtocolViolation() throws IOException {
    // NUL is not whitespace, so this line has the common Unix form the hand reader takes; a CR
    // is, so Commons Net gets that line and cannot parse it: both are the server's violation
    Map<String, String> messages =
        Map.of("a\0b", "control character in a name listed in", "a\rb", "cannot parse LIST line");
    for (Map.Entry<String, String> c : messages.entrySet()) {
      byte[] listing =
          ("-rw-r--r--   1 u g   5 Jan 01  2020 " + c.getKey() + "\r\n").getBytes(UTF_8);
      try (FakeFtp fake = new FakeFtp(new byte[0], listing, FakeFtp.Data.NORMAL, 0);
          FtpSession ftp = fake.client().build().open()) {
        assertThatThrownBy(() -> ftp.list("/"))
            .isInstanceOf(ProtocolViolationException.class)
            .hasMessageContaining(c.getValue());
      }
    }
  }

  @Test
  void listParsesUnixLinesWhenMlsdIsNotOffered() throws IOException {
    byte[] listing =
        ("total 2\r\n-rw-r--r--   1 u g   5 Jan 01  2020 ok.txt\r\n"
                + "drwxr-xr-x   2 u g 4096 Jan 01  2020 sub\r\n")
            .getBytes(UTF_8);
    try (FakeFtp fake = new FakeFtp(new byte[0], listing, FakeFtp.Data.NORMAL, 0);
        FtpSession ftp = fake.client().build().open()) {
      assertThat(ftp.list("/"))
          .containsExactly(
              new FtpEntry(
                  "ok.txt",
                  FtpEntry.Type.FILE,
                  5,
                  java.time.Instant.parse("2020-01-01T00:00:00Z"),
                  "-rw-r--r--"),
              new FtpEntry(
                  "sub",
                  FtpEntry.Type.DIRECTORY,
                  4096,
                  java.time.Instant.parse("2020-01-01T00:00:00Z"),
                  "drwxr-xr-x"));
    }
  }

  @Test
  void hostileNamesAreRefusedByMirrorAndNothingIsWrittenOutside() throws IOException {
    for (String name :
        new String[] {"../evil.txt", "/etc/evil.txt", "a/../../evil.txt", "..", "C:evil"}) {
      byte[] listing = ("-rw-r--r--   1 u g   5 Jan 01  2020 " + name + "\r\n").getBytes(UTF_8);
      Path target = tmp.resolve("mirror");
      try (FakeFtp fake = new FakeFtp("evil!".getBytes(UTF_8), listing, FakeFtp.Data.NORMAL, 0);
          FtpSession ftp = fake.client().build().open()) {
        if (name.equals("..")) {
          assertThat(ftp.mirrorDown("/", target, MirrorMode.ALL).transferred()).isEmpty();
        } else {
          assertThatThrownBy(() -> ftp.mirrorDown("/", target, MirrorMode.ALL))
              .isInstanceOf(ProtocolViolationException.class)
              .hasMessageContaining("refusing");
        }
      }
      try (var walk = Files.walk(tmp)) {
        assertThat(walk.filter(Files::isRegularFile)).isEmpty();
      }
    }
  }

  @Test
  void endlessListingLineAndTooManyEntriesHitLimits() throws IOException {
    try (FakeFtp fake = new FakeFtp(new byte[0], NO_LISTING, FakeFtp.Data.ENDLESS, 0);
        FtpSession ftp = fake.client().build().open()) {
      assertTimeoutPreemptively(
          GUARD,
          () -> assertThatThrownBy(() -> ftp.list("/")).isInstanceOf(LimitExceededException.class));
    }
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      many.append("-rw-r--r--   1 u g   5 Jan 01  2020 f").append(i).append("\r\n");
    }
    try (FakeFtp fake =
            new FakeFtp(new byte[0], many.toString().getBytes(UTF_8), FakeFtp.Data.NORMAL, 0);
        FtpSession ftp = fake.client().maxListingEntries(10).build().open()) {
      assertThatThrownBy(() -> ftp.list("/"))
          .isInstanceOfSatisfying(
              LimitExceededException.class, e -> assertThat(e.limit()).isEqualTo(10));
    }
  }

  @Test
  void stalledDataConnectionTimesOut() throws IOException {
    try (FakeFtp fake = new FakeFtp(bytes(1000), NO_LISTING, FakeFtp.Data.STALL, 0);
        FtpSession ftp =
            fake.client().retries(0).dataTimeout(Duration.ofMillis(500)).build().open()) {
      assertTimeoutPreemptively(
          GUARD,
          () ->
              assertThatThrownBy(() -> ftp.get("f.bin", new ByteArrayOutputStream()))
                  .isInstanceOfSatisfying(
                      InetkitTimeoutException.class,
                      e -> assertThat(e.timeout()).isEqualTo(Duration.ofMillis(500))));
    }
  }

  private static FtpClient faultClient(FaultServer server, TlsMode mode) {
    return FtpClient.builder()
        .endpoint(Endpoint.of("127.0.0.1", server.port()))
        .tlsMode(mode)
        .credentials(Credentials.password("alice", "s3cret-pw".toCharArray()))
        .timeouts(
            Timeouts.DEFAULT.withRead(Duration.ofMillis(500)).withConnect(Duration.ofSeconds(1)))
        .build();
  }

  @Test
  void stalledControlConnectionTimesOut() throws IOException {
    try (FaultServer server =
        FaultServer.start(FaultScript.create().send("220 hi\r\n").expectLine().stall())) {
      assertTimeoutPreemptively(
          GUARD,
          () ->
              assertThatThrownBy(() -> faultClient(server, TlsMode.NONE).open())
                  .isInstanceOfSatisfying(
                      InetkitTimeoutException.class,
                      e -> assertThat(e.getMessage()).contains("127.0.0.1:" + server.port())));
    }
  }

  @Test
  void silentGreetingTimesOut() throws IOException {
    try (FaultServer server = FaultServer.start(FaultScript.create().stall())) {
      assertTimeoutPreemptively(
          GUARD,
          () ->
              assertThatThrownBy(() -> faultClient(server, TlsMode.NONE).open())
                  .isInstanceOf(InetkitTimeoutException.class));
    }
  }

  @Test
  void endlessReplyLineHitsTheLimit() throws IOException {
    try (FaultServer server =
        FaultServer.start(FaultScript.create().send("220 ").endlessLine('x'))) {
      assertTimeoutPreemptively(
          GUARD,
          () ->
              assertThatThrownBy(() -> faultClient(server, TlsMode.NONE).open())
                  .isInstanceOfSatisfying(
                      LimitExceededException.class, e -> assertThat(e.limit()).isEqualTo(8192)));
    }
  }

  @Test
  void endlessMultiLineReplyHitsTheLimit() throws IOException {
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 60_000; i++) {
      lines.append("220-still greeting you\r\n");
    }
    try (FaultServer server =
        FaultServer.start(FaultScript.create().send(lines.toString()).stall())) {
      assertTimeoutPreemptively(
          GUARD,
          () ->
              assertThatThrownBy(() -> faultClient(server, TlsMode.NONE).open())
                  .isInstanceOf(LimitExceededException.class)
                  .hasMessageContaining("reply longer than"));
    }
  }

  @Test
  void garbageGreetingIsAProtocolViolation() throws IOException {
    try (FaultServer server =
        FaultServer.start(FaultScript.create().send("hello there\r\n").stall())) {
      assertThatThrownBy(() -> faultClient(server, TlsMode.NONE).open())
          .isInstanceOf(ProtocolViolationException.class)
          .hasMessageContaining("hello there");
    }
  }

  @Test
  void refusedAuthTlsNeverSendsCredentials() throws IOException {
    try (FaultServer server =
        FaultServer.start(
            FaultScript.create()
                .send("220 hi\r\n")
                .expectLine()
                .send("502 no TLS here\r\n")
                .expectLine()
                .stall())) {
      assertThatThrownBy(() -> faultClient(server, TlsMode.STARTTLS_REQUIRED).open())
          .isInstanceOf(TlsException.class)
          .hasMessageContaining("502 no TLS here");
      assertThat(server.received()).isEqualTo("AUTH TLS\r\n");
    }
  }
}
