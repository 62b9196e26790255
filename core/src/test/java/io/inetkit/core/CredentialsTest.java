package io.inetkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CredentialsTest {

  @Test
  void passwordIsCopiedAndNeverShown() {
    char[] mine = "hunter2".toCharArray();
    Credentials c = Credentials.password("alice", mine);
    Arrays.fill(mine, 'x');
    assertThat(c.secretAsString()).isEqualTo("hunter2");
    assertThat(c.user()).isEqualTo("alice");
    assertThat(c.kind()).isEqualTo(Credentials.Kind.PASSWORD);
    assertThat(c).hasToString("Credentials[user=alice, PASSWORD=***]");
    char[] copy = c.secret();
    copy[0] = 'X';
    assertThat(c.secret()).containsExactly("hunter2".toCharArray());
  }

  @Test
  void oauth2TokenIsAskedAtEachUse() {
    AtomicInteger calls = new AtomicInteger();
    Credentials c = Credentials.oauth2("bob@example.org", () -> "token-" + calls.incrementAndGet());
    assertThat(c.kind()).isEqualTo(Credentials.Kind.OAUTH2_TOKEN);
    assertThat(c.secretAsString()).isEqualTo("token-1");
    assertThat(c.secretAsString()).isEqualTo("token-2");
    assertThat(c.toString())
        .isEqualTo("Credentials[user=bob@example.org, OAUTH2_TOKEN=***]")
        .doesNotContain("token-");
  }

  @Test
  void secretsWithCrLfNulRejectedWithoutQuotingThem() {
    assertThatThrownBy(() -> Credentials.password("alice", "hun\r\nter2".toCharArray()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("secret: must not contain CR, LF or NUL");
    Credentials lazy = Credentials.password("alice", () -> "x\0y".toCharArray());
    assertThatThrownBy(lazy::secret).hasMessage("secret: must not contain CR, LF or NUL");
    Credentials token = Credentials.oauth2("alice", () -> "tok\nen");
    assertThatThrownBy(token::secretAsString).hasMessage("secret: must not contain CR, LF or NUL");
  }

  @Test
  void nullFromSupplierIsReportedNotNpe() {
    assertThatThrownBy(Credentials.password("a", () -> null)::secret)
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("secret: the secret supplier returned null");
    assertThatThrownBy(Credentials.oauth2("a", () -> null)::secret)
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("secret: the secret supplier returned null");
  }

  @Test
  void badUsersRejected() {
    assertThatThrownBy(() -> Credentials.password("", "p".toCharArray()))
        .hasMessage("user: must not be empty");
    assertThatThrownBy(() -> Credentials.password("a\r\nRSET", "p".toCharArray()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("user: must not contain CR, LF or NUL");
  }

  @Test
  void fromEnvironment() {
    String name =
        System.getenv().keySet().stream()
            .filter(
                k ->
                    k.matches("[A-Za-z_][A-Za-z0-9_]*")
                        && !System.getenv(k).matches("(?s).*[\r\n\0].*"))
            .findFirst()
            .orElseThrow();
    Credentials c = Credentials.fromEnvironment("alice", name);
    assertThat(c.secretAsString()).isEqualTo(System.getenv(name));
    assertThat(c.toString())
        .doesNotContain(System.getenv(name).isEmpty() ? "\u0001" : System.getenv(name));
    assertThatThrownBy(
            () -> Credentials.fromEnvironment("alice", "INETKIT_SURELY_UNSET_VARIABLE_42"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("variable: environment variable INETKIT_SURELY_UNSET_VARIABLE_42 is not set");
    assertThatThrownBy(() -> Credentials.fromEnvironment("alice", "A B"))
        .isInstanceOf(InvalidInputException.class);
  }
}
