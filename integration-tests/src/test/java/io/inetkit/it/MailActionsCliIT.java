package io.inetkit.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.inetkit.core.Credentials;
import io.inetkit.core.TlsMode;
import io.inetkit.mail.Flag;
import io.inetkit.mail.imap.ImapClient;
import io.inetkit.mail.imap.ImapSession;
import io.inetkit.mail.imap.MessageSummary;
import io.inetkit.mail.imap.SearchCriteria;
import io.inetkit.testkit.mail.MailProtocol;
import io.inetkit.testkit.mail.MailServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mail commands {@link MailCliIT} leaves out, from the packaged jar against testkit mail
 * servers: {@code send --eml}, {@code move}, {@code flag}, {@code delete}, {@code watch}, {@code
 * capabilities}, POP3 {@code list} and {@code read}, IMAP {@code sync}. What changed on the server
 * is checked through the library, not through the command under test.
 */
class MailActionsCliIT {
  static MailServer mail;
  @TempDir Path home;

  @BeforeAll
  static void start() throws Exception {
    mail = MailServer.start();
    for (String user : List.of("carol", "dave", "erin", "frank", "gina")) {
      mail.user(user + "@example.org", user, user + "-pw");
    }
  }

  @AfterAll
  static void stop() {
    mail.close();
  }

  private String ca() {
    return mail.pki().caPemFile().toString();
  }

  private CliJar.Result as(String user, String... args) throws Exception {
    String[] all =
        Stream.concat(Stream.of(args), Stream.of("--cacert", ca(), "--timeout", "10s"))
            .toArray(String[]::new);
    return new CliJar(home).env("INETKIT_PASSWORD", user + "-pw").run(all);
  }

  private String inbox(String user) {
    return mail.url(MailProtocol.IMAPS, user) + "/INBOX";
  }

  private static byte[] message(String to, String subject) {
    return ("From: Bob <bob@example.org>\r\nTo: "
            + to
            + "\r\nSubject: "
            + subject
            + "\r\nMessage-ID: <"
            + subject
            + "@example.org>\r\n\r\nbody of "
            + subject
            + "\r\n")
        .getBytes(UTF_8);
  }

  /** Opens an IMAP session as {@code user} through the library, to check the server's state. */
  private static ImapSession imap(String user) throws Exception {
    return ImapClient.builder()
        .endpoint(mail.endpoint(MailProtocol.IMAPS))
        .tlsMode(TlsMode.IMPLICIT)
        .trust(mail.clientTrust())
        .credentials(Credentials.password(user, (user + "-pw").toCharArray()))
        .build()
        .open();
  }

  private static List<MessageSummary> summaries(ImapSession imap, String folder) throws Exception {
    var refs = imap.search(folder, SearchCriteria.all());
    return refs.isEmpty() ? List.of() : imap.summaries(refs);
  }

  @Test
  void flagMoveAndDeleteChangeWhatTheServerHolds() throws Exception {
    for (String subject : List.of("keep", "archive", "spam")) {
      mail.deliver("carol@example.org", message("carol@example.org", subject));
    }
    try (ImapSession imap = imap("carol")) {
      imap.createFolder("Archive");
    }
    CliJar.Result listed = as("carol", "mail", "list", inbox("carol"), "--json");
    assertThat(listed.code()).as(listed.err()).isZero();
    Map<String, String> urls = new java.util.HashMap<>();
    Json.objects(listed.out())
        .forEach(m -> urls.put((String) m.get("subject"), (String) m.get("url")));
    assertThat(urls).containsOnlyKeys("keep", "archive", "spam");

    CliJar.Result flagged = as("carol", "mail", "flag", urls.get("keep"), "--add", "flagged,seen");
    assertThat(flagged.code()).as(flagged.err()).isZero();
    CliJar.Result moved = as("carol", "mail", "move", urls.get("archive"), "--to", "Archive");
    assertThat(moved.code()).as(moved.err()).isZero();
    CliJar.Result deleted = as("carol", "mail", "delete", urls.get("spam"));
    assertThat(deleted.code()).as(deleted.err()).isZero();

    try (ImapSession imap = imap("carol")) {
      List<MessageSummary> inbox = summaries(imap, "INBOX");
      assertThat(inbox)
          .singleElement()
          .satisfies(
              s -> {
                assertThat(s.subject()).isEqualTo("keep");
                assertThat(s.flags()).contains(Flag.FLAGGED, Flag.SEEN);
              });
      assertThat(summaries(imap, "Archive"))
          .extracting(MessageSummary::subject)
          .containsExactly("archive");
    }
    CliJar.Result gone = as("carol", "mail", "read", urls.get("spam"));
    assertThat(gone.code()).as(gone.err()).isEqualTo(66);
  }

