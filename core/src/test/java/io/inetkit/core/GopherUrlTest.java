package io.inetkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GopherUrlTest {

  @Test
  void emptyPathIsRootMenu() {
    for (String text :
        new String[] {"gopher://gopher.example.org", "gopher://gopher.example.org/"}) {
      GopherUrl u = GopherUrl.parse(text);
      assertThat(u.itemType()).isEqualTo('1');
      assertThat(u.selector()).isEmpty();
      assertThat(u.search()).isEmpty();
      assertThat(u.gopherPlus()).isEmpty();
      assertThat(u.url().port()).isEqualTo(70);
    }
  }

  @Test
  void typeAndSelector() {
    GopherUrl u = GopherUrl.parse("gopher://gopher.example.org/1/software");
    assertThat(u.itemType()).isEqualTo('1');
    assertThat(u.selector()).isEqualTo("/software");
    assertThat(u).hasToString("gopher://gopher.example.org/1/software");
    GopherUrl text = GopherUrl.parse("gopher://gopher.example.org/0about.txt");
    assertThat(text.itemType()).isEqualTo('0');
    assertThat(text.selector()).isEqualTo("about.txt");
  }

  @Test
  void rfc4266SearchAndGopherPlus() {
    GopherUrl q = GopherUrl.parse("gopher://gopher.example.org:7070/7/find%09inetkit%20urls");
    assertThat(q.itemType()).isEqualTo('7');
    assertThat(q.selector()).isEqualTo("/find");
    assertThat(q.search()).contains("inetkit urls");
    assertThat(q.gopherPlus()).isEmpty();
    assertThat(q).hasToString("gopher://gopher.example.org:7070/7/find%09inetkit%20urls");
    GopherUrl plus = GopherUrl.parse("gopher://h/1sel%09%09+");
    assertThat(plus.search()).contains("");
    assertThat(plus.gopherPlus()).contains("+");
    assertThat(plus).hasToString("gopher://h/1sel%09%09+");
  }

  @Test
  void questionMarkAndHashBelongToTheSelector() {
    GopherUrl u = GopherUrl.parse("gophers://[::1]:7443/0/cgi?x=1#top");
    assertThat(u.selector()).isEqualTo("/cgi?x=1#top");
    assertThat(u.url().tlsMode()).isEqualTo(TlsMode.IMPLICIT);
    assertThat(u).hasToString("gophers://[::1]:7443/0/cgi%3Fx=1%23top");
    assertThat(GopherUrl.parse(u.toString()).selector()).isEqualTo("/cgi?x=1#top");
  }

  @ParameterizedTest
  @ValueSource(chars = {'%', '?', '#', '/', ';'})
  void unusualItemTypesRoundTrip(char type) {
    GopherUrl u = GopherUrl.parse("gopher://h/" + UrlCodec.encode(type + "sel", ""));
    assertThat(u.itemType()).isEqualTo(type);
    GopherUrl again = GopherUrl.parse(u.toString());
    assertThat(again.itemType()).isEqualTo(type);
    assertThat(again.selector()).isEqualTo("sel");
  }

  @Test
  void unicodeSelectorRoundTrips() {
    GopherUrl u = GopherUrl.parse("gopher://h/0/caf%C3%A9 menu");
    assertThat(u.selector()).isEqualTo("/café menu");
    assertThat(u).hasToString("gopher://h/0/caf%C3%A9%20menu");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "gopher://h/0sel%0D%0A",
        "gopher://h/0sel%0A",
        "gopher://h/0sel%00x",
        "gopher://h/%09sel",
        "gopher://h/0a%09b%0D"
      })
  void malformedGopherUrlsRejected(String text) {
    assertThatThrownBy(() -> GopherUrl.parse(text)).isInstanceOf(InvalidInputException.class);
  }
}
