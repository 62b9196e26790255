package io.inetkit.cli.ftp;

import static org.assertj.core.api.Assertions.assertThat;

import io.inetkit.cli.CliRun;
import io.inetkit.testkit.fault.FaultScript;
import io.inetkit.testkit.fault.FaultServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ftp capabilities} asks FEAT without logging in, as vsftpd (refusing anonymous) needs. */
class FtpCapabilitiesNoLoginTest {
  @TempDir Path dir;

  @Test
  void featIsAskedBeforeAnyLogin() throws Exception {
    FaultScript script =
        FaultScript.create()
            .send("220 no anonymous here\r\n")
            .respond(
                line -> {
                  if (line.startsWith("FEAT")) {
                    return "211-Features:\r\n MDTM\r\n SIZE\r\n211 End\r\n";
                  }
                  return line.startsWith("QUIT")
                      ? null
                      : "530 This FTP server does not allow anonymous logins.\r\n";
                });
    try (FaultServer server = FaultServer.start(script)) {
      CliRun cli = new CliRun(dir);
      assertThat(cli.run("ftp", "capabilities", "ftp://127.0.0.1:" + server.port() + "/"))
          .as(cli.err())
          .isZero();
      assertThat(cli.out()).contains("MDTM").contains("SIZE");
      assertThat(server.received()).contains("FEAT").doesNotContain("USER").doesNotContain("PASS");
    }
  }
}
