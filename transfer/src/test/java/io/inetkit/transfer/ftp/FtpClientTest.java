package io.inetkit.transfer.ftp;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inetkit.core.AuthenticationException;
import io.inetkit.core.Credentials;
import io.inetkit.core.InvalidInputException;
import io.inetkit.core.LimitExceededException;
import io.inetkit.core.NotFoundException;
import io.inetkit.core.ProtocolReplyException;
import io.inetkit.core.TlsException;
import io.inetkit.core.TlsMode;
import io.inetkit.core.TransferProgress;
import io.inetkit.testkit.RecordingEventListener;
import io.inetkit.testkit.ftp.FtpServer;
import io.inetkit.testkit.tls.TestPki;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FtpClientTest {
  static FtpServer server;

  @TempDir Path tmp;

  @BeforeAll
  static void start() throws IOException {
    server =
        FtpServer.builder()
            .user(FtpServer.DEFAULT_WRITER)
            .user(FtpServer.DEFAULT_READER)
            .anonymous()
            .start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static byte[] bytes(int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }

  /** A client for the writable user over explicit FTPS with verification against the test CA. */
  static FtpClient.Builder writer() {
    return FtpClient.builder()
        .endpoint(server.endpoint())
        .trust(server.clientTrust())
        .credentials(server.writer().credentials());
  }

  enum Mode {
    PLAIN_PASSIVE,
    PLAIN_ACTIVE,
    EXPLICIT_PASSIVE,
    EXPLICIT_ACTIVE,
    IMPLICIT_PASSIVE
  }

  static FtpClient client(Mode mode) {
    FtpClient.Builder b = writer();
    switch (mode) {
      case PLAIN_PASSIVE -> b.tlsMode(TlsMode.NONE);
      case PLAIN_ACTIVE -> b.tlsMode(TlsMode.NONE).dataConnectionMode(DataConnectionMode.ACTIVE);
      case EXPLICIT_PASSIVE -> b.tlsMode(TlsMode.STARTTLS_REQUIRED);
      case EXPLICIT_ACTIVE -> b.dataConnectionMode(DataConnectionMode.ACTIVE);
      case IMPLICIT_PASSIVE -> b.tlsMode(TlsMode.IMPLICIT).endpoint(server.implicitTlsEndpoint());
    }
    return b.build();
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void putListGetRoundTripInEveryMode(Mode mode) throws IOException {
    byte[] payload = bytes(700_001, mode.ordinal());
    Path local = Files.write(tmp.resolve("up.bin"), payload);
    String dir = "rt-" + mode;
    try (FtpSession ftp = client(mode).open()) {
      ftp.mkdirs(dir + "/sub");
      FtpTransfer up = ftp.put(local, dir + "/sub/file.bin");
      assertThat(up.bytes()).isEqualTo(payload.length);
      assertThat(server.read("alice", dir + "/sub/file.bin")).isEqualTo(payload);

      List<FtpEntry> entries = ftp.list(dir + "/sub");
      assertThat(entries)
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.name()).isEqualTo("file.bin");
                assertThat(e.type()).isEqualTo(FtpEntry.Type.FILE);
                assertThat(e.size()).isEqualTo(payload.length);
                assertThat(e.modified()).isNotNull();
              });
      assertThat(ftp.list(dir))
          .extracting(FtpEntry::name, FtpEntry::type)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("sub", FtpEntry.Type.DIRECTORY));

      Path down = tmp.resolve("down.bin");
      FtpTransfer got = ftp.get(dir + "/sub/file.bin", down);
      assertThat(got.bytes()).isEqualTo(payload.length);
      assertThat(Files.readAllBytes(down)).isEqualTo(payload);
      assertThat(tmp.toFile().list())
          .containsExactlyInAnyOrder("up.bin", "down.bin"); // no temp file left

      ByteArrayOutputStream streamed = new ByteArrayOutputStream();
      ftp.get(dir + "/sub/file.bin", streamed);
      assertThat(streamed.toByteArray()).isEqualTo(payload);
    }
  }

  @Test
  void implicitTlsCertificateFromAnotherCaFailsAsTlsException() {
    FtpClient client =
        client(Mode.IMPLICIT_PASSIVE).newBuilder().trust(TestPki.create().clientTrust()).build();
    assertThatThrownBy(client::open)
        .isInstanceOf(TlsException.class)
        .hasMessageContaining("127.0.0.1");
  }

  @Test
  void hostNameMismatchFailsAsTlsException() throws IOException {
    TestPki pki = TestPki.create();
    try (FtpServer wrong =
        FtpServer.builder().pki(pki).identity(pki.issue("wrong.example")).start()) {
      FtpClient client =
          FtpClient.builder()
              .endpoint(wrong.endpoint())
              .trust(pki.clientTrust())
              .credentials(wrong.writer().credentials())
              .build();
      assertThatThrownBy(client::open)
          .isInstanceOf(TlsException.class)
          .hasMessageContaining("127.0.0.1");
    }
  }

  @Test
  void wrongPasswordIsAnAuthenticationExceptionWithoutThePassword() {
    RecordingEventListener events = new RecordingEventListener();
    FtpClient client =
        writer()
            .credentials(Credentials.password("alice", "hunter2-wrong".toCharArray()))
            .eventListener(events)
            .build();
    assertThatThrownBy(client::open)
        .isInstanceOfSatisfying(
            AuthenticationException.class,
            e -> {
              assertThat(e.reply().code()).isEqualTo(530);
              assertThat(e.getMessage()).contains("alice").doesNotContain("hunter2");
            });
    assertThat(events.commands()).contains("AUTH TLS", "USER alice", "PASS ***");
    assertThat(String.join("\n", events.events())).doesNotContain("hunter2");
  }

  @Test
  void anonymousLoginAndReadOnlyRefusal() throws IOException {
    server.put("bob", "pub/readme.txt", "hello".getBytes(UTF_8));
    FtpClient reader = writer().credentials(server.reader().credentials()).build();
    try (FtpSession ftp = reader.open()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ftp.get("pub/readme.txt", out);
      assertThat(out.toString(UTF_8)).isEqualTo("hello");
      assertThatThrownBy(() -> ftp.put(new ByteArrayInputStream(new byte[3]), "x.bin"))
          .isInstanceOfSatisfying(
              ProtocolReplyException.class,
              e -> {
                assertThat(e.reply().code()).isEqualTo(550);
                assertThat(e.command()).isEqualTo("STOR x.bin");
              });
    }
    try (FtpSession ftp = writer().anonymous().build().open()) {
      assertThat(ftp.list("/")).isEmpty();
    }
  }

  @Test
  void missingFileIsNotFoundAndLeavesNoLocalFile() throws IOException {
    try (FtpSession ftp = writer().build().open()) {
      assertThatThrownBy(() -> ftp.get("no/such.bin", tmp.resolve("x")))
          .isInstanceOfSatisfying(
              NotFoundException.class, e -> assertThat(e.reply().code()).isEqualTo(550));
      assertThat(tmp.toFile().list()).isEmpty();
      assertThatThrownBy(() -> ftp.size("no/such.bin")).isInstanceOf(NotFoundException.class);
    }
  }

  @Test
  void controlCharactersAreRejectedBeforeAnythingIsSent() throws IOException {
    try (FtpSession ftp = writer().build().open()) {
      assertThatThrownBy(() -> ftp.get("a\r\nDELE b", tmp.resolve("x")))
          .isInstanceOf(InvalidInputException.class);
      assertThatThrownBy(() -> ftp.list("a\nb")).isInstanceOf(InvalidInputException.class);
      assertThatThrownBy(() -> ftp.delete("a\0b")).isInstanceOf(InvalidInputException.class);
      assertThatThrownBy(() -> ftp.command("NOOP\r\nDELE x"))
          .isInstanceOf(InvalidInputException.class);
      assertThatThrownBy(() -> ftp.command("RETR x")).isInstanceOf(InvalidInputException.class);
      assertThat(ftp.command("NOOP").code()).isEqualTo(200);
    }
  }

  @Test
  void resumesAPartialDownload() throws IOException {
    byte[] payload = bytes(500_000, 7);
    server.put("alice", "resume/down.bin", payload);
    Path target = tmp.resolve("down.bin");
    Files.write(tmp.resolve(".down.bin.inetkit-part"), java.util.Arrays.copyOf(payload, 123_456));
    try (FtpSession ftp = writer().build().open()) {
      FtpTransfer t = ftp.get("resume/down.bin", target, GetOptions.DEFAULT.withResume(true));
      assertThat(t.resumedFrom()).isEqualTo(123_456);
      assertThat(Files.readAllBytes(target)).isEqualTo(payload);
    }
  }

  @Test
  void resumesAPartialUploadAndUploadsAtomically() throws IOException {
    byte[] payload = bytes(400_000, 8);
    Path local = Files.write(tmp.resolve("up.bin"), payload);
    server.put("alice", "resume/up.bin", java.util.Arrays.copyOf(payload, 99_999));
    try (FtpSession ftp = writer().build().open()) {
      FtpTransfer t = ftp.put(local, "resume/up.bin", PutOptions.DEFAULT.withResume(true));
      assertThat(t.resumedFrom()).isEqualTo(99_999);
      assertThat(server.read("alice", "resume/up.bin")).isEqualTo(payload);

      FtpTransfer atomic = ftp.put(local, "resume/atomic.bin", PutOptions.DEFAULT.withAtomic(true));
      assertThat(atomic.bytes()).isEqualTo(payload.length);
      assertThat(server.read("alice", "resume/atomic.bin")).isEqualTo(payload);
      assertThat(server.home("alice").resolve("resume").toFile().list())
          .containsExactlyInAnyOrder("up.bin", "atomic.bin");
      // atomic over an existing file replaces it
      ftp.put(
          new ByteArrayInputStream("new".getBytes(UTF_8)),
          "resume/atomic.bin",
          StreamPutOptions.DEFAULT.withAtomic(true));
      assertThat(server.read("alice", "resume/atomic.bin")).isEqualTo("new".getBytes(UTF_8));
    }
  }

  /** CRLF text as a Windows machine would store it; the conversion is to this JVM's line end. */
  static final String CRLF_TEXT = "first line\r\nsecond line\r\n\r\nlast line\r\n".repeat(2_000);

  @Test
  void asciiDownloadConvertsCrlfTextAndIsNotMistakenForATruncatedFile() throws IOException {
    byte[] crlf = CRLF_TEXT.getBytes(UTF_8);
    server.put("alice", "ascii/windows.txt", crlf);
    byte[] local = CRLF_TEXT.replace("\r\n", System.lineSeparator()).getBytes(UTF_8);
    try (FtpSession ftp = writer().transferType(TransferType.ASCII).build().open()) {
      assertThat(ftp.size("ascii/windows.txt")).isEqualTo(crlf.length);
      FtpTransfer t = ftp.get("ascii/windows.txt", tmp.resolve("w.txt"));
      assertThat(Files.readAllBytes(tmp.resolve("w.txt"))).isEqualTo(local);
      assertThat(t.bytes()).isEqualTo(local.length);
      assertThat(t.reconnects()).isZero();
      assertThat(tmp.toFile().list()).containsExactly("w.txt");

      ByteArrayOutputStream out = new ByteArrayOutputStream();
      assertThat(ftp.get("ascii/windows.txt", out).reconnects()).isZero();
      assertThat(out.toByteArray()).isEqualTo(local);

      // RESUME cannot continue converted text at a byte offset: it starts again from zero
      Files.write(tmp.resolve(".again.txt.inetkit-part"), "garbage".getBytes(UTF_8));
      FtpTransfer again =
          ftp.get(
              "ascii/windows.txt", tmp.resolve("again.txt"), GetOptions.DEFAULT.withResume(true));
      assertThat(again.resumedFrom()).isZero();
      assertThat(Files.readAllBytes(tmp.resolve("again.txt"))).isEqualTo(local);

      assertThatThrownBy(
              () ->
                  ftp.get(
                      "ascii/windows.txt", out, StreamGetOptions.DEFAULT.withVerifyChecksum(true)))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("TransferType.BINARY");
    }
  }

  @Test
  void asciiUploadSendsCrlfTextThatTheServerStoresWithItsOwnLineEnds() throws IOException {
    Path local = Files.write(tmp.resolve("windows.txt"), CRLF_TEXT.getBytes(UTF_8));
    // the testkit server runs in this JVM and stores text with its line end
    byte[] stored = CRLF_TEXT.replace("\r\n", System.lineSeparator()).getBytes(UTF_8);
    try (FtpSession ftp = writer().transferType(TransferType.ASCII).build().open()) {
      ftp.mkdirs("ascii");
      FtpTransfer t = ftp.put(local, "ascii/up.txt");
      assertThat(server.read("alice", "ascii/up.txt")).isEqualTo(stored);
      assertThat(t.bytes()).isEqualTo(Files.size(local));
      assertThat(t.reconnects()).isZero();

      ftp.put(
          local,
          "ascii/up.txt",
          PutOptions.DEFAULT.withResume(true).withAtomic(true)); // rewritten, not appended
      assertThat(server.read("alice", "ascii/up.txt")).isEqualTo(stored);
    }
  }

  @Test
  void verifiesChecksumsWithXsha256() throws IOException {
    byte[] payload = bytes(300_000, 9);
    server.put("alice", "sum/a.bin", payload);
    try (FtpSession ftp = writer().build().open()) {
      assertThat(ftp.features().has("XSHA256")).isTrue();
      FtpTransfer down =
          ftp.get("sum/a.bin", tmp.resolve("a.bin"), GetOptions.DEFAULT.withVerifyChecksum(true));
      assertThat(down.checksum()).isEqualTo(FtpTransfer.Checksum.VERIFIED);
      FtpTransfer up =
          ftp.put(tmp.resolve("a.bin"), "sum/b.bin", PutOptions.DEFAULT.withVerifyChecksum(true));
      assertThat(up.checksum()).isEqualTo(FtpTransfer.Checksum.VERIFIED);
      FtpTransfer streamed =
          ftp.get(
              "sum/a.bin",
              new ByteArrayOutputStream(),
              StreamGetOptions.DEFAULT.withVerifyChecksum(true));
      assertThat(streamed.checksum()).isEqualTo(FtpTransfer.Checksum.VERIFIED);
      assertThat(ftp.get("sum/a.bin", new ByteArrayOutputStream()).checksum())
          .isEqualTo(FtpTransfer.Checksum.NOT_REQUESTED);
    }
  }

  @Test
  void maxFileSizeRefusesBeforeTransferring() throws IOException {
    server.put("alice", "big/file.bin", new byte[10_000]);
    try (FtpSession ftp = writer().maxFileSize(9_999).build().open()) {
      assertThatThrownBy(() -> ftp.get("big/file.bin", tmp.resolve("f")))
          .isInstanceOfSatisfying(
              LimitExceededException.class, e -> assertThat(e.limit()).isEqualTo(9_999));
      assertThat(tmp.toFile().list()).isEmpty();
    }
  }

  @Test
  void fileOperations() throws IOException {
    try (FtpSession ftp = writer().build().open()) {
      ftp.mkdirs("/ops/a/b/c");
      ftp.mkdirs("/ops/a/b/c"); // idempotent
      ftp.put(new ByteArrayInputStream("12345".getBytes(UTF_8)), "/ops/a/b/c/f.txt");
      assertThat(ftp.size("/ops/a/b/c/f.txt")).isEqualTo(5);
      ftp.rename("/ops/a/b/c/f.txt", "/ops/a/g.txt");
      assertThat(server.read("alice", "ops/a/g.txt")).isEqualTo("12345".getBytes(UTF_8));
      Instant when = Instant.parse("2020-01-02T03:04:05Z");
      ftp.setModificationTime("/ops/a/g.txt", when);
      assertThat(ftp.modificationTime("/ops/a/g.txt")).isEqualTo(when);
      ftp.delete("/ops/a/g.txt");
      assertThat(server.exists("alice", "ops/a/g.txt")).isFalse();
      ftp.put(new ByteArrayInputStream(new byte[1]), "/ops/a/b/x.bin");
      ftp.deleteRecursively("/ops/a");
      assertThat(server.exists("alice", "ops/a")).isFalse();
      assertThat(ftp.command("SYST").code()).isEqualTo(215);
      assertThatThrownBy(() -> ftp.command("BOGUS"))
          .isInstanceOfSatisfying(
              ProtocolReplyException.class, e -> assertThat(e.reply().isPermanent()).isTrue());
      assertThatThrownBy(() -> ftp.delete("/ops/nope"))
          .isInstanceOfSatisfying(
              ProtocolReplyException.class,
              e -> assertThat(e.reply().toString()).startsWith("450 Can't delete file"));
    }
  }

  @Test
  void mirrorsDownAndUpOnlyNewer() throws IOException {
    server.put("alice", "mirror/src/a.txt", "a".getBytes(UTF_8));
    server.put("alice", "mirror/src/d/b.txt", "bb".getBytes(UTF_8));
    server.put("alice", "mirror/src/d/e/c.txt", "ccc".getBytes(UTF_8));
    Path local = tmp.resolve("m");
    try (FtpSession ftp = writer().build().open()) {
      MirrorResult first = ftp.mirrorDown("mirror/src", local, MirrorMode.ONLY_NEWER);
      assertThat(first.transferred()).containsExactlyInAnyOrder("a.txt", "d/b.txt", "d/e/c.txt");
      assertThat(first.bytes()).isEqualTo(6);
      assertThat(Files.readString(local.resolve("d/e/c.txt"))).isEqualTo("ccc");
      MirrorResult second = ftp.mirrorDown("mirror/src", local, MirrorMode.ONLY_NEWER);
      assertThat(second.transferred()).isEmpty();
      assertThat(second.skipped()).hasSize(3);

      MirrorResult up = ftp.mirrorUp(local, "mirror/copy", MirrorMode.ONLY_NEWER);
      assertThat(up.transferred()).containsExactlyInAnyOrder("a.txt", "d/b.txt", "d/e/c.txt");
      assertThat(server.read("alice", "mirror/copy/d/e/c.txt")).isEqualTo("ccc".getBytes(UTF_8));
      Files.writeString(local.resolve("d/b.txt"), "changed");
      MirrorResult again = ftp.mirrorUp(local, "mirror/copy", MirrorMode.ONLY_NEWER);
      assertThat(again.transferred()).containsExactly("d/b.txt");
      assertThat(again.skipped()).containsExactlyInAnyOrder("a.txt", "d/e/c.txt");
    }
  }

  /**
   * Copy buffers are sized to each file (no more than the configured size): files of 0 bytes,
   * around the smallest buffer and around the configured one arrive whole, by get, mirror and put.
   */
  @Test
  void transfersFilesAroundTheBufferSizesWhole() throws IOException {
    int configured = 16 * 1024;
    int[] sizes = {
      0, 1, 8191, 8192, 8193, configured - 1, configured, configured + 1, 3 * configured + 7
    };
    for (int size : sizes) {
      server.put("alice", "edges/f" + size + ".bin", bytes(size, size));
    }
    Path local = tmp.resolve("edges");
    try (FtpSession ftp = writer().tlsMode(TlsMode.NONE).bufferSize(configured).build().open()) {
      MirrorResult down = ftp.mirrorDown("edges", local, MirrorMode.ALL);
      assertThat(down.transferred()).hasSize(sizes.length);
      ftp.mkdirs("edges-up");
      for (int size : sizes) {
        String name = "f" + size + ".bin";
        assertThat(Files.readAllBytes(local.resolve(name))).as(name).isEqualTo(bytes(size, size));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ftp.get("edges/" + name, out).bytes()).isEqualTo(size);
        assertThat(out.toByteArray()).as(name).isEqualTo(bytes(size, size));
        ftp.put(local.resolve(name), "edges-up/" + name);
        assertThat(server.read("alice", "edges-up/" + name)).as(name).isEqualTo(bytes(size, size));
      }
    }
  }

  @Test
  void reportsProgressAndRedactedEvents() throws IOException {
    byte[] payload = bytes(1_000_000, 11);
    server.put("alice", "progress.bin", payload);
    List<TransferProgress> progress = new CopyOnWriteArrayList<>();
    RecordingEventListener events = new RecordingEventListener();
    FtpClient client = writer().progressListener(progress::add).eventListener(events).build();
    try (FtpSession ftp = client.open()) {
      ftp.get("progress.bin", tmp.resolve("p.bin"));
    }
    TransferProgress last = progress.get(progress.size() - 1);
    assertThat(last.bytesDone()).isEqualTo(payload.length);
    assertThat(last.totalBytes()).isEqualTo(payload.length);
    assertThat(events.conversation())
        .contains("> PASS ***", "> PBSZ 0", "> PROT P", "> TYPE I", "> RETR progress.bin");
    assertThat(String.join("\n", events.events())).doesNotContain(server.writer().password());
  }

  @Test
  void keepAliveNoopsDuringASlowTransferLeaveTheControlConnectionInStep() throws IOException {
    byte[] payload = bytes(2_500_000, 12);
    server.put("alice", "keepalive.bin", payload);
    RecordingEventListener events = new RecordingEventListener();
    FtpClient client =
        writer()
            .keepAlive(java.time.Duration.ofSeconds(1))
            .rateLimit(1_000_000)
            .eventListener(events)
            .build();
    try (FtpSession ftp = client.open()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ftp.get("keepalive.bin", out);
      assertThat(out.toByteArray()).isEqualTo(payload);
      List<String> sent = events.commands();
      assertThat(sent.subList(sent.indexOf("RETR keepalive.bin"), sent.size())).contains("NOOP");
      // replies to the NOOPs were consumed: the next command gets its own reply
      assertThat(ftp.size("keepalive.bin")).isEqualTo(payload.length);
      assertThat(ftp.command("PWD").code()).isEqualTo(257);
    }
  }

  @Test
  void rateLimitPacesDownloadsAndUploads() throws IOException {
    byte[] payload = bytes(200_000, 13);
    server.put("alice", "slow.bin", payload);
    try (FtpSession ftp = writer().rateLimit(1_000_000).build().open()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      FtpTransfer down = ftp.get("slow.bin", out);
      FtpTransfer up = ftp.put(new ByteArrayInputStream(payload), "slow-up.bin");
      assertThat(out.toByteArray()).isEqualTo(payload);
      assertThat(server.read("alice", "slow-up.bin")).isEqualTo(payload);
      // only a lower bound, which a slow machine cannot break: the limiter holds back the last
      // bytes until 200 kB at 1 MB/s would be due (0.2 s)
      assertThat(down.elapsed()).isGreaterThanOrEqualTo(java.time.Duration.ofMillis(190));
      assertThat(up.elapsed()).isGreaterThanOrEqualTo(java.time.Duration.ofMillis(190));
    }
  }
}
