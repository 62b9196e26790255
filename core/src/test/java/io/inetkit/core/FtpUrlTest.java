package io.inetkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FtpUrlTest {

  @Test
  void rfc1738PathWithType() {
    FtpUrl u = FtpUrl.parse("ftp://anonymous@ftp.example.org/pub/README;type=a");
    assertThat(u.segments()).containsExactly("pub", "README");
    assertThat(u.path()).isEqualTo("pub/README");
    assertThat(u.fileName()).contains("README");
    assertThat(u.typeCode()).contains(FtpUrl.TypeCode.ASCII);
    assertThat(u.isDirectory()).isFalse();
    assertThat(u).hasToString("ftp://anonymous@ftp.example.org/pub/README;type=a");
  }

  @Test
  void rfc1738MyHostExample() {
    // RFC 1738 section 3.2.2: ftp://myname@host.dom/%2Fetc/motd names /etc/motd
    FtpUrl u = FtpUrl.parse("ftp://myname@host.dom/%2Fetc/motd");
    assertThat(u.segments()).containsExactly("/etc", "motd");
    assertThat(u.path()).isEqualTo("/etc/motd");
    assertThat(u).hasToString("ftp://myname@host.dom/%2Fetc/motd");
    FtpUrl rel = FtpUrl.parse("ftp://myname@host.dom/etc/motd");
    assertThat(rel.path()).isEqualTo("etc/motd");
  }

  @Test
  void directoriesByTrailingSlashOrTypeD() {
    FtpUrl slash = FtpUrl.parse("ftps://ftp.example.org/pub/");
    assertThat(slash.isDirectory()).isTrue();
    assertThat(slash.segments()).containsExactly("pub");
    assertThat(slash.fileName()).isEmpty();
    assertThat(slash.url().port()).isEqualTo(990);
    assertThat(slash).hasToString("ftps://ftp.example.org/pub/");
    FtpUrl typeD = FtpUrl.parse("ftp://ftp.example.org/pub;TYPE=D");
    assertThat(typeD.isDirectory()).isTrue();
    assertThat(typeD.typeCode()).contains(FtpUrl.TypeCode.DIRECTORY);
    assertThat(typeD).hasToString("ftp://ftp.example.org/pub;type=d");
    FtpUrl root = FtpUrl.parse("ftp://ftp.example.org");
    assertThat(root.isDirectory()).isTrue();
    assertThat(root.path()).isEmpty();
    assertThat(root).hasToString("ftp://ftp.example.org/");
  }

  @Test
  void imageTypeAndEncodedNames() {
    FtpUrl u = FtpUrl.parse("ftp://alice:pw@[::1]:2121/my%20dir/a%3Fb%3Bc.bin;type=i");
    assertThat(u.segments()).containsExactly("my dir", "a?b;c.bin");
    assertThat(u.typeCode()).contains(FtpUrl.TypeCode.IMAGE);
    assertThat(u.typeCode().orElseThrow().code()).isEqualTo('i');
    assertThat(u).hasToString("ftp://alice:***@[::1]:2121/my%20dir/a%3Fb%3Bc.bin;type=i");
  }

  @Test
  void semicolonThatIsNoTypeStaysInTheName() {
    assertThat(FtpUrl.parse("ftp://h/file;v2").fileName()).contains("file;v2");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ftp://h/f;type=x",
        "ftp://h/f;type=",
        "ftp://h/f?x",
        "ftp://h/a%0D%0ADELE%20x",
        "ftp://h/a%00",
        "gopher://h/1"
      })
  void malformedFtpUrlsRejected(String text) {
    assertThatThrownBy(() -> FtpUrl.parse(text)).isInstanceOf(InvalidInputException.class);
  }
}
