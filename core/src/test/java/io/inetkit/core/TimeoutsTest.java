package io.inetkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimeoutsTest {

  @Test
  void defaultsAreFinite() {
    assertThat(Timeouts.DEFAULT.connect()).isEqualTo(Duration.ofSeconds(30));
    assertThat(Timeouts.DEFAULT.read()).isEqualTo(Duration.ofSeconds(60));
    assertThat(Timeouts.DEFAULT.overall()).isEqualTo(Duration.ofHours(1));
    assertThat(Timeouts.DEFAULT.connectMillis()).isEqualTo(30_000);
    assertThat(Timeouts.DEFAULT.readMillis()).isEqualTo(60_000);
  }

  @Test
  void withersReplaceOneLimit() {
    Timeouts t =
        Timeouts.DEFAULT
            .withRead(Duration.ofSeconds(10))
            .withConnect(Duration.ofSeconds(2))
            .withOverall(Duration.ofMinutes(5));
    assertThat(t)
        .isEqualTo(
            new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofMinutes(5)));
  }

  @Test
  void zeroNegativeTooLargeAndNullRejected() {
    assertThatThrownBy(() -> Timeouts.DEFAULT.withConnect(Duration.ZERO))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("connect: timeout must be positive, was PT0S");
    assertThatThrownBy(() -> Timeouts.DEFAULT.withRead(Duration.ofSeconds(-1)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("read: timeout must be positive");
    assertThatThrownBy(() -> Timeouts.DEFAULT.withOverall(Duration.ofDays(25)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("overall: timeout too large");
    assertThatThrownBy(() -> Timeouts.DEFAULT.withRead(null))
        .isInstanceOf(NullPointerException.class);
    assertThat(Timeouts.DEFAULT.withOverall(Duration.ofDays(24)).overall())
        .isEqualTo(Duration.ofDays(24));
  }

  @ParameterizedTest
  @CsvSource({
    "250, 250 ms",
    "999, 999 ms",
    "1000, 1 s",
    "1500, 1.5 s",
    "30000, 30 s",
    "90000, 90 s",
    "119000, 119 s",
    "120000, 2 min",
    "150000, 150 s",
    "3600000, 60 min"
  })
  void formatsForMessages(long millis, String expected) {
    assertThat(Timeouts.format(Duration.ofMillis(millis))).isEqualTo(expected);
  }
}
