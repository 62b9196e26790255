package io.inetkit.transfer.ftp;

import static io.inetkit.transfer.ftp.FtpHostileServerTest.bytes;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Servers unlike the testkit one: on IPv6 loopback. */
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
}
