package io.inetkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class InetkitUrlTest {

  @ParameterizedTest
  @CsvSource({
    "smtp://mail.example.org, SMTP, 587, STARTTLS_REQUIRED",
    "smtps://mail.example.org, SMTPS, 465, IMPLICIT",
    "imap://mail.example.org, IMAP, 143, STARTTLS_REQUIRED",
    "imaps://mail.example.org, IMAPS, 993, IMPLICIT",
    "pop://mail.example.org, POP3, 110, STARTTLS_REQUIRED",
    "pop3://mail.example.org, POP3, 110, STARTTLS_REQUIRED",
    "POP3S://mail.example.org, POP3S, 995, IMPLICIT",
    "pops://mail.example.org, POP3S, 995, IMPLICIT",
    "ftp://ftp.example.org/, FTP, 21, NONE",
    "ftps://ftp.example.org/, FTPS, 990, IMPLICIT",
    "telnet://bbs.example.org/, TELNET, 23, NONE",
    "gopher://gopher.example.org, GOPHER, 70, NONE",
    "gophers://gopher.example.org, GOPHERS, 70, IMPLICIT",
  })
  void defaultPortsAndTlsModesPerScheme(String text, Scheme scheme, int port, TlsMode tls) {
    InetkitUrl url = InetkitUrl.parse(text);
    assertThat(url.scheme()).isEqualTo(scheme);
    assertThat(url.port()).isEqualTo(port);
    assertThat(url.explicitPort()).isEmpty();
    assertThat(url.tlsMode()).isEqualTo(tls);
    assertThat(url.endpoint()).isEqualTo(Endpoint.of(url.host(), port));
  }

  @Test
  void userPasswordHostPortPathAndQuery() {
    InetkitUrl url =
        InetkitUrl.parse("ftp://al%20ice:p%40ss:w@ftp.example.org:2121/pub/a%20b?x=1#frag");
    assertThat(url.user()).contains("al ice");
    assertThat(url.hasPassword()).isTrue();
    assertThat(url.credentials())
        .hasValueSatisfying(
            c -> {
              assertThat(c.user()).isEqualTo("al ice");
              assertThat(c.secretAsString()).isEqualTo("p@ss:w");
            });
    assertThat(url.host()).isEqualTo("ftp.example.org");
    assertThat(url.port()).isEqualTo(2121);
    assertThat(url.explicitPort()).hasValue(2121);
    assertThat(url.rawPath()).isEqualTo("/pub/a%20b");
    assertThat(url.path()).isEqualTo("/pub/a b");
    assertThat(url.rawQuery()).contains("x=1");
    assertThat(url.query()).contains("x=1");
  }

  @Test
  void credentialsFromTheUrlOrElseNetrc() {
    Netrc netrc =
        Netrc.parse(
            "machine ftp.example.org login bob password bobpw\n"
                + "default login anonymous password guest");
    assertThat(InetkitUrl.parse("ftp://alice:pw@ftp.example.org/").credentials(netrc))
        .map(Credentials::user)
        .contains("alice");
    assertThat(InetkitUrl.parse("ftp://ftp.example.org/").credentials(netrc))
        .map(Credentials::secretAsString)
        .contains("bobpw");
    assertThat(InetkitUrl.parse("ftp://carol@ftp.example.org/").credentials(netrc)).isEmpty();
    assertThat(InetkitUrl.parse("ftp://other.example.org/").credentials(netrc))
        .map(Credentials::user)
        .contains("anonymous");
    assertThat(InetkitUrl.parse("ftp://u:p%20w@h/").password()).hasValue("p w".toCharArray());
    assertThat(InetkitUrl.parse("ftp://u@h/").password()).isEmpty();
  }

  @Test
  void passwordNeverInToStringNorEqualsLeaks() {
    InetkitUrl url = InetkitUrl.parse("ftp://alice:hunter2@ftp.example.org/pub/");
    assertThat(url.toString())
        .isEqualTo("ftp://alice:***@ftp.example.org/pub/")
        .doesNotContain("hunter2");
    assertThat(url.toRedactedString()).isEqualTo(url.toString());
    assertThat(url).isEqualTo(InetkitUrl.parse("ftp://alice:hunter2@ftp.example.org/pub/"));
    assertThat(url).isNotEqualTo(InetkitUrl.parse("ftp://alice:other@ftp.example.org/pub/"));
  }

  @Test
  void passwordNeverInErrorMessages() {
    assertThatThrownBy(() -> InetkitUrl.parse("ftp://alice:hunter2@ftp.example.org:99999/"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageNotContaining("hunter2");
    assertThatThrownBy(() -> InetkitUrl.parse("ftp://alice:hunt%0Aer2@ftp.example.org/"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("password")
        .hasMessageNotContaining("hunt");
    assertThatThrownBy(() -> InetkitUrl.parse("ftp://alice:hunter2@[::1/"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("unclosed '['")
        .hasMessageContaining("alice:***@")
        .hasMessageNotContaining("hunter2");
    assertThatThrownBy(() -> InetkitUrl.parse("ftp://alice:hunter2\r\n@host/"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void ipv6LiteralsWithAndWithoutPort() {
    InetkitUrl url = InetkitUrl.parse("imaps://[::1]:9993/INBOX");
    assertThat(url.host()).isEqualTo("::1");
    assertThat(url.endpoint()).hasToString("[::1]:9993");
    assertThat(url).hasToString("imaps://[::1]:9993/INBOX");
    InetkitUrl bare = InetkitUrl.parse("telnet://[2001:db8::7]");
    assertThat(bare.host()).isEqualTo("2001:db8::7");
    assertThat(bare.port()).isEqualTo(23);
    InetkitUrl zone = InetkitUrl.parse("gopher://[fe80::1%25eth0]:7070/");
    assertThat(zone.host()).isEqualTo("fe80::1%eth0");
    assertThat(zone).hasToString("gopher://[fe80::1%25eth0]:7070/");
  }

  @Test
  void schemeOfAcceptsPopAliases() {
    assertThat(Scheme.of("pop")).isEqualTo(Scheme.POP3);
    assertThat(Scheme.of("POPS")).isEqualTo(Scheme.POP3S);
    assertThat(Scheme.of("imaps").defaultPort()).isEqualTo(993);
    assertThat(Scheme.GOPHERS).hasToString("gophers");
  }

  @Test
  void emptyPortMeansDefault() {
    assertThat(InetkitUrl.parse("smtp://mail.example.org:/").port()).isEqualTo(587);
  }

  @Test
  void authMechanismOnlyForMailSchemes() {
    InetkitUrl smtp = InetkitUrl.parse("smtp://bob;AUTH=PLAIN@mail.example.org");
    assertThat(smtp.user()).contains("bob");
    assertThat(smtp.authMechanism()).contains("PLAIN");
    assertThat(smtp).hasToString("smtp://bob;AUTH=PLAIN@mail.example.org");
    InetkitUrl ftp = InetkitUrl.parse("ftp://bob;x@ftp.example.org/");
    assertThat(ftp.user()).contains("bob;x");
    assertThat(ftp.authMechanism()).isEmpty();
    assertThatThrownBy(() -> InetkitUrl.parse("imap://bob;FOO=1@mail.example.org/"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("only ;AUTH=");
  }

  @Test
  void passwordMayHoldSemicolonsAndPrecedeAuth() {
    InetkitUrl semi = InetkitUrl.parse("imap://bob:pa;ss@mail.example.org/INBOX");
    assertThat(semi.credentials()).map(Credentials::secretAsString).contains("pa;ss");
    assertThat(semi.authMechanism()).isEmpty();
    InetkitUrl curlStyle = InetkitUrl.parse("imap://bob:pw;auth=PLAIN@mail.example.org/INBOX");
    assertThat(curlStyle.user()).contains("bob");
    assertThat(curlStyle.authMechanism()).contains("PLAIN");
    assertThat(curlStyle.credentials()).map(Credentials::secretAsString).contains("pw");
    assertThat(curlStyle).hasToString("imap://bob:***;AUTH=PLAIN@mail.example.org/INBOX");
    assertThatThrownBy(() -> InetkitUrl.parse("imap://bob;FOO=1:secretpw@h/"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("only ;AUTH=")
        .hasMessageNotContaining("secretpw");
  }

  @Test
  void internationalHostNamesBecomePunycode() {
    InetkitUrl url = InetkitUrl.parse("smtp://b\u00fccher.example/");
    assertThat(url.host()).isEqualTo("xn--bcher-kva.example");
    assertThat(InetkitUrl.parse("smtp://b%C3%BCcher.example/").host())
        .isEqualTo("xn--bcher-kva.example");
    assertThat(url.endpoint()).hasToString("xn--bcher-kva.example:587");
  }

  @Test
  void toStringReEncodesLenientInput() {
    InetkitUrl url = InetkitUrl.parse("smtp://mail.example.org/a b/é?q r");
    assertThat(url.path()).isEqualTo("/a b/é");
    assertThat(url).hasToString("smtp://mail.example.org/a%20b/%C3%A9?q%20r");
    assertThat(InetkitUrl.parse(url.toString()))
        .isEqualTo(InetkitUrl.parse("smtp://mail.example.org/a%20b/%C3%A9?q%20r"));
  }

  @Test
  void telnetUrlWithUserAndPassword() {
    InetkitUrl url = InetkitUrl.parse("telnet://guest:secret@bbs.example.org:2323/");
    assertThat(url.credentials()).map(Credentials::user).contains("guest");
    assertThat(url).hasToString("telnet://guest:***@bbs.example.org:2323/");
    assertThatThrownBy(() -> InetkitUrl.parse("telnet://bbs.example.org/menu"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("no path");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ftp://host:abc/",
        "ftp://host:0/",
        "ftp://host:65536/",
        "ftp://host:-1/",
        "ftp://host:123456/",
        "ftp://[::1]x/"
      })
  void badPortsAreRejected(String text) {
    assertThatThrownBy(() -> InetkitUrl.parse(text))
        .isInstanceOf(InvalidInputException.class)
        .extracting(e -> ((InvalidInputException) e).parameter())
        .isEqualTo("port");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://example.org/", "file:///etc/passwd", "nntp://news.example.org/"})
  void unknownSchemesAreRejected(String text) {
    assertThatThrownBy(() -> InetkitUrl.parse(text))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("unsupported URL scheme");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "ftp.example.org",
        "ftp:/x",
        "://host",
        "1ftp://host",
        "ftp://",
        "ftp:///pub",
        "ftp://user@/x"
      })
  void notAUrlOrNoHost(String text) {
    assertThatThrownBy(() -> InetkitUrl.parse(text)).isInstanceOf(InvalidInputException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "smtp://mail.example.org/%0D%0ARSET",
        "imap://mail.example.org/INBOX%0a",
        "gopher://gopher.example.org/0sel%0D%0A",
        "gopher://gopher.example.org/0sel%00",
        "ftp://ftp.example.org/pub%00/x",
        "ftp://ftp.example.org/pub?%0d",
        "ftp://us%0Der@ftp.example.org/",
        "ftp://ftp.example%0A.org/",
        "smtp://mail.example.org/x\r\nRSET",
        "smtp://mail.example.org/x\u0000"
      })
  void crLfNulRejectedRawOrDecoded(String text) {
    assertThatThrownBy(() -> InetkitUrl.parse(text))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageMatching("(?s).*(CR, LF or NUL|control character).*");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ftp://host/%", "ftp://host/%4", "ftp://host/%zz", "ftp://host/%C3%28"})
  void malformedEscapesRejected(String text) {
    assertThatThrownBy(() -> InetkitUrl.parse(text))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageMatching("(?s)path: (bad percent-escape|percent-escapes are not valid UTF-8).*");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ftp://[::1/", "ftp://[::1", "imap://user@[fe80::1:143/INBOX"})
  void unclosedBracketRejected(String text) {
    assertThatThrownBy(() -> InetkitUrl.parse(text))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("unclosed '['");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ftp://[example.org]/", "ftp://::1/", "ftp://host name/", "ftp://ho$t/"})
  void badHostsRejected(String text) {
    assertThatThrownBy(() -> InetkitUrl.parse(text))
        .isInstanceOf(InvalidInputException.class)
        .extracting(e -> ((InvalidInputException) e).parameter())
        .isIn("host", "port");
  }
}
