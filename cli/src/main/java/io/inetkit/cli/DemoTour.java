package io.inetkit.cli;

import io.inetkit.core.EventListener;
import io.inetkit.core.GopherUrl;
import io.inetkit.core.InetkitUrl;
import io.inetkit.core.ProgressListener;
import io.inetkit.core.Timeouts;
import io.inetkit.core.TlsMode;
import io.inetkit.mail.AfterDownload;
import io.inetkit.mail.MailMessage;
import io.inetkit.mail.Maildir;
import io.inetkit.mail.SyncResult;
import io.inetkit.mail.imap.ImapClient;
import io.inetkit.mail.imap.ImapSession;
import io.inetkit.mail.imap.MessageRef;
import io.inetkit.mail.imap.MessageSummary;
import io.inetkit.mail.imap.SearchCriteria;
import io.inetkit.mail.pop3.Pop3Client;
import io.inetkit.mail.pop3.Pop3Session;
import io.inetkit.mail.smtp.SendReceipt;
import io.inetkit.mail.smtp.SmtpClient;
import io.inetkit.terminal.TelnetClient;
import io.inetkit.terminal.TelnetSession;
import io.inetkit.testkit.InetkitServers.Listener;
import io.inetkit.transfer.ftp.FtpClient;
import io.inetkit.transfer.ftp.FtpSession;
import io.inetkit.transfer.ftp.FtpTransfer;
import io.inetkit.transfer.ftp.TransferOption;
import io.inetkit.transfer.gopher.GopherClient;
import io.inetkit.transfer.gopher.GopherItem;
import io.inetkit.transfer.gopher.GopherItemType;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * The steps of {@code inetkit demo}, each through inetkit's public library API exactly as the
 * {@code mail}, {@code ftp}, {@code gopher} and {@code telnet} commands use it: send a mail with an
 * attachment (SMTP + STARTTLS), list and read it (IMAPS), sync it into a Maildir (POP3S), upload
 * and download a file (FTPS), browse Gopher, and run a command over Telnet. Every TLS connection
 * verifies the server against the demo CA and checks the host name.
 *
 * <pre>{@code
 * DemoRun run = new DemoRun(out, DemoTour.STEPS);
 * new DemoTour(servers, workDir, progress, events, 8 << 20).runAll(run);
 * }</pre>
 */
final class DemoTour {
  /** How many steps {@link #runAll} runs. */
  static final int STEPS = 9;

