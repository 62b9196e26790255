package io.inetkit.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.inetkit.core.Trust;
import io.inetkit.testkit.InetkitServers;
import io.inetkit.testkit.InetkitServers.Listener;
import io.inetkit.testkit.ftp.FtpServer;
import io.inetkit.testkit.gopher.GopherServer;
import io.inetkit.testkit.mail.MailProtocol;
import io.inetkit.testkit.mail.MailServer;
import io.inetkit.testkit.mail.ReceivedMail;
import io.inetkit.testkit.telnet.TelnetServer;
import io.inetkit.testkit.tls.TestPki;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPSClient;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** The sample from docs/testkit.md: every protocol through a plain client, TLS verified. */
@InetkitTest
class InetkitTestSampleTest {

  @Test
  void injectsEveryServerAndTheSharedTlsMaterial(
      InetkitServers servers,
      MailServer mail,
      FtpServer ftp,
      TelnetServer telnet,
      GopherServer gopher,
      TestPki pki,
      Trust trust)
      throws IOException {
    assertThat(servers.mail()).isSameAs(mail);
    assertThat(servers.ftp()).isSameAs(ftp);
    assertThat(servers.telnet()).isSameAs(telnet);
    assertThat(servers.gopher()).isSameAs(gopher);
    assertThat(servers.pki()).isSameAs(pki).isSameAs(mail.pki()).isSameAs(ftp.pki());
    // The injected trust verifies a real TLS listener, certificate and host name.
    try (SSLSocket tls =
        (SSLSocket)
            trust
                .sslContext()
                .getSocketFactory()
                .createSocket("localhost", servers.port(Listener.IMAPS))) {
      trust.configure(tls, "localhost");
      tls.startHandshake();
      assertThat(tls.getSession().getPeerCertificates()).isNotEmpty();
    }
    assertThat(trust.isInsecure()).isFalse();
    assertThat(trust.verifiesHostname()).isTrue();
  }

  /** Runs twice: the per-test reset means each run sees exactly its own message. */
  @RepeatedTest(2)
  void sendsOverSmtpStartTlsAndReadsOverImapsAndPop3s(MailServer mail, TestPki pki)
      throws Exception {
    Session session = session(mail, pki.clientSslContext());
    MimeMessage m = new MimeMessage(session);
    m.setFrom(new InternetAddress(InetkitServers.email("alice")));
    m.setRecipient(Message.RecipientType.TO, new InternetAddress(InetkitServers.email("bob")));
    m.setSubject("hello bob");
    m.setText("sent over STARTTLS\r\n");
    try (Transport t = session.getTransport("smtp")) {
      t.connect("alice", "alice-secret");
      t.sendMessage(m, m.getAllRecipients());
    }

    List<ReceivedMail> got = mail.waitForMessages(1, Duration.ofSeconds(5));
    assertThat(got).hasSize(1);
    assertThat(got.get(0).recipient()).isEqualTo("bob@inetkit.test");
    for (String protocol : List.of("imaps", "pop3s")) {
      try (Store store = session.getStore(protocol)) {
        store.connect("bob", "bob-secret");
        Folder inbox = store.getFolder("INBOX");
        inbox.open(Folder.READ_ONLY);
        assertThat(inbox.getMessages()).as(protocol).hasSize(1);
        assertThat(inbox.getMessage(1).getSubject()).isEqualTo("hello bob");
        inbox.close(false);
      }
    }
  }

  private static Session session(MailServer mail, SSLContext trust) {
    Properties props = new Properties();
    props.put("mail.smtp.port", Integer.toString(mail.port(MailProtocol.SMTP_STARTTLS)));
    props.put("mail.smtp.starttls.enable", "true");
    props.put("mail.smtp.starttls.required", "true");
    props.put("mail.smtp.auth", "true");
    props.put("mail.imaps.port", Integer.toString(mail.port(MailProtocol.IMAPS)));
    props.put("mail.pop3s.port", Integer.toString(mail.port(MailProtocol.POP3S)));
    for (String p : List.of("smtp", "imaps", "pop3s")) {
      props.put("mail." + p + ".host", "localhost");
      props.put("mail." + p + ".ssl.checkserveridentity", "true");
      props.put("mail." + p + ".ssl.socketFactory", trust.getSocketFactory());
      props.put("mail." + p + ".timeout", "5000");
      props.put("mail." + p + ".connectiontimeout", "5000");
    }
    return Session.getInstance(props);
  }

