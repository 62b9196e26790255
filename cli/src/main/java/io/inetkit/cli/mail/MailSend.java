package io.inetkit.cli.mail;

import io.inetkit.cli.Json;
import io.inetkit.cli.JsonOption;
import io.inetkit.core.InetkitUrl;
import io.inetkit.core.InvalidInputException;
import io.inetkit.core.Scheme;
import io.inetkit.mail.MailAddress;
import io.inetkit.mail.MailMessage;
import io.inetkit.mail.OutgoingMessage;
import io.inetkit.mail.PreparedMessage;
import io.inetkit.mail.smtp.RecipientReply;
import io.inetkit.mail.smtp.SendReceipt;
import io.inetkit.mail.smtp.SmtpClient;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code inetkit mail send}: compose a message (or take an .eml) and submit it over SMTP. */
@Command(
    name = "send",
    mixinStandardHelpOptions = true,
    header = "Send a message over SMTP.",
    description =
        "smtp:// (587) requires STARTTLS; smtps:// (465) is implicit TLS. The text body comes from --text, --text-file or standard input. Logs in only when a user is known. Prints the recipients the server accepted and its final reply; a recipient it refused is reported on standard error (the others still get the message).",
    footerHeading = "%nExamples:%n",
    footer = {
      "  inetkit mail send --server smtp://alice@mx.example --from alice@example.org \\",
      "      --to bob@example.org --subject 'Report' --text-file report.txt --attach report.pdf",
      "  echo 'Build 42 is green' | inetkit mail send --server smtps://ci@mx.example:465 \\",
      "      --from ci@example.org --to team@example.org --subject 'CI'",
      "  inetkit mail send --server smtp://alice@mx.example --eml prepared.eml",
      "  inetkit mail send --server smtp://alice@mx.example --eml outbox/ --parallel 4 --json",
      "JSON: {\"messageId\",\"accepted\":[..],\"rejected\":[{\"recipient\",\"reply\"}],\"reply\"}",
      "Several --eml messages: one line per message in order (JSON: the same object with \"file\" and",
      "\"sent\", or {\"file\",\"sent\":false,\"error\",\"exitCode\"}); the exit code is 0 when every",
      "message was accepted, else the code of the first failure."
    })
final class MailSend extends MailAction {
  /** The largest text body read from standard input; larger bodies belong in an attachment. */
  static final int MAX_STDIN_BODY = 16 * 1024 * 1024;

  @Mixin JsonOption json;

  @Option(
      names = "--server",
      paramLabel = "URL",
      required = true,
      description = "smtp[s]://[user@]host[:port]")
  String server;

  @Option(
      names = "--from",
      paramLabel = "ADDRESS",
      description = "The sender ('Name <a@b>' or a@b).")
  String from;

  @Option(
      names = "--to",
      paramLabel = "ADDRESS",
      split = ",",
      description = "Recipients (repeat or comma-separate).")
  List<String> to = new ArrayList<>();

  @Option(names = "--cc", paramLabel = "ADDRESS", split = ",", description = "Copy recipients.")
  List<String> cc = new ArrayList<>();

  @Option(
      names = "--bcc",
      paramLabel = "ADDRESS",
      split = ",",
      description = "Blind copies (never in the headers).")
  List<String> bcc = new ArrayList<>();

  @Option(names = "--subject", paramLabel = "TEXT", description = "The subject (any Unicode).")
  String subject;

  @Option(names = "--text", paramLabel = "TEXT", description = "The plain-text body.")
  String text;

  @Option(
      names = "--text-file",
      paramLabel = "FILE",
      description = "Read the plain-text body from FILE (UTF-8).")
  Path textFile;

  @Option(
      names = "--html-file",
      paramLabel = "FILE",
      description = "An HTML body from FILE (with text: multipart/alternative).")
  Path htmlFile;

  @Option(
      names = "--attach",
      paramLabel = "FILE",
      description = "Attach FILE (repeatable; streamed when sent).")
  List<Path> attachments = new ArrayList<>();

  @Option(
      names = "--header",
      paramLabel = "'NAME: VALUE'",
      description = "An extra header (repeatable).")
  List<String> headers = new ArrayList<>();

  @Option(
      names = "--eml",
      paramLabel = "FILE|DIR",
      description =
          "Send a prepared RFC 5322 file as it is (repeatable; a folder means its *.eml files). Several go over one session, pipelined where the server allows.")
  List<Path> eml = new ArrayList<>();

  @Option(
      names = "--parallel",
      paramLabel = "N",
      defaultValue = "1",
      description = "Sessions at once for several --eml messages (1-64, default ${DEFAULT-VALUE}).")
  int parallel;

  @Override
  public Integer call() throws Exception {
    InetkitUrl u = url(server, Scheme.SMTP, Scheme.SMTPS);
    if (parallel < 1 || parallel > SmtpClient.MAX_PARALLELISM) {
      throw usage("--parallel must be 1 to " + SmtpClient.MAX_PARALLELISM);
    }
    List<Path> files = emlFiles();
    if (files.size() > 1 || eml.stream().anyMatch(Files::isDirectory)) {
      return MailSendBatch.send(this, smtp(u), files, parallel, json.enabled(), output);
    }
    OutgoingMessage message = files.isEmpty() ? composed() : prepared(files.get(0));
    SmtpClient smtp = smtp(u);
    SendReceipt receipt = smtp.send(message);
    report(receipt);
    return 0;
  }

