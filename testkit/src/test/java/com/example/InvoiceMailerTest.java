package com.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.inetkit.testkit.InetkitServers;
import io.inetkit.testkit.InetkitServers.Service;
import io.inetkit.testkit.ftp.FtpServer;
import io.inetkit.testkit.junit.InetkitTest;
import io.inetkit.testkit.mail.MailProtocol;
import io.inetkit.testkit.mail.MailServer;
import io.inetkit.testkit.mail.ReceivedMail;
import io.inetkit.testkit.tls.TestPki;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Properties;
import org.apache.commons.net.ftp.FTPSClient;
import org.junit.jupiter.api.Test;

/** The docs/testkit.md example, compiled and run. */
@InetkitTest(services = {Service.SMTP, Service.FTP}) // omit services for all six
class InvoiceMailerTest {

  @Test
  void mailsTheInvoiceOverStartTls(MailServer mail, TestPki pki) throws Exception {
    // "your code": Jakarta Mail on the STARTTLS port, verifying the test CA and the host name
    Properties p = new Properties();
    p.put("mail.smtp.host", "localhost");
    p.put("mail.smtp.port", String.valueOf(mail.port(MailProtocol.SMTP_STARTTLS)));
    p.put("mail.smtp.starttls.required", "true");
    p.put("mail.smtp.auth", "true");
    p.put("mail.smtp.ssl.checkserveridentity", "true");
    p.put("mail.smtp.ssl.socketFactory", pki.clientSslContext().getSocketFactory());
    MimeMessage m = new MimeMessage(Session.getInstance(p));
    m.setFrom("shop@example.com");
    m.setRecipient(Message.RecipientType.TO, new InternetAddress("bob@inetkit.test"));
    m.setSubject("Invoice 42");
    m.setText("Please pay.");
    Transport.send(m, "alice", "alice-secret"); // default users: alice, bob

    ReceivedMail got = mail.waitForMessages(1, Duration.ofSeconds(5)).get(0);
    assertThat(got.recipient()).isEqualTo("bob@inetkit.test");
    assertThat(got.subject()).isEqualTo("Invoice 42");
  } // mail is purged before the next test

  @Test
  void downloadsOverImplicitFtps(InetkitServers servers, FtpServer ftp) throws Exception {
    ftp.put("bob", "in/invoice-42.txt", "42 EUR".getBytes()); // bob is read-only on FTP
    FTPSClient client = new FTPSClient(true, servers.pki().clientSslContext());
    client.setEndpointCheckingEnabled(true);
    client.setEnabledProtocols(new String[] {"TLSv1.2"}); // Commons Net and TLS 1.3: see FtpServer
    client.connect("localhost", ftp.implicitTlsPort());
    client.login("bob", "bob-secret");
    client.execPBSZ(0);
    client.execPROT("P");
    client.enterLocalPassiveMode();
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    assertThat(client.retrieveFile("in/invoice-42.txt", got)).isTrue();
    client.disconnect();
    assertThat(got.toString()).isEqualTo("42 EUR");
  }
}
