package io.inetkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReplyTest {

  @ParameterizedTest
  @CsvSource({
    "150, INTERMEDIATE",
    "220, POSITIVE",
    "250, POSITIVE",
    "334, INTERMEDIATE",
    "421, TRANSIENT_NEGATIVE",
    "452, TRANSIENT_NEGATIVE",
    "550, PERMANENT_NEGATIVE",
    "599, PERMANENT_NEGATIVE",
    "100, INTERMEDIATE"
  })
  void numericKindFromFirstDigit(int code, Reply.Kind kind) {
    Reply r = Reply.numeric(code, "text");
    assertThat(r.kind()).isEqualTo(kind);
    assertThat(r.code()).isEqualTo(code);
    assertThat(r.status()).isEqualTo(Integer.toString(code));
    assertThat(r.isPositive()).isEqualTo(kind == Reply.Kind.POSITIVE);
    assertThat(r.isTransient()).isEqualTo(kind == Reply.Kind.TRANSIENT_NEGATIVE);
    assertThat(r.isPermanent()).isEqualTo(kind == Reply.Kind.PERMANENT_NEGATIVE);
  }

  @Test
  void codesOutOfRangeRejected() {
    assertThatThrownBy(() -> Reply.numeric(99, "x")).hasMessage("reply code out of range: 99");
    assertThatThrownBy(() -> Reply.numeric(600, "x")).hasMessage("reply code out of range: 600");
  }

  @Test
  void textIsBoundedAndNullBecomesEmpty() {
    Reply big = Reply.numeric(550, "x".repeat(10_000));
    assertThat(big.text()).hasSize(Reply.MAX_TEXT + 1).endsWith("x…");
    Reply none = new Reply("NO", null, Reply.Kind.PERMANENT_NEGATIVE);
    assertThat(none.text()).isEmpty();
    assertThat(none).hasToString("NO");
    assertThat(none.code()).isEqualTo(-1);
  }

  @Test
  void toStringIsStatusAndText() {
    assertThat(Reply.numeric(452, "4.2.2 Mailbox full")).hasToString("452 4.2.2 Mailbox full");
    assertThat(new Reply("-ERR", "no such message", Reply.Kind.PERMANENT_NEGATIVE))
        .hasToString("-ERR no such message");
  }

  @Test
  void statusAndKindRequired() {
    assertThatThrownBy(() -> new Reply(" ", "x", Reply.Kind.POSITIVE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Reply(null, "x", Reply.Kind.POSITIVE))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new Reply("OK", "x", null)).isInstanceOf(NullPointerException.class);
  }
}