  @Test
  void sendAPreparedEmlAsItIs() throws Exception {
    Path eml = Files.write(home.resolve("prepared.eml"), message("dave@example.org", "prepared"));
    CliJar.Result sent =
        new CliJar(home)
            .run(
                "mail",
                "send",
                "--server",
                mail.url(MailProtocol.SMTP_STARTTLS),
                "--cacert",
                ca(),
                "--eml",
                eml.toString(),
                "--timeout",
                "10s");
    assertThat(sent.code()).as(sent.err()).isZero();
    assertThat(sent.out()).startsWith("accepted for dave@example.org: 250");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (mail.receivedBy("dave@example.org").isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(mail.receivedBy("dave@example.org"))
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.subject()).isEqualTo("prepared");
              assertThat(m.text()).contains("body of prepared");
            });
  }

  @Test
  void watchPrintsAMessageThatArrivesWhileItWaits() throws Exception {
    Path err = home.resolve("watch-err.txt");
    Process watch =
        new CliJar(home)
            .env("INETKIT_PASSWORD", "erin-pw")
            .start(err, "mail", "watch", inbox("erin"), "--cacert", ca(), "--json", "--count", "1");
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(watch.getInputStream(), UTF_8));
      CompletableFuture<String> line =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return out.readLine();
                } catch (java.io.IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              });
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (!Files.readString(err).contains("watching INBOX") && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertThat(Files.readString(err)).contains("watching INBOX");
      mail.deliver("erin@example.org", message("erin@example.org", "news"));
      Map<String, Object> seen = Json.object(line.get(30, TimeUnit.SECONDS));
      assertThat(seen).containsEntry("subject", "news").containsEntry("folder", "INBOX");
      assertThat(watch.waitFor(15, TimeUnit.SECONDS)).as("exits after --count 1").isTrue();
      assertThat(watch.exitValue()).isZero();
    } finally {
      watch.destroyForcibly();
    }
  }

  @SuppressWarnings("unchecked")
  @Test
  void capabilitiesOfSmtpImapAndPop3AsJson() throws Exception {
    CliJar.Result smtp =
        as("frank", "mail", "capabilities", mail.url(MailProtocol.SMTP_STARTTLS), "--json");
    assertThat(smtp.code()).as(smtp.err()).isZero();
    Map<String, Object> ehlo = Json.object(smtp.out());
    assertThat(ehlo)
        .containsEntry("protocol", "smtp")
        .containsEntry("server", mail.endpoint(MailProtocol.SMTP_STARTTLS).toString());
    assertThat((List<Map<String, Object>>) ehlo.get("capabilities"))
        .anySatisfy(c -> assertThat(c).containsEntry("name", "AUTH"));

    CliJar.Result imap =
        as("frank", "mail", "capabilities", mail.url(MailProtocol.IMAPS, "frank"), "--json");
    assertThat(imap.code()).as(imap.err()).isZero();
    assertThat((List<Map<String, Object>>) Json.object(imap.out()).get("capabilities"))
        .anySatisfy(c -> assertThat(c).containsEntry("name", "IMAP4REV1"));

    CliJar.Result pop3 = as("frank", "mail", "capabilities", mail.url(MailProtocol.POP3S, "frank"));
    assertThat(pop3.code()).as(pop3.err()).isZero();
    assertThat(pop3.out().lines()).anyMatch(l -> l.startsWith("UIDL"));
  }

  @Test
  void pop3ListAndReadThenImapSyncIntoAMaildir() throws Exception {
    mail.deliver("gina@example.org", message("gina@example.org", "first"));
    mail.deliver("gina@example.org", message("gina@example.org", "second"));
    String box = mail.url(MailProtocol.POP3S, "gina");
    CliJar.Result table = as("gina", "mail", "list", box);
    assertThat(table.code()).as(table.err()).isZero();
    List<String> rows = table.out().lines().toList();
    assertThat(rows).hasSize(3);
    assertThat(rows.get(0)).matches("NUMBER +SIZE  UIDL");
    assertThat(rows.get(1)).matches(" +1 +\\d+  \\S+");

    Path eml = home.resolve("second.eml");
    CliJar.Result read = as("gina", "mail", "read", box + "/2", "-o", eml.toString());
    assertThat(read.code()).as(read.err()).isZero();
    assertThat(Files.readString(eml, UTF_8)).contains("Subject: second").contains("body of second");

    Path maildir = home.resolve("Maildir");
    CliJar.Result synced =
        as("gina", "mail", "sync", inbox("gina"), "--maildir", maildir.toString(), "--json");
    assertThat(synced.code()).as(synced.err()).isZero();
    assertThat(Json.object(synced.out()))
        .containsEntry("downloaded", 2L)
        .containsEntry("deletedOnServer", 0L);
    // a message read over POP3 carries \Seen, so the sync files it in cur/ (":2,S"), as Maildir
    // says
    try (Stream<Path> files =
        Stream.concat(Files.list(maildir.resolve("new")), Files.list(maildir.resolve("cur")))) {
      assertThat(
              files.map(
                  f -> {
                    try {
                      return Files.readString(f, UTF_8);
                    } catch (java.io.IOException e) {
                      throw new java.io.UncheckedIOException(e);
                    }
                  }))
          .hasSize(2)
          .anyMatch(t -> t.contains("Subject: first"))
          .anyMatch(t -> t.contains("Subject: second"));
    }
  }
}
