package io.inetkit.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.inetkit.testkit.fault.FaultScenarios;
import io.inetkit.testkit.fault.FaultServer;
import io.inetkit.testkit.ftp.FtpServer;
import io.inetkit.testkit.gopher.GopherServer;
import io.inetkit.testkit.mail.MailProtocol;
import io.inetkit.testkit.mail.MailServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Local problems are local errors (exit 74, one sentence), found before connecting; and a folder
 * given to {@code -o} receives the download under its remote name in every protocol.
 */
class LocalTargetsTest {
  @TempDir Path dir;

  private CliRun cli() {
    return new CliRun(dir).variable("INETKIT_PASSWORD", "alice-pw");
  }

  @Test
  void ftpPutOfAMissingFileExits74WithoutConnecting() throws Exception {
    try (FaultServer server = FaultServer.start(FaultScenarios.ftp(Map.of()))) {
      CliRun cli = cli();
      Path missing = dir.resolve("missing/file.txt");
      assertThat(
              cli.run(
                  "ftp", "put", missing.toString(), "ftp://alice@127.0.0.1:" + server.port() + "/"))
          .as(cli.err())
          .isEqualTo(74);
      assertThat(cli.err())
          .isEqualTo("inetkit: cannot upload " + missing + ": no such file or folder\n");
      assertThat(server.connections()).isZero();
    }
  }

  @Test
  void ftpGetIntoAMissingFolderExits74WithoutConnecting() throws Exception {
    try (FaultServer server = FaultServer.start(FaultScenarios.ftp(Map.of()))) {
      CliRun cli = cli();
      Path target = dir.resolve("missing-dir/x");
      assertThat(
              cli.run(
                  "ftp",
                  "get",
                  "ftp://alice@127.0.0.1:" + server.port() + "/x",
                  "-o",
                  target.toString()))
          .as(cli.err())
          .isEqualTo(74);
      assertThat(cli.err())
          .startsWith("inetkit: cannot save to " + target)
          .contains("the folder " + dir.resolve("missing-dir") + " does not exist");
      assertThat(server.connections()).isZero();
    }
  }

  @Test
  void aFolderTargetReceivesTheRemoteNameInFtpGopherAndMail() throws Exception {
    Path into = Files.createDirectory(dir.resolve("into"));
    try (FtpServer ftp = FtpServer.start()) {
      ftp.put("alice", "pub/a.txt", "ftp bytes".getBytes(UTF_8));
      CliRun cli =
          new CliRun(dir).variable("INETKIT_PASSWORD", "alice-secret"); // testkit's default user
      assertThat(
              cli.run(
                  "ftp",
                  "get",
                  "ftp://alice@127.0.0.1:" + ftp.port() + "/pub/a.txt",
                  "-o",
                  into.toString(),
                  "--tls",
                  "none"))
          .as(cli.err())
          .isZero();
    }
    try (GopherServer gopher = GopherServer.builder().build()) {
      gopher.file("docs/b.txt", "gopher text\n");
      CliRun cli = cli();
      assertThat(cli.run("gopher", gopher.url("0/docs/b.txt"), "-o", into.toString()))
          .as(cli.err())
          .isZero();
    }
    try (MailServer mail = MailServer.start()) {
      mail.user("alice@example.org", "alice", "alice-pw");
      mail.deliver("alice@example.org", "Subject: c\r\n\r\nmail body\r\n".getBytes(UTF_8));
      String ca = mail.pki().caPemFile().toString();
      CliRun cli = cli();
      assertThat(
              cli.run(
                  "mail",
                  "read",
                  mail.url(MailProtocol.POP3S, "alice") + "/1",
                  "-o",
                  into.toString(),
                  "--cacert",
                  ca))
          .as(cli.err())
          .isZero();
      assertThat(
              cli.run(
                  "mail",
                  "read",
                  mail.url(MailProtocol.IMAPS, "alice") + "/INBOX;UID=1",
                  "-o",
                  dir.resolve("nope/x.eml").toString(),
                  "--cacert",
                  ca))
          .isEqualTo(74);
    }
    assertThat(into.resolve("a.txt")).hasContent("ftp bytes");
    assertThat(into.resolve("b.txt")).hasContent("gopher text");
    assertThat(Files.readString(into.resolve("1.eml"))).contains("mail body");
  }
}
