package io.inetkit.transfer.ftp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.inetkit.core.ConnectionClosedException;
import io.inetkit.core.Endpoint;
import io.inetkit.core.InetkitTimeoutException;
import io.inetkit.core.LimitExceededException;
import io.inetkit.core.ProtocolViolationException;
import io.inetkit.core.TlsException;
import io.inetkit.transfer.ftp.FtpFeatures;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLHandshakeException;
import org.apache.commons.net.MalformedServerReplyException;
import org.apache.commons.net.ftp.FTPConnectionClosedException;
import org.apache.commons.net.io.CopyStreamException;
import org.junit.jupiter.api.Test;

/** The one translation boundary of the FTP client, and checksum reply parsing. */
class FtpFailuresTest {
  static final Endpoint EP = Endpoint.of("ftp.example.org", 21);
  static final Duration T = Duration.ofSeconds(7);

  @Test
  void translatesCommonsNetAndJdkFailures() {
    assertThat(
            FtpFailures.translate(
                new MalformedServerReplyException(
                    "Could not parse response code.\nServer Reply: junk"),
                "connect",
                EP,
                T))
        .isInstanceOf(ProtocolViolationException.class)
        .hasMessageContaining("junk")
        .hasMessageContaining("ftp.example.org:21");
    assertThat(FtpFailures.translate(new FTPConnectionClosedException("421 bye"), "RETR f", EP, T))
        .isInstanceOf(ConnectionClosedException.class)
        .hasMessageContaining("RETR f");
    assertThat(
            FtpFailures.translate(
                new CopyStreamException("copy", 10, new SocketTimeoutException("Read timed out")),
                "RETR f",
                EP,
                T))
        .isInstanceOfSatisfying(
            InetkitTimeoutException.class, e -> assertThat(e.timeout()).isEqualTo(T));
    assertThat(
            FtpFailures.translate(
                new IOException(
                    "Timed out waiting for initial connect reply", new SocketTimeoutException()),
                "connect",
                EP,
                T))
        .isInstanceOf(InetkitTimeoutException.class);
    assertThat(
            FtpFailures.translate(
                new ControlLimitInputStream.ReplyTooLongException(
                    "reply line longer than 10 bytes", 10),
                "connect",
                EP,
                T))
        .isInstanceOfSatisfying(
            LimitExceededException.class, e -> assertThat(e.limit()).isEqualTo(10));
    assertThat(
            FtpFailures.translate(
                new SSLHandshakeException("PKIX path building failed"), "TLS", EP, T))
        .isInstanceOf(TlsException.class);
    assertThat(
            FtpFailures.translate(
                new java.net.SocketException("Connection reset"), "STOR f", EP, T))
        .isInstanceOf(ConnectionClosedException.class);
  }

  @Test
  void controlGuardCountsLinesAndReplies() throws IOException {
    byte[] ok = "220-a\r\n220 b\r\n".getBytes();
    ControlLimitInputStream in =
        new ControlLimitInputStream(new java.io.ByteArrayInputStream(ok), 6, 100);
    assertThat(in.readAllBytes()).isEqualTo(ok);
    ControlLimitInputStream tooLong =
        new ControlLimitInputStream(
            new java.io.ByteArrayInputStream("220 abcdef\r\n".getBytes()), 5, 100);
    org.assertj.core.api.Assertions.assertThatThrownBy(tooLong::readAllBytes)
        .isInstanceOf(ControlLimitInputStream.ReplyTooLongException.class);
  }

  @Test
  void choosesTheBestChecksumAndParsesReplies() throws Exception {
    assertThat(Checksums.choose(new FtpFeatures(Map.of("HASH", "SHA-1;SHA-256*;MD5"))))
        .isEqualTo(new Checksums.Method("HASH", "SHA-256", "HASH SHA-256"));
    assertThat(Checksums.choose(new FtpFeatures(Map.of("XMD5", "", "XSHA1", ""))))
        .isEqualTo(new Checksums.Method("XSHA1", "SHA-1", null));
    assertThat(Checksums.choose(FtpFeatures.NONE)).isNull();
    String sha256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    assertThat(
            Checksums.parseReply(
                new Checksums.Method("HASH", "SHA-256", "HASH SHA-256"),
                "213 SHA-256 0-2 " + sha256.toUpperCase() + " abc.txt",
                EP))
        .isEqualTo(sha256);
    assertThat(
            Checksums.parseReply(
                new Checksums.Method("XMD5", "MD5", null),
                "250 900150983cd24fb0d6963f7d28e17f72",
                EP))
        .isEqualTo("900150983cd24fb0d6963f7d28e17f72");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                Checksums.parseReply(
                    new Checksums.Method("XSHA256", "SHA-256", null), "213 nothing", EP))
        .isInstanceOf(ProtocolViolationException.class)
        .hasMessageContaining("nothing");
  }

  @Test
  void safeNamesRefuseEscapes() throws Exception {
    java.nio.file.Path dir = java.nio.file.Path.of("/tmp/x");
    for (String bad :
        new String[] {"..", ".", "", "a/b", "a\\b", "/etc", "C:x", "a\u0000b", "a\nb"}) {
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> SafeNames.resolveInside(dir, bad, "/", EP))
          .isInstanceOf(ProtocolViolationException.class);
    }
    assertThat(SafeNames.resolveInside(dir, "ok.txt", "/", EP)).isEqualTo(dir.resolve("ok.txt"));
  }
}
