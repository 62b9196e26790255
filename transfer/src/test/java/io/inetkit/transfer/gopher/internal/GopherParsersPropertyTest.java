package io.inetkit.transfer.gopher.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.inetkit.core.InetkitException;
import io.inetkit.transfer.gopher.GopherItem;
import java.io.ByteArrayInputStream;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Random bytes never crash the menu or Gopher+ parsers: they return items or throw a typed {@link
 * InetkitException}, nothing else (no runtime exception, no error).
 */
class GopherParsersPropertyTest {
  private static final GopherSettings SMALL = GopherMenuParserTest.limits(200, 64 * 1024, 2048);

  @Property(tries = 1000)
  void randomBytesGiveItemsOrATypedError(@ForAll @Size(max = 4096) byte[] bytes) {
    try {
      List<GopherItem> items = GopherMenuParser.parse(bytes, GopherMenuParserTest.ORIGIN, SMALL);
      assertThat(items.size()).isLessThanOrEqualTo(200);
      for (GopherItem item : items) {
        assertThat(item.selector()).doesNotContain("\t", "\r", "\n");
        assertThat(item.display()).doesNotContain("\r", "\n");
      }
    } catch (InetkitException expected) {
      assertThat(expected.endpoint()).isEqualTo(GopherMenuParserTest.ORIGIN);
    }
  }

  @Property(tries = 1000)
  void menuShapedNoiseGivesItemsOrATypedError(@ForAll("menuish") String text) {
    byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    try {
      GopherMenuParser.parse(bytes, GopherMenuParserTest.ORIGIN, SMALL);
    } catch (InetkitException expected) {
      assertThat(expected.getMessage()).contains("origin.example:7070");
    }
  }

  @Property(tries = 1000)
  void gopherPlusRepliesGiveAttributesOrATypedError(@ForAll("plusish") String text) {
    byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    GopherReply reply =
        new GopherReply(new ByteArrayInputStream(bytes), GopherMenuParserTest.ORIGIN, SMALL, "/x");
    try {
      GopherPlusHeader.read(reply, "attributes");
      GopherAttributesParser.read(reply);
    } catch (InetkitException expected) {
      assertThat(expected.endpoint()).isEqualTo(GopherMenuParserTest.ORIGIN);
    } catch (java.io.IOException e) {
      throw new AssertionError("untyped I/O failure", e);
    }
  }

  @Provide
  Arbitrary<String> menuish() {
    return Arbitraries.strings().withChars("0179ghiI3+.\t\r\n :/xé\u0000\u001b").ofMaxLength(600);
  }

  @Provide
  Arbitrary<String> plusish() {
    Arbitrary<String> piece =
        Arbitraries.of(
            "+-1\r\n",
            "+-2\r\n",
            "+12\r\n",
            "--1\r\n",
            "+INFO: ",
            "+ADMIN:\r\n",
            "+VIEWS:\r\n",
            "+ABSTRACT:\r\n",
            " Admin: x <y>\r\n",
            " text/plain: <1k>\r\n",
            " : \r\n",
            "0a\t/a\th\t70\t+\r\n",
            ".\r\n",
            "\t",
            "\0",
            "junk",
            "\r\n",
            " ",
            "+",
            ":");
    return piece.list().ofMaxSize(40).map(l -> String.join("", l));
  }
}
