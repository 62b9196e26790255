package io.inetkit.transfer.gopher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inetkit.core.GopherUrl;
import io.inetkit.core.InvalidInputException;
import io.inetkit.core.Scheme;
import io.inetkit.core.TlsMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class GopherItemTest {

  @Test
  void urlsOfItems() {
    GopherItem doc =
        GopherItem.of(GopherItemType.TEXT, "About", "/about us?.txt", "gopher.example.org", 70);
    assertThat(doc.url().toString())
        .isEqualTo("gopher://gopher.example.org:70/0/about%20us%3F.txt");
    GopherItem v6 = GopherItem.of(GopherItemType.MENU, "Home", "", "::1", 7070);
    assertThat(v6.url(Scheme.GOPHERS).toString()).isEqualTo("gophers://[::1]:7070/1");
    assertThat(v6.url(Scheme.GOPHERS).url().tlsMode()).isEqualTo(TlsMode.IMPLICIT);
    assertThat(new GopherItem('Q', "Odd", "/q", "h", 70, GopherPlusMarker.NONE).url().itemType())
        .isEqualTo('Q');
  }

  @Test
  void infoLinesAndExternalLinks() {
    GopherItem info = new GopherItem('i', "Hello", "", "error.host", 1, GopherPlusMarker.NONE);
    assertThat(info.isLink()).isFalse();
    assertThat(info.type().kind()).isEqualTo(GopherItemType.Kind.NONE);
    GopherItem web = GopherItem.of(GopherItemType.HTML, "Web", "URL:https://example.org/", "h", 70);
    assertThat(web.externalUrl()).contains("https://example.org/");
    assertThat(GopherItem.of(GopherItemType.HTML, "Page", "/p.html", "h", 70).externalUrl())
        .isEmpty();
  }

  @Test
  void validation() {
    assertThatThrownBy(() -> GopherItem.of(GopherItemType.TEXT, "x", "/a\r\n", "h", 70))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("selector: ");
    assertThatThrownBy(() -> GopherItem.of(GopherItemType.TEXT, "x", "/a", "h\tx", 70))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("host: must not contain TAB");
    assertThatThrownBy(() -> GopherItem.of(GopherItemType.TEXT, "x\n", "/a", "h", 70))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> GopherItem.of(GopherItemType.TEXT, "x", "/a", "h", 65536))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> GopherItem.of(GopherItemType.UNKNOWN, "x", "/a", "h", 70))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new GopherItem('\u00e9', "x", "/a", "h", 70, GopherPlusMarker.NONE).url())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("code: item type cannot be written in a URL");
    assertThatThrownBy(
            () -> new GopherItem('i', "x", "", "error.host", 0, GopherPlusMarker.NONE).url())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("port: ");
  }

  @Property(tries = 500)
  void selectorsSurviveTheTripThroughAUrl(
      @ForAll("selectors") String selector, @ForAll("types") char type) {
    GopherItem item =
        new GopherItem(type, "x", selector, "gopher.example.org", 70, GopherPlusMarker.NONE);
    GopherUrl url = item.url();
    assertThat(url.selector()).isEqualTo(selector);
    assertThat(url.itemType()).isEqualTo(type);
    assertThat(url.search()).isEmpty();
    if (type != '%') { // core's GopherUrl.toString() writes the type character unencoded
      GopherUrl again = GopherUrl.parse(url.toString());
      assertThat(again.selector()).isEqualTo(selector);
      assertThat(again.itemType()).isEqualTo(type);
    }
  }

  @Provide
  Arbitrary<String> selectors() {
    return Arbitraries.strings().withCharRange(' ', '~').withChars("éß☕€").ofMaxLength(60);
  }

  @Provide
  Arbitrary<Character> types() {
    return Arbitraries.chars().range('!', '~');
  }
}
