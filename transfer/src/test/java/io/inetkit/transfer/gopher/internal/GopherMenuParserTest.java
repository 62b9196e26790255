package io.inetkit.transfer.gopher.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inetkit.core.ConnectionClosedException;
import io.inetkit.core.Endpoint;
import io.inetkit.core.EventListener;
import io.inetkit.core.LimitExceededException;
import io.inetkit.core.NotFoundException;
import io.inetkit.core.ProtocolViolationException;
import io.inetkit.core.Timeouts;
import io.inetkit.core.Trust;
import io.inetkit.transfer.gopher.GopherItem;
import io.inetkit.transfer.gopher.GopherItemType;
import io.inetkit.transfer.gopher.GopherPlusMarker;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A corpus of real-world-shaped menu lines, sloppy and broken ones included. */
class GopherMenuParserTest {
  static final Endpoint ORIGIN = Endpoint.of("origin.example", 7070);

  static GopherSettings limits(int items, long bytes, int line) {
    return new GopherSettings(
        Timeouts.DEFAULT, Trust.system(), EventListener.NONE, line, items, bytes, Long.MAX_VALUE);
  }

  static final GopherSettings DEFAULTS = limits(100_000, 16 << 20, 64 * 1024);

  private static GopherItem line(String text) throws ProtocolViolationException {
    return GopherMenuParser.parseLine(text.getBytes(StandardCharsets.ISO_8859_1), ORIGIN);
  }

  private static GopherItem utf8(String text) throws ProtocolViolationException {
    return GopherMenuParser.parseLine(text.getBytes(StandardCharsets.UTF_8), ORIGIN);
  }

