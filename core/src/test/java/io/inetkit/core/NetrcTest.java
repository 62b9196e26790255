package io.inetkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetrcTest {
  private static final String FILE =
      String.join(
          "\n",
          "# a comment line with machine fake login x password y",
          "machine example.com",
          "  login alice",
          "  password \"pa ss\\\"word\\\\\"",
          "",
          "machine other.example.org login bob password bobpw account acct1",
          "macdef init",
          "cd /pub",
          "machine evil login mallory password macro-body-is-skipped",
          "",
          "machine OTHER.example.org login carol password carolpw",
          "machine nopass.example.org login dave",
          "default login anonymous password guest@example.org",
          "");

  @Test
  void parsesMachinesQuotedTokensMacdefAndDefault() {
    Netrc netrc = Netrc.parse(FILE);
    assertThat(netrc.entries())
        .extracting(Netrc.Entry::machine)
        .containsExactly(
            "example.com", "other.example.org", "OTHER.example.org", "nopass.example.org", null);
    assertThat(netrc.credentials("example.com"))
        .hasValueSatisfying(
            c -> {
              assertThat(c.user()).isEqualTo("alice");
              assertThat(c.secretAsString()).isEqualTo("pa ss\"word\\");
            });
    assertThat(netrc.find("other.example.org", null)).map(Netrc.Entry::account).contains("acct1");
    assertThat(netrc.find("evil", null)).map(Netrc.Entry::isDefault).contains(true);
  }

  @Test
  void lookupIsCaseInsensitiveByHostAndFiltersByLogin() {
    Netrc netrc = Netrc.parse(FILE);
    assertThat(netrc.credentials("Other.Example.ORG")).map(Credentials::user).contains("bob");
    assertThat(netrc.credentials("other.example.org", "carol"))
        .map(Credentials::secretAsString)
        .contains("carolpw");
  }

  @Test
  void defaultEntryWhenNoMachineMatches() {
    Netrc netrc = Netrc.parse(FILE);
    assertThat(netrc.credentials("unknown.example.net"))
        .hasValueSatisfying(
            c -> {
              assertThat(c.user()).isEqualTo("anonymous");
              assertThat(c.secretAsString()).isEqualTo("guest@example.org");
            });
    assertThat(netrc.credentials("unknown.example.net", "zed")).isEmpty();
    assertThat(netrc.credentials("example.com", "zed")).isEmpty();
  }

  @Test
  void entryWithoutPasswordGivesNoCredentials() {
    Netrc netrc = Netrc.parse(FILE);
    assertThat(netrc.find("nopass.example.org", null)).map(Netrc.Entry::login).contains("dave");
    assertThat(netrc.credentials("nopass.example.org")).isEmpty();
  }

  @Test
  void tokensMaySpanLinesAndTabs() {
    Netrc netrc = Netrc.parse("machine\n\thost.example\r\nlogin\n  u1\npassword\tp1\n");
    assertThat(netrc.credentials("host.example")).map(Credentials::secretAsString).contains("p1");
  }

  @Test
  void noDefaultAndEmptyFileFindNothing() {
    assertThat(Netrc.parse("machine a login b password c").credentials("z")).isEmpty();
    assertThat(Netrc.parse("").isEmpty()).isTrue();
    assertThat(Netrc.EMPTY.credentials("a")).isEmpty();
  }

  @Test
  void secretWithEscapedNewlineIsRejectedWithoutQuotingIt() {
    Netrc netrc = Netrc.parse("machine h login u password \"bad\\nsecret\"");
    assertThatThrownBy(() -> netrc.credentials("h"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageNotContaining("secret\"")
        .hasMessageNotContaining("bad");
  }

  @Test
  void toStringNeverShowsSecrets() {
    Netrc netrc = Netrc.parse(FILE);
    assertThat(netrc.toString()).isEqualTo("Netrc[5 entries]");
    String entries = netrc.entries().toString();
    assertThat(entries).contains("login=bob", "password=***", "account=***", "machine=default");
    assertThat(entries).doesNotContain("bobpw", "acct1", "pa ss", "guest@example.org");
  }

  @Test
  void missingFileIsEmpty(@TempDir Path dir) throws Exception {
    assertThat(Netrc.load(dir.resolve("no-such-netrc")).isEmpty()).isTrue();
  }

  @Test
  void utf8AndLatin1Files(@TempDir Path dir) throws Exception {
    Path utf8 = dir.resolve("utf8");
    Files.write(
        utf8, "machine h login jos\u00e9 password p\u00e4ss\n".getBytes(StandardCharsets.UTF_8));
    assertThat(Netrc.load(utf8).credentials("h"))
        .map(Credentials::secretAsString)
        .contains("p\u00e4ss");
    Path latin1 = dir.resolve("latin1");
    Files.write(
        latin1,
        "machine h login jos\u00e9 password p\u00e4ss\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThat(Netrc.load(latin1).credentials("h")).map(Credentials::user).contains("jos\u00e9");
  }

  @Test
  void defaultFileIsNetrcVariableOrHome() {
    String env = System.getenv("NETRC");
    Path expected =
        env == null || env.isBlank()
            ? Path.of(System.getProperty("user.home"), ".netrc")
            : Path.of(env);
    assertThat(Netrc.defaultFile()).isEqualTo(expected);
  }

  @Test
  void warnsWithoutSecretWhenGroupOrOthersMayRead(@TempDir Path dir) throws Exception {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    Path file = dir.resolve("netrc");
    Files.writeString(file, "machine h login u password topsecret\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    String log = stderrOf(() -> assertThat(Netrc.load(file).credentials("h")).isPresent());
    assertThat(log).contains("WARN", file.toString(), "chmod 600").doesNotContain("topsecret");

    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    assertThat(Netrc.isExposed(file)).isFalse();
    assertThat(stderrOf(() -> Netrc.load(file))).doesNotContain("WARN");
  }

  private interface Action {
    void run() throws Exception;
  }

  private static String stderrOf(Action action) throws Exception {
    PrintStream old = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      action.run();
    } finally {
      System.setErr(old);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }
}
