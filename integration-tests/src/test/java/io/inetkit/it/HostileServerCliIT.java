package io.inetkit.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.inetkit.testkit.fault.FaultScript;
import io.inetkit.testkit.fault.FaultServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A misbehaving server seen through the packaged jar: one clear line, the right exit code, and
 * within the timeout given on the command line.
 */
class HostileServerCliIT {
  @TempDir Path home;

  @Test
  void aServerThatStallsAfterTheGreetingExits79() throws Exception {
    try (FaultServer server =
        FaultServer.start(FaultScript.create().send("220 mx ESMTP\r\n").expectLine().stall())) {
      CliJar.Result r =
          new CliJar(home)
              .stdin("body\n")
              .run(
                  "mail",
                  "send",
                  "--server",
                  "smtp://127.0.0.1:" + server.port(),
                  "--from",
                  "a@example.org",
                  "--to",
                  "b@example.org",
                  "--subject",
                  "s",
                  "--timeout",
                  "1s");
      assertThat(r.code()).as(r.err()).isEqualTo(79);
      assertThat(r.err().lines()).hasSize(1).allMatch(l -> l.startsWith("inetkit: "));
      assertThat(server.received()).startsWith("EHLO ");
    }
  }

  @Test
  void aServerThatSendsGarbageExits76() throws Exception {
    try (FaultServer server = FaultServer.start(FaultScript.create().garbage(4096).close())) {
      CliJar.Result r =
          new CliJar(home)
              .env("INETKIT_PASSWORD", "pw")
              .run("ftp", "ls", "ftp://alice@127.0.0.1:" + server.port() + "/", "--timeout", "2s");
      assertThat(r.code()).as(r.err()).isEqualTo(76);
      assertThat(r.err())
          .startsWith("inetkit: ")
          .contains("127.0.0.1:" + server.port())
          .doesNotContain("\tat ");
    }
  }
}