  /** line | code | display | selector | host | port | plus */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          "0About this server\\t/about.txt\\tgopher.example.org\\t70"  | 0 | About this server | /about.txt | gopher.example.org | 70 | NONE
          "1Software\\t/software\\tgopher.example.org\\t70\\t+"     | 1 | Software | /software | gopher.example.org | 70 | PLUS
          "7Search Veronica-2\\t/v2/vs\\tgopher.floodgap.com\\t70"   | 7 | Search Veronica-2 | /v2/vs | gopher.floodgap.com | 70 | NONE
          "iWelcome to my hole!\\tfake\\t(NULL)\\t0"                 | i | Welcome to my hole! | fake | (NULL) | 0 | NONE
          "i\\t\\terror.host\\t1"                                    | i | "" | "" | error.host | 1 | NONE
          "iJust info, no tabs"                                      | i | Just info, no tabs | "" | "" | 0 | NONE
          "3'/nope' does not exist\\t\\terror.host\\t1"             | 3 | '/nope' does not exist | "" | error.host | 1 | NONE
          "3Error without fields"                                    | 3 | Error without fields | "" | "" | 0 | NONE
          "hMy web site\\tURL:https://example.org/\\tgopher.example.org\\t70" | h | My web site | URL:https://example.org/ | gopher.example.org | 70 | NONE
          "9Archive.zip\\t/files/archive.zip\\thost\\t70\\t?"         | 9 | Archive.zip | /files/archive.zip | host | 70 | ASK
          "0No port\\t/doc\\tother.example"                          | 0 | No port | /doc | other.example | 70 | NONE
          "0No host\\t/doc"                                          | 0 | No host | /doc | origin.example | 7070 | NONE
          "0Empty host\\t/doc\\t\\t"                                  | 0 | Empty host | /doc | origin.example | 7070 | NONE
          "1Trailing blanks\\t/dir\\thost\\t70   "                   | 1 | Trailing blanks | /dir | host | 70 | NONE
          "1Padded port\\t/dir\\thost\\t 70 \\t+ "                   | 1 | Padded port | /dir | host | 70 | PLUS
          "1Bad port\\t/dir\\thost\\t70x"                            | 1 | Bad port | /dir | host | 0 | NONE
          "1Huge port\\t/dir\\thost\\t99999"                         | 1 | Huge port | /dir | host | 0 | NONE
          "QQuirky new type\\t/q\\thost\\t70"                        | Q | Quirky new type | /q | host | 70 | NONE
          "1\\t/\\thost\\t70"                                          | 1 | "" | / | host | 70 | NONE
          "0Extra fields\\t/x\\thost\\t70\\t+\\tmore\\tstuff"          | 0 | Extra fields | /x | host | 70 | PLUS
          "Plain text line from a sloppy server"                      | i | Plain text line from a sloppy server | "" | "" | 0 | NONE
          "8Telnet BBS\\tguest\\tbbs.example.org\\t23"                | 8 | Telnet BBS | guest | bbs.example.org | 23 | NONE
          "IPhoto\\t/p.jpg\\t[::1]\\t70"                              | I | Photo | /p.jpg | [::1] | 70 | NONE
          """)
  void corpusLine(
      String raw, char code, String display, String selector, String host, int port, String plus)
      throws Exception {
    GopherItem item = line(raw.replace("\\t", "\t"));
    assertThat(item)
        .isEqualTo(
            new GopherItem(code, display, selector, host, port, GopherPlusMarker.valueOf(plus)));
  }

  @Test
  void everyKnownTypeMapsAndUnknownKeepsTheCharacter() throws Exception {
    String codes = "0123456789+TgIihpsdP;McxrQ";
    for (char c : codes.toCharArray()) {
      GopherItem item = line(c + "x\t/s\th\t70");
      assertThat(item.code()).isEqualTo(c);
      assertThat(item.type().code()).isEqualTo(item.type() == GopherItemType.UNKNOWN ? '?' : c);
    }
    assertThat(line("gA GIF\t/a.gif\th\t70").type()).isEqualTo(GopherItemType.GIF);
    assertThat(line("5Archive\t/a.zip\th\t70").type()).isEqualTo(GopherItemType.DOS_ARCHIVE);
    assertThat(line("2CSO\t\th\t105").type()).isEqualTo(GopherItemType.CSO);
    assertThat(line("TIBM\t\th\t23").type()).isEqualTo(GopherItemType.TN3270);
    assertThat(line("QQ\t/q\th\t70").type()).isEqualTo(GopherItemType.UNKNOWN);
  }

  @Test
  void blankLinesAreSkipped() throws Exception {
    assertThat(line("")).isNull();
    assertThat(line("   \t ")).isNull();
  }

  @Test
  void utf8AndLatin1Displays() throws Exception {
    assertThat(utf8("0Café ☕\t/c\th\t70").display()).isEqualTo("Café ☕");
    assertThat(line("0Caf\u00e9 latin-1\t/c\th\t70").display()).isEqualTo("Café latin-1");
  }

  @Test
  void controlCharactersInDisplayAreNeutralised() throws Exception {
    assertThat(line("i\u001b[31mred\u001b[0m\t\th\t1").display())
        .isEqualTo("\uFFFD[31mred\uFFFD[0m");
  }

  @Test
  void nulAndControlCharactersInSelectorOrHostAreRefused() {
    assertThatThrownBy(() -> line("0a\0b\t/x\th\t70"))
        .isInstanceOf(ProtocolViolationException.class)
        .hasMessageContaining("NUL byte in menu line")
        .hasMessageContaining("origin.example:7070")
        .hasMessageContaining("\"0a\\0b\\t/x\\th\\t70\"");
    assertThatThrownBy(() -> line("0doc\t/x\u0007\th\t70"))
        .isInstanceOf(ProtocolViolationException.class)
        .hasMessageContaining("control character in selector");
    assertThatThrownBy(() -> line("0doc\t/x\th\u0001st\t70"))
        .isInstanceOf(ProtocolViolationException.class)
        .hasMessageContaining("control character in host");
  }

  @Test
  void wholeMenuWithLfOnlyBlankLinesAndTrailingJunkAfterTerminator() throws Exception {
    String menu =
        "iHello\t\terror.host\t1\n\n0Doc\t/doc\th\t70\r\n1Dir\t/dir\th\t70\n.\r\n0After\t/after\th\t70\r\n";
    List<GopherItem> items = parse(menu, DEFAULTS);
    assertThat(items).extracting(GopherItem::display).containsExactly("Hello", "Doc", "Dir");
  }

  @Test
  void aMenuWithoutItsTerminatorIsTruncatedNotShort() {
    assertThatThrownBy(() -> parse("0Doc\t/doc\th\t70\r\n1Dir\t/dir\th\t70", DEFAULTS))
        .isInstanceOf(ConnectionClosedException.class)
        .hasMessage(
            "menu \"\": truncated reply: the server closed the connection after 2 line(s),"
                + " without the \".\" line that ends it [origin.example:7070]");
    assertThatThrownBy(() -> parse("", DEFAULTS))
        .isInstanceOf(ConnectionClosedException.class)
        .hasMessageContaining("closed the connection before sending anything");
  }

  @Test
  void limitsOnItemsBytesAndLineLength() {
    String menu = "0a\t/a\th\t70\r\n".repeat(11);
    assertThatThrownBy(() -> parse(menu, limits(10, 1 << 20, 1024)))
        .isInstanceOf(LimitExceededException.class)
        .hasMessageContaining("too many items")
        .hasMessageContaining("(limit 10)");
    assertThatThrownBy(() -> parse(menu, limits(1000, 100, 1024)))
        .isInstanceOf(LimitExceededException.class)
        .hasMessageContaining("larger than allowed")
        .hasMessageContaining("(limit 100)");
    assertThatThrownBy(
            () -> parse("0" + "x".repeat(200) + "\t/a\th\t70\r\n", limits(10, 1 << 20, 100)))
        .isInstanceOf(LimitExceededException.class)
        .hasMessageContaining("line too long from origin.example:7070");
  }

  @Test
  void errorOnlyMenusAreNotFound() throws Exception {
    List<GopherItem> error =
        parse(
            "iSorry\t\terror.host\t1\r\n3'/x' does not exist\t\terror.host\t1\r\n.\r\n", DEFAULTS);
    assertThatThrownBy(() -> GopherMenuParser.requireNoError(error, "menu \"/x\"", ORIGIN))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("menu \"/x\" refused: 3 '/x' does not exist [origin.example:7070]");
    List<GopherItem> mixed =
        parse("3warning\t\terror.host\t1\r\n0Doc\t/doc\th\t70\r\n.\r\n", DEFAULTS);
    GopherMenuParser.requireNoError(mixed, "menu", ORIGIN); // a link is present: a real menu
  }

  @Test
  void errorLineShape() {
    assertThat(GopherMenuParser.isErrorLine("3nope\t\terror.host\t1".getBytes())).isTrue();
    assertThat(GopherMenuParser.isErrorLine("3 little pigs\tonly one tab".getBytes())).isFalse();
    assertThat(GopherMenuParser.isErrorLine("0nope\t\terror.host\t1".getBytes())).isFalse();
  }

  static List<GopherItem> parse(String menu, GopherSettings s) throws Exception {
    return GopherMenuParser.parse(menu.getBytes(StandardCharsets.UTF_8), ORIGIN, s);
  }
}