  private static final String SUBJECT = "inetkit demo: the quarterly report";
  private static final Timeouts TIMEOUTS =
      new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(60));

  private final DemoServers servers;
  private final Path work;
  private final ProgressListener progress;
  private final EventListener events;
  private final int payloadBytes;

  private Path attachment;
  private MessageRef message;
  private Path payload;
  private GopherItem textItem;

  /**
   * A tour against {@code servers}, writing local files below {@code work}; FTP transfers of {@code
   * payloadBytes} report to {@code progress}, and every client reports to {@code events}.
   */
  DemoTour(
      DemoServers servers,
      Path work,
      ProgressListener progress,
      EventListener events,
      int payloadBytes) {
    this.servers = servers;
    this.work = work;
    this.progress = progress;
    this.events = events;
    this.payloadBytes = payloadBytes;
  }

  /** Runs every step into {@code run}, continuing after failures. */
  void runAll(DemoRun run) {
    run.step(
        "SMTP",
        "send a mail with an attachment",
        "Alice mails Bob a report over SMTP, upgraded with STARTTLS; certificate checked against the demo CA",
        this::sendMail);
    run.step(
        "IMAP",
        "list the inbox",
        "Bob lists his INBOX over IMAPS (searched on the server)",
        () -> {
          run.require("send a mail with an attachment");
          return listInbox();
        });
    run.step(
        "IMAP",
        "read the mail",
        "Bob reads the message and saves its attachment",
        () -> {
          run.require("list the inbox");
          return readMail();
        });
    run.step(
        "POP3",
        "sync into a Maildir",
        "Bob syncs his mailbox over POP3S into a local Maildir (tmp/new/cur, fsync + rename)",
        () -> {
          run.require("send a mail with an attachment");
          return syncMaildir();
        });
    run.step(
        "FTPS",
        "upload a file",
        "Alice uploads "
            + ByteSizes.format(payloadBytes)
            + " over FTP with AUTH TLS (control and data encrypted)",
        this::upload);
    run.step(
        "FTPS",
        "download the file",
        "Alice downloads it again and compares the server's SHA-256 with her own",
        () -> {
          run.require("upload a file");
          return download();
        });
    run.step(
        "Gopher",
        "browse a menu",
        "A Gopher client browses the root menu of " + servers.gopher(""),
        this::browseGopher);
    run.step(
        "Gopher",
        "fetch a text item",
        "and fetches the first text document it lists",
        () -> {
          run.require("browse a menu");
          return fetchGopherText();
        });
    run.step(
        "Telnet",
        "log in and run a command",
        "A scripted Telnet session logs in at login:/Password: and runs 'whoami'",
        this::telnet);
  }

  private String sendMail() throws IOException {
    attachment =
        Files.writeString(
            work.resolve("report.txt"),
            "Quarterly report\n================\nSMTP, IMAP, POP3, FTP, Gopher, Telnet: all green.\n"
                .repeat(40),
            StandardCharsets.UTF_8);
    MailMessage mail =
        MailMessage.builder()
            .from("Alice <" + DemoServers.ALICE.address() + ">")
            .to("Bob <" + DemoServers.BOB.address() + ">")
            .subject(SUBJECT)
            .text("Hi Bob,\n\nthe report is attached.\n\nAlice\n")
            .attach(attachment)
            .build();
    SmtpClient smtp =
        SmtpClient.builder()
            .endpoint(servers.endpoint(Listener.SMTP_STARTTLS))
            .tlsMode(TlsMode.STARTTLS_REQUIRED)
            .trust(servers.trust())
            .credentials(DemoServers.ALICE.credentials())
            .timeouts(TIMEOUTS)
            .events(events)
            .build();
    SendReceipt receipt = smtp.send(mail);
    return "accepted for "
        + receipt.accepted().stream()
            .map(a -> a.recipient().address())
            .collect(Collectors.joining(", "))
        + ": "
        + receipt.finalReply();
  }

  private ImapClient imap() {
    return ImapClient.builder()
        .endpoint(servers.endpoint(Listener.IMAPS))
        .tlsMode(TlsMode.IMPLICIT)
        .trust(servers.trust())
        .credentials(DemoServers.BOB.credentials())
        .timeouts(TIMEOUTS)
        .events(events)
        .build();
  }

  private String listInbox() throws IOException, InterruptedException {
    try (ImapSession imap = imap().open()) {
      List<MessageRef> refs = List.of();
      // Delivery into the mailbox may trail the SMTP reply by a moment: look a few times.
      for (int attempt = 0; attempt < 50 && refs.isEmpty(); attempt++) {
        if (attempt > 0) {
          Thread.sleep(100);
        }
        refs = imap.search("INBOX", SearchCriteria.subject("quarterly report"));
      }
      if (refs.isEmpty()) {
        throw new DemoRun.CheckFailed("the mail did not arrive in Bob's INBOX within 5 s");
      }
      MessageSummary s = imap.summaries(refs).get(0);
      message = s.ref();
      return String.format(
          "%d message: UID %d from %s, \"%s\", %s%s",
          refs.size(),
          s.ref().uid(),
          s.from(),
          s.subject(),
          ByteSizes.format(s.size()),
          s.hasAttachments() ? ", with an attachment" : "");
    }
  }

  private String readMail() throws IOException {
    try (ImapSession imap = imap().open()) {
      Path eml = work.resolve("message.eml");
      long bytes = imap.download(message, eml);
      List<Path> saved =
          imap.saveAttachments(message, Files.createDirectories(work.resolve("attachments")));
      if (saved.size() != 1 || Files.mismatch(saved.get(0), attachment) != -1) {
        throw new DemoRun.CheckFailed(
            "expected the attachment report.txt back unchanged, got " + saved);
      }
      return "message.eml ("
          + ByteSizes.format(bytes)
          + "); attachment "
          + saved.get(0).getFileName()
          + " saved, identical to what Alice sent";
    }
  }

  private String syncMaildir() throws IOException {
    Pop3Client pop3 =
        Pop3Client.builder()
            .endpoint(servers.endpoint(Listener.POP3S))
            .tlsMode(TlsMode.IMPLICIT)
            .trust(servers.trust())
            .credentials(DemoServers.BOB.credentials())
            .timeouts(TIMEOUTS)
            .events(events)
            .build();
    Maildir maildir = Maildir.open(work.resolve("Maildir"));
    SyncResult r;
    try (Pop3Session session = pop3.open()) {
      r = session.syncTo(maildir, AfterDownload.KEEP_ON_SERVER);
    }
    List<Path> files = maildir.messages();
    if (r.downloaded() < 1 || files.isEmpty()) {
      throw new DemoRun.CheckFailed("nothing was synced: " + r);
    }
    String first = Files.readString(files.get(0), StandardCharsets.ISO_8859_1);
    if (!first.contains(SUBJECT)) {
      throw new DemoRun.CheckFailed("the Maildir file is not Alice's mail: " + files.get(0));
    }
    return r.downloaded()
        + " downloaded ("
        + ByteSizes.format(r.bytes())
        + ") into "
        + maildir.root()
        + "; Alice's mail is "
        + maildir.root().relativize(files.get(0));
  }

  private FtpClient ftp() {
    return FtpClient.builder()
        .endpoint(servers.endpoint(Listener.FTP))
        .tlsMode(TlsMode.STARTTLS_REQUIRED)
        .trust(servers.trust())
        .credentials(DemoServers.ALICE.credentials())
        .timeouts(TIMEOUTS)
        .progressListener(progress)
        .eventListener(events)
        .build();
  }

  private String upload() throws IOException {
    payload = work.resolve("payload.bin");
    writeRandom(payload, payloadBytes);
    FtpTransfer t;
    try (FtpSession ftp = ftp().open()) {
      ftp.mkdirs("demo");
      t =
          ftp.put(
              payload, "demo/payload.bin", TransferOption.ATOMIC, TransferOption.VERIFY_CHECKSUM);
    }
    return "demo/payload.bin, "
        + ByteSizes.format(t.bytes())
        + " in "
        + DemoRun.seconds(t.elapsed())
        + ", written under a temporary name and renamed; checksum "
        + checksum(t);
  }

  private String download() throws IOException {
    Path copy = work.resolve("payload-copy.bin");
    FtpTransfer t = ftp().get("demo/payload.bin", copy, TransferOption.VERIFY_CHECKSUM);
    long differs = Files.mismatch(payload, copy);
    if (differs != -1) {
      throw new DemoRun.CheckFailed(
          "the downloaded file differs from the original at byte " + differs);
    }
    return ByteSizes.format(t.bytes())
        + " in "
        + DemoRun.seconds(t.elapsed())
        + "; server checksum "
        + checksum(t)
        + "; every byte identical to the original";
  }

  private GopherClient gopher() {
    return GopherClient.builder().timeouts(TIMEOUTS).eventListener(events).build();
  }

  private String browseGopher() throws IOException {
    List<GopherItem> menu = gopher().menu(GopherUrl.from(InetkitUrl.parse(servers.gopher("1/"))));
    textItem =
        menu.stream()
            .filter(i -> i.type() == GopherItemType.TEXT)
            .findFirst()
            .orElseThrow(() -> new DemoRun.CheckFailed("the menu lists no text document: " + menu));
    return menu.size()
        + " items: "
        + menu.stream()
            .filter(GopherItem::isLink)
            .map(i -> i.code() + " " + i.display())
            .collect(Collectors.joining(", "));
  }

  private String fetchGopherText() throws IOException {
    StringWriter text = new StringWriter();
    long lines = gopher().text(textItem, text);
    String first = text.toString().lines().findFirst().orElse("");
    return textItem.display() + ", " + lines + " lines: \"" + first + "\"";
  }

  private String telnet() throws IOException {
    TelnetClient client =
        TelnetClient.builder()
            .endpoint(servers.endpoint(Listener.TELNET))
            .timeouts(TIMEOUTS)
            .expectTimeout(Duration.ofSeconds(10))
            .eventListener(events)
            .build();
    try (TelnetSession session = client.open()) {
      session.login(DemoServers.ALICE.credentials());
      String whoami = session.run("whoami").strip();
      if (!whoami.equals(DemoServers.ALICE.login())) {
        throw new DemoRun.CheckFailed("whoami printed '" + whoami + "'");
      }
      String echo = session.run("echo hello from inetkit").strip();
      return "logged in as "
          + DemoServers.ALICE.login()
          + "; 'whoami' printed '"
          + whoami
          + "', 'echo hello from inetkit' printed '"
          + echo
          + "'";
    }
  }

  private static String checksum(FtpTransfer t) {
    return t.checksum().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }

  /** Writes {@code size} pseudo-random bytes, streamed in 256 KiB blocks. */
  private static void writeRandom(Path file, long size) throws IOException {
    Random random = new Random(42);
    byte[] block = new byte[256 * 1024];
    try (OutputStream out = Files.newOutputStream(file)) {
      for (long left = size; left > 0; left -= block.length) {
        random.nextBytes(block);
        out.write(block, 0, (int) Math.min(block.length, left));
      }
    }
  }
}
