package io.inetkit.cli.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.inetkit.cli.CliRun;
import io.inetkit.testkit.mail.MailProtocol;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code --cacert} with a password-protected PKCS#12 trust store (a Java truststore.p12). */
class CacertPasswordTest {
  @RegisterExtension static final MailCliServer mail = new MailCliServer();
  @TempDir Path dir;

  private Path trustStore() throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setCertificateEntry("ca", mail.server().pki().caCertificate());
    Path file = dir.resolve("truststore.p12");
    try (OutputStream out = Files.newOutputStream(file)) {
      store.store(out, "changeit".toCharArray());
    }
    return file;
  }

  private CliRun cli() {
    return mail.cli(dir).variable("TRUST_PW", "changeit");
  }

  @Test
  void passwordProtectedTrustStoreWorksWithItsPasswordFromTheEnvironmentOrAFile() throws Exception {
    String inbox = mail.url(MailProtocol.IMAPS) + "/INBOX";
    String store = trustStore().toString();
    CliRun cli = cli();
    assertThat(
            cli.run("mail", "list", inbox, "--cacert", store, "--cacert-password-env", "TRUST_PW"))
        .as(cli.err())
        .isZero();
    Path pwFile = Files.writeString(dir.resolve("trust-pw"), "changeit\n");
    assertThat(
            cli.run(
                "mail",
                "list",
                inbox,
                "--cacert",
                store,
                "--cacert-password-file",
                pwFile.toString()))
        .as(cli.err())
        .isZero();
  }

  @Test
  void missingOrWrongPasswordIsAUsageErrorThatNamesTheFileButNoSecret() throws Exception {
    String inbox = mail.url(MailProtocol.IMAPS) + "/INBOX";
    String store = trustStore().toString();
    CliRun cli = cli().variable("BAD_PW", "hunter2");
    assertThat(cli.run("mail", "list", inbox, "--cacert", store)).isEqualTo(2);
    assertThat(cli.err()).contains("truststore.p12").contains("password-protected");
    assertThat(cli.run("mail", "list", inbox, "--cacert", store, "--cacert-password-env", "BAD_PW"))
        .isEqualTo(2);
    assertThat(cli.err()).contains("wrong password").doesNotContain("hunter2");
    assertThat(cli.run("mail", "list", inbox, "--cacert-password-env", "TRUST_PW")).isEqualTo(2);
    assertThat(cli.err()).contains("no --cacert FILE");
  }

  @Test
  void helpSaysTheFileReplacesTheSystemCas() {
    CliRun cli = cli();
    assertThat(cli.run("mail", "list", "--help")).isZero();
    assertThat(cli.out().replaceAll("\\s+", " "))
        .contains("replace the system's CAs")
        .contains("--cacert-password-env")
        .contains("--cacert-password-file");
  }
}
