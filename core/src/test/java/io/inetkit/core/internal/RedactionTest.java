package io.inetkit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedactionTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "PASS hunter2|PASS ***",
        "pass hunter2|pass ***",
        "PASS\thunter2|PASS ***",
        "ACCT secret-account|ACCT ***",
        "AUTH PLAIN AGFsaWNlAGh1bnRlcjI=|AUTH PLAIN ***",
        "AUTH XOAUTH2 dXNlcj1ib2IBYXV0aD1CZWFyZXIgdG9rAQE=|AUTH XOAUTH2 ***",
        "a1 LOGIN alice hunter2|a1 LOGIN alice ***",
        "a1 login alice \"pass with space\"|a1 login alice ***",
        "a2 AUTHENTICATE PLAIN AGFsaWNlAGh1bnRlcjI=|a2 AUTHENTICATE PLAIN ***",
        "LOGIN alice hunter2|LOGIN alice ***",
        "APOP mrose c4c9334bac560ecc979e58001b3e22fb|APOP mrose ***",
        "USER alice|USER alice",
        "AUTH TLS|AUTH TLS",
        "AUTH PLAIN|AUTH PLAIN",
        "RETR 1|RETR 1",
        "a3 SELECT INBOX|a3 SELECT INBOX",
        "PASS|PASS"
      })
  void redactsSecretsOnly(String line, String expected) {
    assertThat(Redaction.command(line)).isEqualTo(expected);
  }

  @Test
  void nullStaysNull() {
    assertThat(Redaction.command(null)).isNull();
  }
}
