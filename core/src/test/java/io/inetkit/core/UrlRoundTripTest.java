package io.inetkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Random names (seeded, so failures reproduce) survive toString and parse unchanged. */
class UrlRoundTripTest {
  private static final String ALPHABET =
      "aZ09 -._~!$&'()*+,;=:@/?#%[]\"<>\\^`{|}\tüé日本€\uD83D\uDE00";

  private static String randomName(Random random, boolean allowSlash) {
    StringBuilder sb = new StringBuilder();
    int length = 1 + random.nextInt(12);
    while (sb.length() < length) {
      int i = random.nextInt(ALPHABET.length());
      char c = ALPHABET.charAt(i);
      if (Character.isHighSurrogate(c)) {
        sb.append(c).append(ALPHABET.charAt(i + 1));
      } else if (!Character.isLowSurrogate(c) && (allowSlash || c != '/')) {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  @Test
  void namesRoundTripThroughEveryView() {
    Random random = new Random(20261125);
    for (int i = 0; i < 2000; i++) {
      String name = randomName(random, true);
      String segment = randomName(random, false);
      String user = randomName(random, true);

      String selector = name.replace('\t', ' '); // a TAB ends a Gopher selector (RFC 1436)
      GopherUrl gopher = GopherUrl.parse("gopher://h/0" + UrlCodec.encode(selector, ""));
      assertThat(gopher.selector()).isEqualTo(selector);
      assertThat(GopherUrl.parse(gopher.toString()).selector()).isEqualTo(selector);

      ImapUrl imap =
          ImapUrl.parse("imap://h/" + UrlCodec.encode(name, "") + "?" + UrlCodec.encode(user, ""));
      assertThat(imap.mailbox()).contains(name);
      ImapUrl again = ImapUrl.parse(imap.toString());
      assertThat(again.mailbox()).contains(name);
      assertThat(again.search()).contains(user);

      FtpUrl ftp =
          FtpUrl.parse(
              "ftp://" + UrlCodec.encode(user, "") + "@h/d/" + UrlCodec.encode(segment, ""));
      assertThat(ftp.segments()).containsExactly("d", segment);
      assertThat(ftp.url().user()).contains(user);
      FtpUrl ftpAgain = FtpUrl.parse(ftp.toString());
      assertThat(ftpAgain.segments()).containsExactly("d", segment);
      assertThat(ftpAgain.url().user()).contains(user);
    }
  }

  @Test
  void anyEncodedCrLfOrNulIsRejectedWherever() {
    Random random = new Random(42);
    String[] bad = {"%0D", "%0a", "%00"};
    String[] templates = {
      "gopher://h/0%s", "imap://h/IN%sBOX", "imap://h/INBOX?%s", "ftp://h/a/%s/b",
      "ftp://u%s@h/", "pop3://u;AUTH=%s@h", "smtp://h/%s", "imap://h/INBOX/;UID=1/;SECTION=%s"
    };
    for (int i = 0; i < 200; i++) {
      String template = templates[random.nextInt(templates.length)];
      String around = UrlCodec.encode(randomName(random, false), "");
      String url = String.format(template, around + bad[random.nextInt(bad.length)] + around);
      assertThatThrownBy(() -> InetkitUrl.parse(url))
          .as(url)
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("CR, LF or NUL");
    }
  }
}
