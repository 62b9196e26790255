package io.inetkit.transfer.ftp;

import static io.inetkit.transfer.ftp.FtpHostileServerTest.bytes;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Servers unlike the testkit one: on IPv6 loopback, and a Windows server without MLSD. */
class FtpServerVariantsTest {
  @TempDir Path tmp;

  private static InetAddress ipv6Loopback() throws IOException {
    InetAddress v6 = InetAddress.getByName("::1");
    boolean bindable;
    try (ServerSocket probe = new ServerSocket(0, 1, v6)) {
      bindable = true;
    } catch (IOException e) {
      bindable = false;
    }
    assumeTrue(bindable, "::1 cannot be bound on this machine");
    return v6;
  }

  @ParameterizedTest
  @EnumSource(DataConnectionMode.class)
  void ipv6LoopbackTransfersWithEpsvOrEprt(DataConnectionMode mode) throws IOException {
    byte[] payload = bytes(300_000);
    byte[] listing = "-rw-r--r--   1 u g   5 Jan 01  2020 six.txt\r\n".getBytes(UTF_8);
    try (FakeFtp fake = new FakeFtp(payload, listing, FakeFtp.Data.NORMAL, 0, ipv6Loopback());
        FtpSession ftp = fake.client().dataConnectionMode(mode).build().open()) {
      assertThat(ftp.endpoint().isIpv6Literal()).isTrue();
      Path target = tmp.resolve("six.bin");
      ftp.get("six.bin", target);
      assertThat(Files.readAllBytes(target)).isEqualTo(payload);
      ByteArrayOutputStream streamed = new ByteArrayOutputStream();
      ftp.get("six.bin", streamed);
      assertThat(streamed.toByteArray()).isEqualTo(payload);
      ftp.put(new ByteArrayInputStream(payload), "back.bin");
      assertThat(fake.stored("back.bin")).isEqualTo(payload);
      assertThat(ftp.list("/")).extracting(FtpEntry::name).containsExactly("six.txt");

      String verb = mode == DataConnectionMode.PASSIVE ? "EPSV" : "EPRT |2|";
      assertThat(fake.commands.stream().filter(c -> c.startsWith(verb))).hasSize(4);
      assertThat(fake.commands).noneMatch(c -> c.startsWith("PASV") || c.startsWith("PORT "));
      assertThat(fake.dataPeers).hasSize(4).containsOnly("0:0:0:0:0:0:0:1");
    }
  }

  @Test
  void windowsServerListingIsParsedWithoutMlsd() throws IOException {
    byte[] listing =
        ("01-02-20  03:04PM       <DIR>          Program Files\r\n"
                + "12-31-19  11:59AM                 1234 report 2019.txt\r\n"
                + "07-04-21  09:00AM                    0 empty.log\r\n")
            .getBytes(UTF_8);
    try (FakeFtp fake = new FakeFtp(new byte[0], listing, FakeFtp.Data.NORMAL, 0)) {
      fake.syst = "215 Windows_NT\r\n";
      try (FtpSession ftp = fake.client().build().open()) {
        assertThat(ftp.features().has("MLST")).isFalse();
        ZoneId zone = ZoneId.systemDefault(); // DOS listings carry no zone: the parser assumes ours
        assertThat(ftp.list("/"))
            .extracting(FtpEntry::name, FtpEntry::type, FtpEntry::size, FtpEntry::modified)
            .containsExactly(
                tuple(
                    "Program Files",
                    FtpEntry.Type.DIRECTORY,
                    0L,
                    LocalDateTime.of(2020, 1, 2, 15, 4).atZone(zone).toInstant()),
                tuple(
                    "report 2019.txt",
                    FtpEntry.Type.FILE,
                    1234L,
                    LocalDateTime.of(2019, 12, 31, 11, 59).atZone(zone).toInstant()),
                tuple(
                    "empty.log",
                    FtpEntry.Type.FILE,
                    0L,
                    LocalDateTime.of(2021, 7, 4, 9, 0).atZone(zone).toInstant()));
        assertThat(fake.commands).containsSubsequence("SYST", "LIST /");
      }
    }
  }

  @Test
  void windowsListingLineThatDoesNotParseIsAnError() throws IOException {
    byte[] listing =
        ("01-02-20  03:04PM       <DIR>          ok\r\n"
                + "01-02-20  03:04PM       <FILE>         broken\r\n")
            .getBytes(UTF_8);
    try (FakeFtp fake = new FakeFtp(new byte[0], listing, FakeFtp.Data.NORMAL, 0)) {
      fake.syst = "215 Windows_NT\r\n";
      try (FtpSession ftp = fake.client().build().open()) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ftp.list("/"))
            .isInstanceOf(io.inetkit.core.ProtocolViolationException.class)
            .hasMessageContaining("cannot parse LIST line")
            .hasMessageContaining("<FILE>");
      }
    }
  }
}
