package io.inetkit.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inetkit.core.AuthenticationException;
import io.inetkit.core.Credentials;
import io.inetkit.core.InvalidInputException;
import io.inetkit.core.LimitExceededException;
import io.inetkit.core.NotFoundException;
import io.inetkit.core.TlsException;
import io.inetkit.mail.pop3.Pop3Client;
import io.inetkit.mail.pop3.Pop3Message;
import io.inetkit.mail.pop3.Pop3Session;
import io.inetkit.mail.pop3.Pop3Status;
import io.inetkit.testkit.mail.MailProtocol;
import io.inetkit.testkit.mail.MailServer;
import io.inetkit.testkit.tls.TestPki;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class Pop3SessionTest {
  static MailServer server;
  @TempDir Path dir;

  @BeforeAll
  static void startServer() throws Exception {
    server = MailServer.start();
    server.user(ReadFixture.USER, ReadFixture.PASSWORD);
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @BeforeEach
  void clean() {
    server.purge();
  }

  @ParameterizedTest
  @EnumSource(
      value = MailProtocol.class,
      names = {"POP3", "POP3S", "POP3_STARTTLS"})
  void capaStatListTopRetrOverEveryTlsMode(MailProtocol protocol) throws Exception {
    server.deliver(ReadFixture.USER, ReadFixture.message("first", "one\r\n.leading dot"));
    server.deliver(ReadFixture.USER, ReadFixture.message("second", "two"));
    byte[] expected = server.received().get(0).raw();
    try (Pop3Session pop3 = ReadFixture.pop3(server, protocol).open()) {
      // GreenMail does not list TOP, but answers it; SASL keeps its mechanisms
      assertThat(pop3.capabilities()).contains("UIDL", "SASL PLAIN XOAUTH2");
      Pop3Status stat = pop3.stat();
      assertThat(stat.messages()).isEqualTo(2);
      List<Pop3Message> list = pop3.list();
      assertThat(list).hasSize(2);
      assertThat(stat.bytes()).isEqualTo(list.get(0).size() + list.get(1).size());
      assertThat(list.get(0).uidl()).isNotEqualTo(list.get(1).uidl());

      String headers = pop3.headers(list.get(0).uidl());
      assertThat(headers).contains("Subject: first").doesNotContain("leading dot");

      ByteArrayOutputStream out = new ByteArrayOutputStream();
      long n = pop3.download(list.get(0).uidl(), out);
      assertThat(out.toByteArray()).isEqualTo(expected);
      assertThat(n).isEqualTo(expected.length);
      assertThat(out.toString(StandardCharsets.UTF_8))
          .contains("\r\n.leading dot"); // dot-unstuffed

      Path target = dir.resolve("second.eml");
      pop3.download(list.get(1).uidl(), target);
      assertThat(Files.readAllBytes(target)).isEqualTo(server.received().get(1).raw());
    }
  }

  @Test
  void lineLimitCountsEachLineAcrossReadsOfAStreamedMessage() throws Exception {
    // lines just under the 8 KiB limit: 20 of them span many reads
    String nearLimit = String.join("\r\n", java.util.Collections.nCopies(20, "x".repeat(8000)));
    server.deliver(ReadFixture.USER, ReadFixture.message("long lines", nearLimit));
    Pop3Client client =
        ReadFixture.pop3(server, MailProtocol.POP3).newBuilder().maxLineLength(8 * 1024).build();
    try (Pop3Session pop3 = client.open()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      pop3.download(pop3.list().get(0).uidl(), out);
      assertThat(out.toByteArray()).isEqualTo(server.received().get(0).raw());
    }
    server.purge();
    server.deliver(ReadFixture.USER, ReadFixture.message("too long", "y".repeat(9000)));
    try (Pop3Session pop3 = client.open()) {
      String uidl = pop3.list().get(0).uidl();
      assertThatThrownBy(() -> pop3.download(uidl, new ByteArrayOutputStream()))
          .isInstanceOf(LimitExceededException.class)
          .hasMessageContaining("line longer than 8192 bytes");
    }
  }

  @Test
  void deletionsHappenAtQuitOnly() throws Exception {
    server.deliver(ReadFixture.USER, ReadFixture.message("a", "a"));
    server.deliver(ReadFixture.USER, ReadFixture.message("b", "b"));
    Pop3Client client = ReadFixture.pop3(server, MailProtocol.POP3S);
    try (Pop3Session pop3 = client.open()) {
      pop3.delete(pop3.list().get(0).uidl());
      assertThat(server.received()).hasSize(2); // not yet: POP3 commits at QUIT
    }
    assertThat(server.received()).extracting(m -> m.subject()).containsExactly("b");
  }

  @Test
  void unknownUidlIsNotFoundAndBadUidlRejected() throws Exception {
    try (Pop3Session pop3 = ReadFixture.pop3(server, MailProtocol.POP3S).open()) {
      assertThatThrownBy(() -> pop3.download("nope", new ByteArrayOutputStream()))
          .isInstanceOf(NotFoundException.class)
          .hasMessageContaining("nope");
      assertThatThrownBy(() -> pop3.delete("x\r\nDELE 1"))
          .isInstanceOf(InvalidInputException.class);
    }
  }

  @Test
  void xoauth2TokenLogin() throws Exception {
    server.deliver(ReadFixture.USER, ReadFixture.message("tok", "t"));
    Pop3Client client =
        ReadFixture.pop3(server, MailProtocol.POP3S)
            .newBuilder()
            .credentials(Credentials.oauth2(ReadFixture.USER, () -> ReadFixture.PASSWORD))
            .build();
    try (Pop3Session pop3 = client.open()) {
      assertThat(pop3.stat().messages()).isEqualTo(1);
    }
  }

  @Test
  void wrongPasswordAndWrongCertificate() {
    Pop3Client base = ReadFixture.pop3(server, MailProtocol.POP3S);
    assertThatThrownBy(
            () ->
                base.newBuilder()
                    .credentials(Credentials.password(ReadFixture.USER, "bad".toCharArray()))
                    .build()
                    .open())
        .isInstanceOf(AuthenticationException.class)
        .hasMessageNotContaining("bad");
    assertThatThrownBy(() -> base.newBuilder().trust(TestPki.create().clientTrust()).build().open())
        .isInstanceOf(TlsException.class);
  }
}