  @RepeatedTest(2)
  void uploadsOverExplicitFtpsAndTheReadOnlyUserIsRefused(FtpServer ftp, TestPki pki)
      throws IOException {
    assertThat(ftp.exists("alice", "report.txt")).isFalse(); // reset before each repetition
    byte[] content = "quarterly numbers\n".getBytes(StandardCharsets.UTF_8);
    FTPSClient alice = ftps(ftp, pki, "alice", "alice-secret");
    try {
      assertThat(alice.storeFile("report.txt", new ByteArrayInputStream(content))).isTrue();
    } finally {
      alice.disconnect();
    }
    assertThat(ftp.read("alice", "report.txt")).isEqualTo(content);

    FTPSClient bob = ftps(ftp, pki, "bob", "bob-secret");
    try {
      assertThat(bob.storeFile("nope.txt", new ByteArrayInputStream(content))).isFalse();
      assertThat(bob.getReplyCode()).isEqualTo(550);
    } finally {
      bob.disconnect();
    }
    assertThat(ftp.exists("bob", "nope.txt")).isFalse();
  }

  private static FTPSClient ftps(FtpServer ftp, TestPki pki, String user, String password)
      throws IOException {
    FTPSClient client = new FTPSClient(false, pki.clientSslContext());
    client.setEndpointCheckingEnabled(true);
    client.setEnabledProtocols(new String[] {"TLSv1.2"}); // see FtpServerTest
    client.setDefaultTimeout(5_000);
    client.connect("localhost", ftp.port()); // AUTH TLS happens here
    assertThat(client.login(user, password)).isTrue();
    client.execPBSZ(0);
    client.execPROT("P");
    client.setFileType(FTP.BINARY_FILE_TYPE);
    client.enterLocalPassiveMode();
    return client;
  }

  @Test
  void logsInOverTelnetAndRunsAShellCommand(InetkitServers servers, TelnetServer telnet)
      throws IOException {
    java.nio.file.Files.writeString(servers.files().resolve("motd.txt"), "welcome\n");
    try (Socket s = new Socket("127.0.0.1", telnet.port())) {
      s.setSoTimeout(5_000);
      InputStream in = s.getInputStream();
      OutputStream out = s.getOutputStream();
      readUntil(in, out, "login: ");
      out.write("bob\r\n".getBytes(StandardCharsets.US_ASCII));
      readUntil(in, out, "Password: ");
      out.write("bob-secret\r\n".getBytes(StandardCharsets.US_ASCII));
      readUntil(in, out, "$ ");
      out.write("whoami\r\n".getBytes(StandardCharsets.US_ASCII));
      assertThat(readUntil(in, out, "$ ")).contains("bob");
      out.write("cat motd.txt\r\n".getBytes(StandardCharsets.US_ASCII));
      assertThat(readUntil(in, out, "$ ")).contains("welcome");
    }
    assertThat(telnet.lastConnection().user()).contains("bob");
  }

  /** Reads text until {@code marker}, refusing every option the server offers or asks for. */
  private static String readUntil(InputStream in, OutputStream out, String marker)
      throws IOException {
    StringBuilder text = new StringBuilder();
    while (!text.toString().endsWith(marker)) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("closed before " + marker + "; got " + text);
      }
      if (b != 255) {
        text.append((char) b);
        continue;
      }
      int verb = in.read();
      if (verb == 250) { // SB ... IAC SE
        int prev = 0;
        for (int c = in.read(); !(prev == 255 && c == 240); c = in.read()) {
          prev = c;
        }
      } else if (verb >= 251 && verb <= 254) { // WILL WONT DO DONT
        int option = in.read();
        if (verb == 251 || verb == 253) {
          out.write(new byte[] {(byte) 255, (byte) (verb == 251 ? 254 : 252), (byte) option});
        }
      }
    }
    return text.toString();
  }

  @Test
  void browsesGopherAndGophersWithAVerifiedCertificate(
      InetkitServers servers, GopherServer gopher, TestPki pki) throws IOException {
    gopher.file("docs/readme.txt", "Hello gopher\n");
    String menu;
    try (Socket s = new Socket("127.0.0.1", gopher.port())) {
      menu = exchange(s, "/docs");
    }
    assertThat(menu).contains("0readme.txt\t/docs/readme.txt\t127.0.0.1\t" + gopher.port());

    try (SSLSocket s =
        (SSLSocket)
            pki.clientSslContext()
                .getSocketFactory()
                .createSocket("localhost", servers.port(Listener.GOPHERS))) {
      SSLParameters params = s.getSSLParameters();
      params.setEndpointIdentificationAlgorithm("HTTPS");
      s.setSSLParameters(params);
      assertThat(exchange(s, "/docs/readme.txt")).isEqualTo("Hello gopher\r\n.\r\n");
    }
    assertThat(gopher.requests()).containsExactly("/docs", "/docs/readme.txt");
  }

  private static String exchange(Socket s, String selector) throws IOException {
    s.setSoTimeout(5_000);
    s.getOutputStream().write((selector + "\r\n").getBytes(StandardCharsets.US_ASCII));
    s.getOutputStream().flush();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    s.getInputStream().transferTo(body);
    return body.toString(StandardCharsets.UTF_8);
  }
}
