package io.inetkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImapUrlTest {

  @Test
  void briefExampleWithAuthUidValiditySection() {
    ImapUrl u =
        ImapUrl.parse(
            "imap://user;AUTH=*@host:1143/INBOX;UIDVALIDITY=385759045/;UID=20/;SECTION=1.2");
    assertThat(u.url().user()).contains("user");
    assertThat(u.authMechanism()).contains("*");
    assertThat(u.url().endpoint()).isEqualTo(Endpoint.of("host", 1143));
    assertThat(u.mailbox()).contains("INBOX");
    assertThat(u.uidValidity()).hasValue(385759045);
    assertThat(u.uid()).hasValue(20);
    assertThat(u.section()).contains("1.2");
    assertThat(u.search()).isEmpty();
    assertThat(u)
        .hasToString(
            "imap://user;AUTH=*@host:1143/INBOX;UIDVALIDITY=385759045/;UID=20/;SECTION=1.2");
  }

  @Test
  void rfc5092MessagePartial() {
    ImapUrl u =
        ImapUrl.parse(
            "imap://minbari.example.org/gray-council;UIDVALIDITY=385759045/;UID=20/;PARTIAL=0.1024");
    assertThat(u.mailbox()).contains("gray-council");
    assertThat(u.uid()).hasValue(20);
    assertThat(u.partial()).contains("0.1024");
    assertThat(u.url().port()).isEqualTo(143);
    assertThat(u)
        .hasToString(
            "imap://minbari.example.org/gray-council;UIDVALIDITY=385759045/;UID=20/;PARTIAL=0.1024");
  }

  @Test
  void rfc5092GssapiLowerCaseParameters() {
    ImapUrl u =
        ImapUrl.parse("imap://;AUTH=GSSAPI@minbari.example.org/gray-council/;uid=20/;section=1.2");
    assertThat(u.url().user()).isEmpty();
    assertThat(u.authMechanism()).contains("GSSAPI");
    assertThat(u.mailbox()).contains("gray-council");
    assertThat(u.uid()).hasValue(20);
    assertThat(u.section()).contains("1.2");
    assertThat(u)
        .hasToString("imap://;AUTH=GSSAPI@minbari.example.org/gray-council/;UID=20/;SECTION=1.2");
  }

  @Test
  void rfc5092SearchWithEncodedMailbox() {
    ImapUrl u =
        ImapUrl.parse("imap://;AUTH=*@minbari.example.org/gray%20council?SUBJECT%20shadows");
    assertThat(u.mailbox()).contains("gray council");
    assertThat(u.search()).contains("SUBJECT shadows");
    assertThat(u.uid()).isEmpty();
    assertThat(u)
        .hasToString("imap://;AUTH=*@minbari.example.org/gray%20council?SUBJECT%20shadows");
  }

  @Test
  void rfc5092Utf8HierarchicalMailbox() {
    ImapUrl u =
        ImapUrl.parse(
            "imap://psicorp.example.org/~peter/%E6%97%A5%E6%9C%AC%E8%AA%9E/%E5%8F%B0%E5%8C%97");
    assertThat(u.mailbox()).contains("~peter/日本語/台北");
    assertThat(u)
        .hasToString(
            "imap://psicorp.example.org/~peter/%E6%97%A5%E6%9C%AC%E8%AA%9E/%E5%8F%B0%E5%8C%97");
  }

  @Test
  void rfc5092MailboxWithUserOnly() {
    ImapUrl u = ImapUrl.parse("imap://michael@minbari.example.org/users.*");
    assertThat(u.url().user()).contains("michael");
    assertThat(u.mailbox()).contains("users.*");
    assertThat(u.authMechanism()).isEmpty();
  }

  @Test
  void serverOnlyAndEncodedSemicolonInMailbox() {
    ImapUrl root = ImapUrl.parse("imaps://mail.example.org/");
    assertThat(root.mailbox()).isEmpty();
    assertThat(root.url().port()).isEqualTo(993);
    ImapUrl odd = ImapUrl.parse("imap://mail.example.org/a%3Bb;UIDVALIDITY=7");
    assertThat(odd.mailbox()).contains("a;b");
    assertThat(odd.uidValidity()).hasValue(7);
    assertThat(odd).hasToString("imap://mail.example.org/a%3Bb;UIDVALIDITY=7");
  }

  @Test
  void sectionIsDecoded() {
    ImapUrl u = ImapUrl.parse("imap://h/INBOX/;UID=3/;SECTION=HEADER.FIELDS%20(TO)");
    assertThat(u.section()).contains("HEADER.FIELDS (TO)");
    assertThat(ImapUrl.parse(u.toString()).section()).contains("HEADER.FIELDS (TO)");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "imap://h/INBOX;UIDVALIDITY=0",
        "imap://h/INBOX;UIDVALIDITY=4294967296",
        "imap://h/INBOX;FOO=1",
        "imap://h/INBOX/;UID=",
        "imap://h/INBOX/;UID=x",
        "imap://h/INBOX/;UID=1/;URLAUTH=anonymous:internal:91354a47",
        "imap://h/INBOX/;UID=1?ALL",
        "imap://h/;UID=1",
        "imap://h/INBOX/;SECTION=1",
        "imap://h/INBOX/;UID=1/;PARTIAL=x",
        "imap://h/INBOX%0D%0A/;UID=1",
        "imap://h/INBOX?SUBJECT%0D%0Ax",
        "imap://h/INBOX/;UID=1/;SECTION=1%00"
      })
  void malformedImapUrlsRejected(String text) {
    assertThatThrownBy(() -> ImapUrl.parse(text)).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void otherSchemesRejected() {
    assertThatThrownBy(() -> ImapUrl.parse("pop3://h/1"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("not an imap:// or imaps:// URL");
  }
}
