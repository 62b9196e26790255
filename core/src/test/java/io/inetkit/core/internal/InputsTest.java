package io.inetkit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inetkit.core.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InputsTest {

  @ParameterizedTest
  @ValueSource(strings = {"a\rb", "a\nb", "a\0b", "\r\n", "RCPT TO:<x>\r\nDATA"})
  void crLfNulRejectedWithParameterNameAndEscapedValue(String value) {
    assertThatThrownBy(() -> Inputs.requireNoControl("mailbox", value))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("mailbox: must not contain CR, LF or NUL (at index ")
        .hasMessageNotContaining("\r")
        .hasMessageNotContaining("\n")
        .satisfies(e -> assertThat(((InvalidInputException) e).parameter()).isEqualTo("mailbox"));
  }

  @Test
  void plainValuesPassUnchanged() {
    assertThat(Inputs.requireNoControl("path", "a b\tc/ü")).isEqualTo("a b\tc/ü");
    assertThat(Inputs.requireNonEmpty("user", "alice")).isEqualTo("alice");
    assertThat(Inputs.requireToken("flag", "\\Seen", 10)).isEqualTo("\\Seen");
    assertThat(Inputs.requireMaxLength("x", "abc", 3)).isEqualTo("abc");
    assertThat(Inputs.requireRange("n", 5, 1, 5)).isEqualTo(5);
  }

  @Test
  void nullEmptyAndTooLongRejected() {
    assertThatThrownBy(() -> Inputs.requireNoControl("p", null)).hasMessage("p: must not be null");
    assertThatThrownBy(() -> Inputs.requireNonEmpty("p", "")).hasMessage("p: must not be empty");
    assertThatThrownBy(() -> Inputs.requireMaxLength("p", "abcd", 3))
        .hasMessage("p: longer than 3 characters (4)");
    assertThatThrownBy(() -> Inputs.requireRange("n", 0, 1, 5))
        .hasMessage("n: must be between 1 and 5, was 0");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a b", "a\tb", "a\u007fb", "a\u0001b"})
  void tokensRejectWhiteSpaceAndControls(String value) {
    assertThatThrownBy(() -> Inputs.requireToken("flag", value, 100))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("white space or control");
  }

  @Test
  void hosts() {
    assertThat(Inputs.requireHost("host", "mail.example.org")).isEqualTo("mail.example.org");
    assertThat(Inputs.requireHost("host", "fe80::1%eth0")).isEqualTo("fe80::1%eth0");
    assertThat(Inputs.requireHost("host", "127.0.0.1")).isEqualTo("127.0.0.1");
    assertThatThrownBy(() -> Inputs.requireHost("host", "a/b"))
        .hasMessageContaining("not a valid host");
    assertThatThrownBy(() -> Inputs.requireHost("host", "[::1]"))
        .hasMessageContaining("not a valid host");
    assertThatThrownBy(() -> Inputs.requireHost("host", "a".repeat(254)))
        .hasMessageContaining("longer than 253");
  }

  @Test
  void quoteEscapesControlsQuotesAndBackslashesAndBoundsLength() {
    assertThat(Inputs.quote("a\r\n\0\t\"\\\u0001\u007fz"))
        .isEqualTo("\"a\\r\\n\\0\\t\\\"\\\\\\x01\\x7fz\"");
    assertThat(Inputs.quote(null)).isEqualTo("null");
    String quoted = Inputs.quote("x".repeat(500));
    assertThat(quoted).hasSize(200 + 3).endsWith("x…\"");
  }
}