  /** The files of every --eml, a folder's *.eml files in name order. */
  private List<Path> emlFiles() throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path p : eml) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> list = Files.list(p)) {
          list.filter(f -> f.getFileName().toString().endsWith(".eml"))
              .filter(Files::isRegularFile)
              .sorted()
              .forEach(files::add);
        }
      } else {
        files.add(p);
      }
    }
    if (!eml.isEmpty() && files.isEmpty()) {
      throw usage("no .eml files in " + eml);
    }
    return files;
  }

  /** A prepared message of {@code file}, the envelope from --from/--to or from its headers. */
  OutgoingMessage prepared(Path file) {
    if (subject != null
        || text != null
        || textFile != null
        || htmlFile != null
        || !attachments.isEmpty()
        || !headers.isEmpty()) {
      throw usage(
          "--eml sends the file as it is: only --from/--to/--cc/--bcc (the envelope) go with it");
    }
    List<MailAddress> recipients =
        Stream.of(to, cc, bcc).flatMap(List::stream).map(MailAddress::parse).toList();
    if (from == null && recipients.isEmpty()) {
      return PreparedMessage.of(file);
    }
    if (from == null || recipients.isEmpty()) {
      throw usage(
          "with --eml give both --from and --to (the envelope), or neither to use its headers");
    }
    return PreparedMessage.of(file, MailAddress.parse(from), recipients);
  }

  private OutgoingMessage composed() throws IOException {
    if (from == null) {
      throw usage("--from is required (or send a prepared file with --eml)");
    }
    if (to.isEmpty() && cc.isEmpty() && bcc.isEmpty()) {
      throw usage("give at least one --to, --cc or --bcc recipient");
    }
    if (text != null && textFile != null) {
      throw usage("give --text or --text-file, not both");
    }
    MailMessage.Builder b = MailMessage.builder().from(from);
    if (!to.isEmpty()) {
      b.to(to.toArray(String[]::new));
    }
    if (!cc.isEmpty()) {
      b.cc(cc.toArray(String[]::new));
    }
    if (!bcc.isEmpty()) {
      b.bcc(bcc.toArray(String[]::new));
    }
    if (subject != null) {
      b.subject(subject);
    }
    String body =
        text != null
            ? text
            : textFile != null ? Files.readString(textFile, StandardCharsets.UTF_8) : null;
    if (htmlFile != null) {
      b.html(Files.readString(htmlFile, StandardCharsets.UTF_8));
    } else if (body == null) {
      body = stdinBody();
    }
    if (body != null) {
      b.text(body);
    }
    for (Path file : attachments) {
      if (!Files.isRegularFile(file)) {
        throw new java.nio.file.NoSuchFileException(file.toString(), null, "attachment not found");
      }
      b.attach(file);
    }
    for (String header : headers) {
      int colon = header.indexOf(':');
      if (colon <= 0) {
        throw new InvalidInputException(
            "header",
            "expected 'Name: value', got " + io.inetkit.core.internal.Inputs.quote(header));
      }
      b.header(header.substring(0, colon).strip(), header.substring(colon + 1).strip());
    }
    return b.build();
  }

  private String stdinBody() throws IOException {
    if (auth.readsStdin()) {
      throw usage("standard input holds the password: give the body with --text or --text-file");
    }
    InputStream in = output.environment().stdin();
    byte[] bytes = in.readNBytes(MAX_STDIN_BODY + 1);
    if (bytes.length > MAX_STDIN_BODY) {
      throw usage("the body on standard input is over 16 MiB: attach it with --attach instead");
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private void report(SendReceipt r) {
    if (json.enabled()) {
      output.out().println(Json.write(toJson(r)));
    } else {
      output.out().println(describe(r));
    }
    output.out().flush();
    warnRejected(r);
  }

  /** The JSON object of a receipt. */
  static Map<String, Object> toJson(SendReceipt r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("messageId", r.messageId());
    m.put("accepted", r.accepted().stream().map(a -> a.recipient().address()).toList());
    m.put(
        "rejected",
        r.rejected().stream()
            .map(
                x -> {
                  Map<String, Object> row = new LinkedHashMap<>();
                  row.put("recipient", x.recipient().address());
                  row.put("reply", x.reply().toString());
                  return row;
                })
            .toList());
    m.put("reply", r.finalReply().toString());
    return m;
  }

  /** The text line of a receipt. */
  static String describe(SendReceipt r) {
    return "accepted for "
        + String.join(", ", r.accepted().stream().map(a -> a.recipient().address()).toList())
        + ": "
        + r.finalReply();
  }

  /** Reports each refused recipient on standard error (the others still get the message). */
  void warnRejected(SendReceipt r) {
    for (RecipientReply x : r.rejected()) {
      output
          .err()
          .println("inetkit: warning: " + x.recipient().address() + " refused: " + x.reply());
    }
    output.err().flush();
  }
}
