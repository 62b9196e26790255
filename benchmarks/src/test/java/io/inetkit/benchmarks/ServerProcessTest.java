package io.inetkit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerProcessTest {

  @Test
  void rawServerInAChildJvmServesAndStoresFiles(@TempDir Path dir) throws Exception {
    try (ServerProcess host =
        ServerProcess.start(Map.of("services", "raw", "files", "a.bin:300001"), dir)) {
      Path data = Path.of(host.get("data"));
      int port = host.port("raw.port");

      byte[] got;
      try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
        s.getOutputStream().write("GET a.bin\n".getBytes(StandardCharsets.US_ASCII));
        got = s.getInputStream().readAllBytes();
      }
      assertThat(got).hasSize(300001).isEqualTo(Files.readAllBytes(data.resolve("a.bin")));

      try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
        OutputStream out = s.getOutputStream();
        out.write("PUT b.bin\n".getBytes(StandardCharsets.US_ASCII));
        out.write(got);
        s.shutdownOutput();
        InputStream in = s.getInputStream();
        assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII))
            .isEqualTo("OK 300001\n");
      }
      assertThat(Files.readAllBytes(data.resolve("b.bin"))).isEqualTo(got);
    }
  }
}
