package io.inetkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Pop3UrlTest {

  @Test
  void rfc2384ApopExample() {
    Pop3Url u = Pop3Url.parse("pop://rg;AUTH=+APOP@mail.eudora.com:8110");
    assertThat(u.url().scheme()).isEqualTo(Scheme.POP3);
    assertThat(u.url().user()).contains("rg");
    assertThat(u.authMechanism()).contains("+APOP");
    assertThat(u.url().endpoint()).isEqualTo(Endpoint.of("mail.eudora.com", 8110));
    assertThat(u.messageNumber()).isEmpty();
    assertThat(u).hasToString("pop3://rg;AUTH=+APOP@mail.eudora.com:8110");
  }

  @Test
  void rfc2384OtherExamples() {
    Pop3Url plain = Pop3Url.parse("pop://rg@mail.eudora.com");
    assertThat(plain.url().port()).isEqualTo(110);
    assertThat(plain.authMechanism()).isEmpty();
    Pop3Url any = Pop3Url.parse("pop://baz;AUTH=SCRAM-MD5@foo.bar");
    assertThat(any.authMechanism()).contains("SCRAM-MD5");
    Pop3Url star = Pop3Url.parse("pop://;auth=*@mail.example.org");
    assertThat(star.url().user()).isEmpty();
    assertThat(star.authMechanism()).contains("*");
  }

  @Test
  void messageNumberPath() {
    Pop3Url u = Pop3Url.parse("pop3://host/3");
    assertThat(u.messageNumber()).hasValue(3);
    assertThat(u).hasToString("pop3://host/3");
    assertThat(Pop3Url.parse("pop3s://host/").messageNumber()).isEmpty();
    assertThat(Pop3Url.parse("pop3s://host/").url().port()).isEqualTo(995);
  }

  @Test
  void passwordMaskedInToString() {
    Pop3Url u = Pop3Url.parse("pop3://alice:hunter2@host/1");
    assertThat(u.toString()).isEqualTo("pop3://alice:***@host/1");
    assertThat(u.url().credentials()).map(Credentials::secretAsString).contains("hunter2");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "pop3://host/0",
        "pop3://host/x",
        "pop3://host/1/2",
        "pop3://host/-1",
        "pop3://host/1?x",
        "pop3://host/99999999999",
        "pop3://rg;AUTH=@host"
      })
  void malformedPopUrlsRejected(String text) {
    assertThatThrownBy(() -> Pop3Url.parse(text)).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void otherSchemesRejected() {
    assertThatThrownBy(() -> Pop3Url.parse("imap://h/"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("not a pop3");
  }
}
