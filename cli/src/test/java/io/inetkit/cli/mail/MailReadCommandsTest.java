package io.inetkit.cli.mail;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.inetkit.cli.CliRun;
import io.inetkit.cli.TestPorts;
import io.inetkit.testkit.mail.MailProtocol;
import io.inetkit.testkit.mail.MailServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MailReadCommandsTest {
  static MailServer server;
  @TempDir Path dir;

  @BeforeAll
  static void start() throws Exception {
    server = MailServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void mailbox() {
    server.purge();
    server.user("alice@example.org", "alice", "alice-pw");
  }

  static byte[] message(String subject, String body) {
    return ("From: Bob <bob@example.org>\r\nTo: alice@example.org\r\nSubject: "
            + subject
            + "\r\nDate: Wed, 25 Nov 2026 09:00:00 +0000\r\nMessage-ID: <"
            + subject.hashCode()
            + "@example.org>\r\n\r\n"
            + body
            + "\r\n")
        .getBytes(UTF_8);
  }

  private String inbox() {
    return server.url(MailProtocol.IMAPS, "alice") + "/INBOX";
  }

  private CliRun cli() {
    return new CliRun(dir).variable("INETKIT_PASSWORD", "alice-pw");
  }

  private String[] args(String... args) {
    return Stream.concat(
            Stream.of(args), Stream.of("--cacert", server.pki().caPemFile().toString()))
        .toArray(String[]::new);
  }

  /** Returns the UIDs in the inbox (GreenMail does not restart UIDs after a purge). */
  private List<Long> uids() {
    CliRun cli = cli();
    assertThat(cli.run(args("mail", "list", inbox(), "--json"))).isZero();
    return java.util.regex.Pattern.compile("\"uid\":(\\d+)")
        .matcher(cli.out())
        .results()
        .map(m -> Long.parseLong(m.group(1)))
        .toList();
  }

  @Test
  void listPrintsOneLinePerMessageAndJsonWithStableFields() {
    server.deliver("alice@example.org", message("first", "one"));
    server.deliver("alice@example.org", message("second", "two"));
    List<Long> uids = uids();
    assertThat(uids).hasSize(2);
    CliRun cli = cli();
    assertThat(cli.run(args("mail", "list", inbox()))).isZero();
    assertThat(cli.out().lines().toList()).hasSize(3);
    assertThat(cli.out().lines().findFirst().orElseThrow())
        .matches(" +UID  DATE \\(UTC\\) +FLAG +SIZE  FROM +SUBJECT");
    assertThat(cli.out())
        .containsPattern(
            "(?m)^ +" + uids.get(0) + "  2026-11-25 09:00  N +\\d+  Bob <bob@example.org> +first$");
    assertThat(cli.run(args("mail", "list", inbox(), "--json", "--subject", "second"))).isZero();
    assertThat(cli.out())
        .startsWith("[\n{\"uid\":" + uids.get(1) + ",\"uidValidity\":")
        .contains("\"folder\":\"INBOX\",\"date\":\"2026-11-25T09:00:00Z\"")
        .contains("\"subject\":\"second\"")
        .contains("\"flags\":[]")
        .contains("/INBOX;UIDVALIDITY=")
        .doesNotContain("first");
    assertThat(cli.run(args("mail", "list", inbox(), "--limit", "1", "--json"))).isZero();
    assertThat(cli.out())
        .contains("\"subject\":\"second\"")
        .doesNotContain("\"subject\":\"first\"");
  }

  @Test
  void readStreamsTheRawMessageToStandardOutputOrAFile() throws Exception {
    byte[] raw = message("hello", "the body");
    server.deliver("alice@example.org", raw);
    long uid = uids().get(0);
    CliRun cli = cli();
    assertThat(cli.run(args("mail", "read", inbox() + "/;UID=" + uid))).isZero();
    assertThat(new String(cli.stdoutBytes(), UTF_8))
        .contains("Subject: hello")
        .contains("the body");
    Path eml = dir.resolve("m.eml");
    assertThat(cli.run(args("mail", "read", inbox() + ";UID=" + uid, "-o", eml.toString())))
        .isZero();
    assertThat(Files.readString(eml)).contains("Subject: hello").contains("the body");
    assertThat(cli.run(args("mail", "read", inbox() + ";UID=" + (uid + 100)))).isEqualTo(66);
    assertThat(cli.run(args("mail", "read", inbox()))).isEqualTo(2);
    assertThat(cli.err()).contains(";UID=");
  }

  @Test
  void syncIntoMaildirIsIncremental() throws Exception {
    server.deliver("alice@example.org", message("a", "1"));
    server.deliver("alice@example.org", message("b", "2"));
    Path maildir = dir.resolve("box");
    CliRun cli = cli();
    assertThat(cli.run(args("mail", "sync", inbox(), "--maildir", maildir.toString()))).isZero();
    assertThat(cli.out()).startsWith("2 downloaded");
    try (Stream<Path> files = Files.list(maildir.resolve("new"))) {
      assertThat(files.count()).isEqualTo(2);
    }
    assertThat(cli.run(args("mail", "sync", inbox(), "--maildir", maildir.toString(), "--json")))
        .isZero();
    assertThat(cli.out()).startsWith("{\"downloaded\":0,").contains("\"maildir\":\"" + maildir);
    try (Stream<Path> files = Files.list(maildir.resolve("new"))) {
      assertThat(files.count()).isEqualTo(2);
    }
  }

  @Test
  void flagMoveAndDelete() throws Exception {
    server.deliver("alice@example.org", message("a", "1"));
    server.deliver("alice@example.org", message("b", "2"));
    server.deliver("alice@example.org", message("c", "3"));
    List<Long> uids = uids();
    CliRun cli = cli();
    String first = inbox() + ";UID=" + uids.get(0);
    assertThat(cli.run(args("mail", "flag", first, "--add", "seen,flagged"))).isZero();
    assertThat(cli.run(args("mail", "list", inbox(), "--json"))).isZero();
    assertThat(cli.out()).contains("\"flags\":[\"flagged\",\"seen\"]");
    assertThat(cli.run(args("mail", "flag", first, "--remove", "flagged"))).isZero();
    assertThat(cli.run(args("mail", "list", inbox(), "--json", "--limit", "3"))).isZero();
    assertThat(cli.out()).contains("\"flags\":[\"seen\"]").doesNotContain("flagged");
    assertThat(cli.run(args("mail", "delete", inbox(), "--uid", String.valueOf(uids.get(1)))))
        .isZero();
    createArchive();
    assertThat(
            cli.run(
                args(
                    "mail",
                    "move",
                    inbox(),
                    "--uid",
                    String.valueOf(uids.get(2)),
                    "--to",
                    "Archive")))
        .isZero();
    assertThat(cli.run(args("mail", "list", inbox()))).isZero();
    assertThat(cli.out().lines().skip(1).toList()).hasSize(1).allMatch(l -> l.endsWith(" a"));
    assertThat(cli.run(args("mail", "list", inbox().replace("/INBOX", "/Archive")))).isZero();
    assertThat(cli.out().lines().skip(1).toList()).hasSize(1).allMatch(l -> l.endsWith(" c"));
    assertThat(cli.run(args("mail", "flag", first))).isEqualTo(2);
    assertThat(cli.run(args("mail", "flag", first, "--add", "shiny"))).isEqualTo(2);
  }

  @Test
  void changingAUidThatDoesNotExistIs66NotASuccess() throws Exception {
    server.deliver("alice@example.org", message("a", "1"));
    createArchive();
    String nope = String.valueOf(uids().get(0) + 1000);
    CliRun cli = cli();
    assertThat(cli.run(args("mail", "delete", inbox(), "--uid", nope))).isEqualTo(66);
    assertThat(cli.err()).contains("no message with UID " + nope).doesNotContain("deleted");
    assertThat(cli.run(args("mail", "move", inbox(), "--uid", nope, "--to", "Archive")))
        .isEqualTo(66);
    assertThat(cli.run(args("mail", "flag", inbox() + ";UID=" + nope, "--add", "seen")))
        .isEqualTo(66);
    assertThat(cli.run(args("mail", "delete", inbox(), "--uid", uids().get(0) + "," + nope)))
        .isZero();
    assertThat(cli.err()).contains("deleted 1 message(s)");
  }

  /** Creates the Archive folder through the library (the CLI way is MailFoldersCommandTest). */
  private static void createArchive() throws Exception {
    io.inetkit.mail.imap.ImapClient client =
        io.inetkit.mail.imap.ImapClient.builder()
            .endpoint(server.endpoint(MailProtocol.IMAPS))
            .tlsMode(io.inetkit.core.TlsMode.IMPLICIT)
            .trust(server.clientTrust())
            .credentials(io.inetkit.core.Credentials.password("alice", "alice-pw".toCharArray()))
            .build();
    try (io.inetkit.mail.imap.ImapSession imap = client.open()) {
      if (imap.folders().stream().noneMatch(f -> f.name().equals("Archive"))) {
        imap.createFolder("Archive");
      }
    }
  }

  @Test
  void watchPrintsNewMessagesUntilCount() throws Exception {
    CliRun cli = cli();
    CompletableFuture<Integer> code =
        CompletableFuture.supplyAsync(
            () -> cli.run(args("mail", "watch", inbox(), "--count", "1", "--json")));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!cli.err().contains("watching") && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    server.deliver("alice@example.org", message("live", "now"));
    assertThat(code.get(30, TimeUnit.SECONDS)).isZero();
    assertThat(cli.out()).contains("\"subject\":\"live\"");
  }

  @Test
  void wrongPasswordTlsMismatchAndRefusedPort() throws Exception {
    CliRun wrong = new CliRun(dir).variable("INETKIT_PASSWORD", "nope");
    assertThat(wrong.run(args("mail", "list", inbox()))).isEqualTo(77);
    assertThat(wrong.err()).doesNotContain("nope");
    CliRun cli = cli();
    assertThat(cli.run("mail", "list", inbox())).isEqualTo(78);
    assertThat(cli.run("mail", "list", "imaps://alice@127.0.0.1:" + TestPorts.closed() + "/INBOX"))
        .isEqualTo(69);
    assertThat(cli.run("mail", "list", "imaps://alice@127.0.0.1/IN%0DBOX")).isEqualTo(2);
    List<String> lines = new ArrayList<>(cli.err().lines().toList());
    assertThat(lines).allMatch(l -> l.startsWith("inetkit: "));
  }
}
