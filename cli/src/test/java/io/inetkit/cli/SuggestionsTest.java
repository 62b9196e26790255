package io.inetkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

  @Test
  void swapsInsertionsAndChangesAreTypos() {
    assertThat(Suggestions.distance("mial", "mail")).isEqualTo(1);
    assertThat(Suggestions.distance("--ouput", "--output")).isEqualTo(1);
    assertThat(Suggestions.distance("ftp", "fpt")).isEqualTo(1);
    assertThat(Suggestions.distance("gopher", "gohper")).isEqualTo(1);
  }

  @Test
  void suggestsOnlyNamesCloseEnough() {
    List<String> commands = List.of("mail", "ftp", "gopher", "telnet", "serve", "demo", "help");
    assertThat(Suggestions.nearest("mial", commands)).containsExactly("mail");
    assertThat(Suggestions.nearest("telent", commands)).containsExactly("telnet");
    assertThat(Suggestions.nearest("xyz", commands)).isEmpty();
    assertThat(Suggestions.nearest("http", commands)).isEmpty();
  }
}
