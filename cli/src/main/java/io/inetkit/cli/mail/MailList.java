package io.inetkit.cli.mail;

import io.inetkit.cli.Json;
import io.inetkit.cli.JsonOption;
import io.inetkit.core.ImapUrl;
import io.inetkit.mail.ImapSession;
import io.inetkit.mail.MessageRef;
import io.inetkit.mail.MessageSummary;
import io.inetkit.mail.SearchCriteria;
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
    description = {
      "List the messages of an IMAP folder (searched on the server): UID, date (UTC), flags,",
      "size, sender and subject, oldest first."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  inetkit mail list imaps://alice@mail.example.org/INBOX --unseen",
      "  inetkit mail list imaps://alice@mail.example.org/INBOX --since 2026-11-01 --from bob --limit 20",
      "  inetkit mail list imaps://alice@mail.example.org/Archive --json",
      "JSON: [{\"uid\",\"uidValidity\",\"folder\",\"date\",\"from\",\"to\",\"cc\",\"subject\",",
      "        \"size\",\"flags\",\"keywords\",\"messageId\",\"hasAttachments\",\"url\"}]"
    })
final class MailList extends MailAction {
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

  @Mixin JsonOption json;

  @Parameters(index = "0", paramLabel = "URL", description = "imap[s]://user@host/FOLDER")
  String url;

  @Option(names = "--unseen", description = "Only messages not yet read.")
  boolean unseen;

  @Option(names = "--since", paramLabel = "DATE", description = "Only messages on or after DATE (yyyy-mm-dd).")
  LocalDate since;

  @Option(names = "--from", paramLabel = "TEXT", description = "Only messages whose From contains TEXT.")
  String from;

  @Option(names = "--subject", paramLabel = "TEXT", description = "Only messages whose Subject contains TEXT.")
  String subject;

  @Option(names = "--limit", paramLabel = "N", description = "Only the newest N messages.")
  Integer limit;

  @Override
  public Integer call() throws Exception {
    ImapUrl u = imapUrl(url);
    if (limit != null && limit < 1) {
      throw usage("--limit must be at least 1");
    }
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
    try (ImapSession imap = imap(u).open()) {
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
    for (MessageSummary s : summaries) {
      out.printf(
          "%6d  %-16s  %-4s %8d  %-28s  %s%n",
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

  /** Returns one letter per flag: N new (unseen), F flagged, A answered, D deleted, T draft. */
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
        s.flags().stream().map(f -> f.name().toLowerCase(Locale.ROOT)).sorted().collect(Collectors.toList()));
    m.put("keywords", s.keywords().stream().sorted().toList());
    m.put("messageId", s.messageId());
    m.put("hasAttachments", s.hasAttachments());
    m.put("url", messageUrl(url, s.ref()));
    return m;
  }

  /** Returns the RFC 5092 URL of one message, to pass to {@code mail read}. */
  static String messageUrl(ImapUrl url, MessageRef ref) {
    String user = url.url().user().map(u -> encode(u, "") + "@").orElse("");
    return url.url().scheme().id() + "://" + user + url.url().endpoint() + "/"
        + encode(ref.folder(), "/") + ";UIDVALIDITY=" + ref.uidValidity() + "/;UID=" + ref.uid();
  }

  /** Percent-encodes all but RFC 3986 unreserved characters and {@code keep}. */
  private static String encode(String text, String keep) {
    StringBuilder sb = new StringBuilder();
    for (byte b : text.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if (c < 128 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0 || keep.indexOf(c) >= 0)) {
        sb.append(c);
      } else {
        sb.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return sb.toString();
  }
}
