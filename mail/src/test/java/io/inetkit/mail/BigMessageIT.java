package io.inetkit.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.inetkit.testkit.mail.MailProtocol;
import io.inetkit.testkit.mail.MailServer;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A message larger than the client's whole heap is downloaded over IMAP (partial FETCH) and POP3
 * (streamed RETR) by a child JVM with {@code -Xmx64m}; the file's bytes equal what was stored.
 * Size: {@code -Dinetkit.mail.bigMessageMiB} (default 72, above the child's whole heap). GreenMail
 * keeps the message in the test JVM's heap, copies it several times on delivery and re-serialises
 * all of it for every partial FETCH: 200 MiB needs a bigger test heap ({@code
 * -Dsurefire.argLine=-Xmx3g}); that bounds what this test's server can hold, not what the client
 * can download.
 */
class BigMessageIT {
  static final int MIB = Integer.getInteger("inetkit.mail.bigMessageMiB", 72);
  static MailServer server;
  static String expectedSha;
  static long expectedSize;
  @TempDir Path dir;

  @BeforeAll
  static void deliverBigMessage() throws Exception {
    server = MailServer.builder().protocols(MailProtocol.IMAPS, MailProtocol.POP3S).start();
    server.user(ReadFixture.USER, ReadFixture.PASSWORD);
    byte[] message = bigMessage(MIB);
    expectedSize = message.length;
    expectedSha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(message));
    server.deliver(ReadFixture.USER, message);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static byte[] bigMessage(int mib) {
    String head =
        "From: bob@example.org\r\nTo: alice@example.org\r\nSubject: big\r\n"
            + "MIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\n";
    String line =
        "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-the-quick-brown-fox\r\n";
    ByteArrayOutputStream out = new ByteArrayOutputStream(mib * 1024 * 1024 + 1024);
    out.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
    byte[] l = line.getBytes(StandardCharsets.US_ASCII);
    long n = (long) mib * 1024 * 1024 / l.length;
    for (long i = 0; i < n; i++) {
      out.writeBytes(l);
    }
    return out.toByteArray();
  }

  private List<String> runChild(String protocol, int port, Path target) throws Exception {
    return ChildJvm.run(
        BigDownloadMain.class,
        List.of(
            protocol,
            "127.0.0.1:" + port,
            server.pki().caPemFile().toString(),
            ReadFixture.USER,
            ReadFixture.PASSWORD,
            target.toString(),
            Integer.toString(4 * 1024 * 1024)));
  }

  private static String sha(Path file) throws Exception {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buf = new byte[256 * 1024];
      int n;
      while ((n = in.read(buf)) > 0) {
        md.update(buf, 0, n);
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }

  @Test
  void imapDownloadOfAMessageLargerThanTheHeap() throws Exception {
    Path target = dir.resolve("big-imap.eml");
    List<String> out = runChild("imap", server.port(MailProtocol.IMAPS), target);
    assertThat(out).anyMatch(l -> l.startsWith("imap bytes=" + expectedSize));
    assertThat(Files.size(target)).isEqualTo(expectedSize).isGreaterThan(64L * 1024 * 1024);
    assertThat(sha(target)).isEqualTo(expectedSha);
  }

  @Test
  void pop3DownloadOfAMessageLargerThanTheHeap() throws Exception {
    Path target = dir.resolve("big-pop3.eml");
    List<String> out = runChild("pop3", server.port(MailProtocol.POP3S), target);
    assertThat(out).anyMatch(l -> l.startsWith("pop3 bytes=" + expectedSize));
    assertThat(sha(target)).isEqualTo(expectedSha);
  }
}
