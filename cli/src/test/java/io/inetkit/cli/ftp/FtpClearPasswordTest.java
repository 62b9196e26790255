package io.inetkit.cli.ftp;

import static org.assertj.core.api.Assertions.assertThat;

import io.inetkit.cli.CliRun;
import io.inetkit.testkit.fault.FaultScript;
import io.inetkit.testkit.fault.FaultServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ftp://user@host} never sends the password in clear unless the user said {@code --tls
 * none}; anonymous stays plain (the same rule as {@code FtpClient}'s default).
 */
class FtpClearPasswordTest {
  @TempDir Path dir;

  @Test
  void aServerWithoutTlsGetsNoPasswordUnlessTlsNoneWasSaid() throws Exception {
    CliRun cli = new CliRun(dir).variable("INETKIT_PASSWORD", "alice-pw");
    try (FaultServer server = FaultServer.start(FaultScript.ftpWithoutTls())) {
      String url = "ftp://alice@127.0.0.1:" + server.port() + "/";
      assertThat(cli.run("ftp", "ls", url)).isEqualTo(78);
      assertThat(cli.err())
          .contains("AUTH TLS refused")
          .contains("--tls none")
          .contains("127.0.0.1:" + server.port());
      assertThat(server.received())
          .contains("AUTH TLS")
          .doesNotContain("USER")
          .doesNotContain("PASS");
    }
    try (FaultServer server = FaultServer.start(FaultScript.ftpWithoutTls())) {
      String url = "ftp://alice@127.0.0.1:" + server.port() + "/";
      assertThat(cli.run("ftp", "ls", url, "--tls", "none")).isEqualTo(77);
      assertThat(server.received())
          .doesNotContain("AUTH")
          .contains("USER alice")
          .contains("PASS alice-pw");
    }
  }

  @Test
  void anonymousStaysPlain() throws Exception {
    try (FaultServer server = FaultServer.start(FaultScript.ftpWithoutTls())) {
      CliRun cli = new CliRun(dir);
      assertThat(cli.run("ftp", "ls", "ftp://127.0.0.1:" + server.port() + "/")).isEqualTo(77);
      assertThat(server.received()).doesNotContain("AUTH").contains("USER anonymous");
    }
  }
}
