package io.inetkit.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inetkit.core.Credentials;
import io.inetkit.core.InetkitUrl;
import io.inetkit.core.TlsMode;
import io.inetkit.mail.imap.ImapClient;
import io.inetkit.mail.pop3.Pop3Client;
import io.inetkit.mail.smtp.SmtpClient;
import org.junit.jupiter.api.Test;

/** The mail builders recompute the port's TLS default on newBuilder() and take URLs. */
class MailClientBuilderTest {
  private static final Credentials ALICE = Credentials.password("alice", "pw".toCharArray());

  @Test
  void smtpImplicitTlsFrom465IsRecomputedOn587() {
    SmtpClient submissions = SmtpClient.builder().endpoint("127.0.0.1", 465).build();
    assertThat(submissions.tlsMode()).isEqualTo(TlsMode.IMPLICIT);

    SmtpClient submission = submissions.newBuilder().endpoint("127.0.0.1", 587).build();

    assertThat(submission.tlsMode()).isEqualTo(TlsMode.STARTTLS_REQUIRED);
  }

  @Test
  void imapImplicitTlsFrom993IsRecomputedOn143() {
    ImapClient imaps = ImapClient.builder().endpoint("127.0.0.1", 993).credentials(ALICE).build();
    assertThat(imaps.tlsMode()).isEqualTo(TlsMode.IMPLICIT);

    ImapClient imap = imaps.newBuilder().endpoint("127.0.0.1", 143).build();

    assertThat(imap.tlsMode()).isEqualTo(TlsMode.STARTTLS_REQUIRED);
  }

  @Test
  void pop3ImplicitTlsFrom995IsRecomputedOn110() {
    Pop3Client pop3s = Pop3Client.builder().endpoint("127.0.0.1", 995).credentials(ALICE).build();
    assertThat(pop3s.tlsMode()).isEqualTo(TlsMode.IMPLICIT);

    Pop3Client pop3 = pop3s.newBuilder().endpoint("127.0.0.1", 110).build();

    assertThat(pop3.tlsMode()).isEqualTo(TlsMode.STARTTLS_REQUIRED);
  }

  @Test
  void anExplicitTlsModeSurvivesNewBuilder() {
    SmtpClient plain =
        SmtpClient.builder().endpoint("127.0.0.1", 465).tlsMode(TlsMode.NONE).build();

    assertThat(plain.newBuilder().endpoint("127.0.0.1", 2525).build().tlsMode())
        .isEqualTo(TlsMode.NONE);
  }

  @Test
  void smtpCredentialsAreOptional() {
    SmtpClient anonymous = SmtpClient.builder().endpoint("127.0.0.1", 587).build();
    assertThat(anonymous.credentials()).isEmpty();

    assertThat(anonymous.newBuilder().credentials(ALICE).build().credentials()).contains(ALICE);
  }

  @Test
  void urlsSetServerTlsAndLogin() {
    SmtpClient smtps =
        SmtpClient.builder().url(InetkitUrl.parse("smtps://alice:pw@127.0.0.1")).build();
    assertThat(smtps.endpoint().port()).isEqualTo(465);
    assertThat(smtps.tlsMode()).isEqualTo(TlsMode.IMPLICIT);
    assertThat(smtps.credentials().orElseThrow().user()).isEqualTo("alice");

    ImapClient imap =
        ImapClient.builder()
            .url(InetkitUrl.parse("imap://127.0.0.1:1143/INBOX"))
            .credentials(ALICE)
            .build();
    assertThat(imap.endpoint().port()).isEqualTo(1143);
    assertThat(imap.tlsMode()).isEqualTo(TlsMode.STARTTLS_REQUIRED);

    Pop3Client pop3s =
        Pop3Client.builder().url(InetkitUrl.parse("pop3s://alice:pw@127.0.0.1")).build();
    assertThat(pop3s.endpoint().port()).isEqualTo(995);
    assertThat(pop3s.tlsMode()).isEqualTo(TlsMode.IMPLICIT);
  }

  @Test
  void aUrlOfAnotherProtocolIsRefused() {
    assertThatThrownBy(() -> ImapClient.builder().url(InetkitUrl.parse("pop3://127.0.0.1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("imap");
  }
}
