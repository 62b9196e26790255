package io.inetkit.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.inetkit.mail.imap.ImapSession;
import io.inetkit.mail.imap.MessageRef;
import io.inetkit.mail.imap.MessageSummary;
import io.inetkit.mail.imap.SearchCriteria;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@link SearchCriteria} runs on GreenMail against three messages that differ in each
 * searched property, and must select exactly the ones it names: a criterion that were ignored, or
 * sent wrongly, would select all three or none.
 */
class ImapSearchTest {
  @RegisterExtension static final ReadServer mail = new ReadServer();
  @TempDir Path dir;

  private ImapSession imap;
  private List<MessageRef> refs;

  private MessageRef append(
      String from, String to, String subject, String tag, String body, Set<Flag> flags, String date)
      throws Exception {
    String eml =
        "From: "
            + from
            + "\r\nTo: "
            + to
            + "\r\nSubject: "
            + subject
            + "\r\n"
            + (tag == null ? "" : "X-Tag: " + tag + "\r\n")
            + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n"
            + "\r\n"
            + body
            + "\r\n";
    Path file = dir.resolve(subject.hashCode() + ".eml");
    Files.writeString(file, eml, StandardCharsets.UTF_8);
    return imap.append("INBOX", file, flags, Instant.parse(date + "T12:00:00Z"));
  }

  private List<String> subjects(SearchCriteria criteria) throws Exception {
    return imap.summaries(imap.search("INBOX", criteria)).stream()
        .map(MessageSummary::subject)
        .toList();
  }

  @Test
  void eachCriterionSelectsExactlyTheMatchingMessages() throws Exception {
    try (ImapSession session =
        ReadFixture.imap(mail.server(), io.inetkit.testkit.mail.MailProtocol.IMAPS).open()) {
      imap = session;
      refs =
          List.of(
              append(
                  "bob@example.org",
                  "alice@example.org",
                  "invoice march",
                  "red",
                  "pay now",
                  Set.of(Flag.SEEN),
                  "2026-03-01"),
              append(
                  "carol@example.org",
                  "dave@example.org",
                  "lunch",
                  "blue",
                  "pizza " + "x".repeat(5000),
                  Set.of(Flag.FLAGGED),
                  "2026-06-01"),
              append(
                  "erin@example.org",
                  "alice@example.org",
                  "weekend",
                  null,
                  "cafe",
                  Set.of(),
                  "2026-09-01"));
      assertThat(refs).doesNotContainNull();
      imap.addKeywords(refs.subList(1, 2), "$Work");

      assertThat(subjects(SearchCriteria.all()))
          .containsExactly("invoice march", "lunch", "weekend");
      assertThat(subjects(SearchCriteria.unseen())).containsExactly("lunch", "weekend");
      assertThat(subjects(SearchCriteria.seen())).containsExactly("invoice march");
      assertThat(subjects(SearchCriteria.flagged())).containsExactly("lunch");
      assertThat(subjects(SearchCriteria.keyword("$Work"))).containsExactly("lunch");
      assertThat(subjects(SearchCriteria.since(LocalDate.of(2026, 5, 1))))
          .containsExactly("lunch", "weekend");
      assertThat(subjects(SearchCriteria.before(LocalDate.of(2026, 5, 1))))
          .containsExactly("invoice march");
      // GreenMail compares FROM and TO with whole addresses (RFC 3501: substrings), hence no
      // "carol"
      assertThat(subjects(SearchCriteria.from("carol@example.org"))).containsExactly("lunch");
      assertThat(subjects(SearchCriteria.to("alice@example.org")))
          .containsExactly("invoice march", "weekend");
      assertThat(subjects(SearchCriteria.subject("invoice"))).containsExactly("invoice march");
      assertThat(subjects(SearchCriteria.body("pizza"))).containsExactly("lunch");
      assertThat(subjects(SearchCriteria.header("X-Tag", "blue"))).containsExactly("lunch");
      assertThat(subjects(SearchCriteria.uidRange(refs.get(0).uid(), refs.get(1).uid())))
          .containsExactly("invoice march", "lunch");
      assertThat(subjects(SearchCriteria.larger(3000))).containsExactly("lunch");
      assertThat(subjects(SearchCriteria.smaller(3000)))
          .containsExactly("invoice march", "weekend");
      assertThat(subjects(SearchCriteria.not(SearchCriteria.seen())))
          .containsExactly("lunch", "weekend");
      assertThat(
              subjects(
                  SearchCriteria.or(
                      SearchCriteria.from("carol@example.org"), SearchCriteria.subject("invoice"))))
          .containsExactly("invoice march", "lunch");
      assertThat(subjects(SearchCriteria.to("alice@example.org").and(SearchCriteria.unseen())))
          .containsExactly("weekend");
    }
  }
}
