package io.inetkit.cli.mail;

import io.inetkit.cli.Json;
import io.inetkit.cli.JsonOption;
import io.inetkit.core.ImapUrl;
import io.inetkit.core.InetkitUrl;
import io.inetkit.mail.imap.ImapSession;
import io.inetkit.mail.imap.MessageRef;
import io.inetkit.mail.imap.MessageSummary;
import io.inetkit.mail.imap.SearchCriteria;
import io.inetkit.mail.pop3.Pop3Message;
import io.inetkit.mail.pop3.Pop3Session;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code inetkit mail list URL}: one message per line, or JSON. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    header = "List the messages of a folder (IMAP) or mailbox (POP3).",
    description =
        "IMAP: searched on the server; a header row, then one line per message, oldest first: UID, date (UTC), flags (N new, F flagged, A answered, D deleted, @ attachments), size, sender, subject. POP3: number, size and UIDL. --json prints no header: an array of objects.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  inetkit mail list imaps://alice@mx.example/INBOX --unseen",
      "  inetkit mail list imaps://alice@mx.example/INBOX --since 2026-11-01 --from bob --limit 20",
      "  inetkit mail list imaps://alice@mx.example/Archive --json",
      "JSON: [{\"uid\",\"uidValidity\",\"folder\",\"date\",\"from\",\"to\",\"cc\",\"subject\",",
      "        \"size\",\"flags\",\"keywords\",\"messageId\",\"hasAttachments\",\"url\"}]",
      "  POP3: [{\"number\",\"size\",\"uidl\"}]",
      "  inetkit mail list pop3s://alice@mx.example --limit 10"
    })
final class MailList extends MailAction {
  @Mixin MailboxLimitOption mailbox;

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

  /** One IMAP table row: UID, date, flags, size, sender, subject; the header row uses it too. */
  private static final String IMAP_ROW = "%6s  %-16s  %-4s %8s  %-28s  %s%n";

  /** One POP3 table row: number, size, UIDL. */
  private static final String POP3_ROW = "%6s %10s  %s%n";

  @Mixin JsonOption json;

  @Parameters(
      index = "0",
      paramLabel = "URL",
      description = "imap[s]://user@host/FOLDER or pop3[s]://user@host")
  String url;

  @Option(names = "--unseen", description = "Only messages not yet read.")
  boolean unseen;

  @Option(
      names = "--since",
      paramLabel = "DATE",
      description = "Only messages on or after DATE (yyyy-mm-dd).")
  LocalDate since;

  @Option(
      names = "--from",
      paramLabel = "TEXT",
      description = "Only messages whose From contains TEXT.")
  String from;

  @Option(
      names = "--subject",
      paramLabel = "TEXT",
      description = "Only messages whose Subject contains TEXT.")
  String subject;

  @Option(names = "--limit", paramLabel = "N", description = "Only the newest N messages.")
  Integer limit;

  @Override
  public Integer call() throws Exception {
    if (limit != null && limit < 1) {
      throw usage("--limit must be at least 1");
    }
    InetkitUrl parsed = readUrl(url);
    if (isPop3(parsed)) {
      return listPop3(parsed);
    }
    ImapUrl u = ImapUrl.from(parsed);
    SearchCriteria criteria = SearchCriteria.all();
    if (unseen) {
      criteria = criteria.and(SearchCriteria.unseen());
    }
    if (since != null) {
      criteria = criteria.and(SearchCriteria.since(since));
    }
    if (from != null) {
      criteria = criteria.and(SearchCriteria.from(from));
    }
    if (subject != null) {
      criteria = criteria.and(SearchCriteria.subject(subject));
    }
    List<MessageSummary> summaries;
    try (ImapSession imap = mailbox.apply(imap(u)).open()) {
      List<MessageRef> refs = imap.search(folder(u), criteria);
      if (limit != null && refs.size() > limit) {
        refs = refs.subList(refs.size() - limit, refs.size());
      }
      summaries = refs.isEmpty() ? List.of() : imap.summaries(refs);
    }
    PrintWriter out = output.out();
    if (json.enabled()) {
      Json.writeArray(out, summaries.stream().map(s -> toJson(s, u)).toList());
      return 0;
    }
    out.printf(IMAP_ROW, "UID", "DATE (UTC)", "FLAG", "SIZE", "FROM", "SUBJECT");
    for (MessageSummary s : summaries) {
      out.printf(
          IMAP_ROW,
          s.ref().uid(),
          s.date() == null ? "-" : DATE.format(s.date()),
          flags(s),
          s.size(),
          cut(s.from() == null ? "" : s.from(), 28),
          s.subject() == null ? "" : s.subject());
    }
    out.flush();
    return 0;
  }

  /** POP3 has no search: number, size and UIDL of every message (or the newest --limit). */
  private int listPop3(InetkitUrl parsed) throws java.io.IOException {
    if (unseen || since != null || from != null || subject != null) {
      throw usage("POP3 cannot search: --unseen, --since, --from and --subject need an IMAP URL");
    }
    List<Pop3Message> messages;
    try (Pop3Session pop3 = mailbox.apply(pop3(parsed)).open()) {
      // --limit N holds only N messages: LIST and UIDL are read line by line
      messages = limit != null ? pop3.list(limit) : pop3.list();
    }
    PrintWriter out = output.out();
    if (json.enabled()) {
      Json.writeArray(
          out,
          messages.stream()
              .map(
                  m -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("number", m.number());
                    row.put("size", m.size());
                    row.put("uidl", m.uidl());
                    return row;
                  })
              .toList());
      return 0;
    }
    out.printf(POP3_ROW, "NUMBER", "SIZE", "UIDL");
    for (Pop3Message m : messages) {
      out.printf(POP3_ROW, m.number(), m.size(), m.uidl());
    }
    out.flush();
    return 0;
  }

  /**
   * Returns one letter per flag: N new (unseen), F flagged, A answered, D deleted, @ attachments.
   */
  private static String flags(MessageSummary s) {
    StringBuilder sb = new StringBuilder();
    if (!s.flags().contains(io.inetkit.mail.Flag.SEEN)) {
      sb.append('N');
    }
    if (s.flags().contains(io.inetkit.mail.Flag.FLAGGED)) {
      sb.append('F');
    }
    if (s.flags().contains(io.inetkit.mail.Flag.ANSWERED)) {
      sb.append('A');
    }
    if (s.flags().contains(io.inetkit.mail.Flag.DELETED)) {
      sb.append('D');
    }
    if (s.hasAttachments()) {
      sb.append('@');
    }
    return sb.length() == 0 ? "-" : sb.toString();
  }

  private static String cut(String s, int width) {
    return s.length() <= width ? s : s.substring(0, width - 1) + "…";
  }

  static Map<String, Object> toJson(MessageSummary s, ImapUrl url) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("uid", s.ref().uid());
    m.put("uidValidity", s.ref().uidValidity());
    m.put("folder", s.ref().folder());
    m.put("date", s.date());
    m.put("from", s.from());
    m.put("to", s.to());
    m.put("cc", s.cc());
    m.put("subject", s.subject());
    m.put("size", s.size());
    m.put(
        "flags",
        s.flags().stream()
            .map(f -> f.name().toLowerCase(Locale.ROOT))
            .sorted()
            .collect(Collectors.toList()));
    m.put("keywords", s.keywords().stream().sorted().toList());
    m.put("messageId", s.messageId());
    m.put("hasAttachments", s.hasAttachments());
    m.put("url", messageUrl(url, s.ref()));
    return m;
  }

  /** Returns the RFC 5092 URL of one message, to pass to {@code mail read}. */
  static String messageUrl(ImapUrl url, MessageRef ref) {
    String user = url.url().user().map(u -> encode(u, "") + "@").orElse("");
    return url.url().scheme().id()
        + "://"
        + user
        + url.url().endpoint()
        + "/"
        + encode(ref.folder(), "/")
        + ";UIDVALIDITY="
        + ref.uidValidity()
        + "/;UID="
        + ref.uid();
  }

  /** Percent-encodes all but RFC 3986 unreserved characters and {@code keep}. */
  private static String encode(String text, String keep) {
    StringBuilder sb = new StringBuilder();
    for (byte b : text.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if (c < 128
          && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0 || keep.indexOf(c) >= 0)) {
        sb.append(c);
      } else {
        sb.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return sb.toString();
  }
}
