package io.inetkit.it;

import io.inetkit.testkit.ftp.FtpServer;
import io.inetkit.testkit.gopher.GopherServer;
import io.inetkit.testkit.mail.MailServer;
import io.inetkit.testkit.telnet.TelnetServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * One testkit server per protocol for the proxy tests, each with user {@code alice} (mail address
 * {@link #EMAIL}, password {@link #PASSWORD}; FTP's own default writer), a file to fetch over FTP
 * ({@link #FTP_FILE}) and over Gopher ({@code 0readme.txt}).
 */
final class ProxiedServers implements AutoCloseable {
  static final String EMAIL = "alice@example.org";
  static final String PASSWORD = "alice-pw";
  static final String FTP_FILE = "pub/a.txt";
  static final String FTP_TEXT = "through the tunnel\n";
  static final String GOPHER_TEXT = "gopher through the proxy\n";

  final MailServer mail;
  final FtpServer ftp;
  final GopherServer gopher;
  final TelnetServer telnet;

  ProxiedServers() throws IOException {
    mail = MailServer.start();
    mail.user(EMAIL, "alice", PASSWORD);
    ftp = FtpServer.start();
    ftp.put("alice", FTP_FILE, FTP_TEXT.getBytes(StandardCharsets.UTF_8));
    gopher = GopherServer.start();
    gopher.file("readme.txt", GOPHER_TEXT);
    telnet = TelnetServer.builder().user("alice", PASSWORD).start();
  }

  @Override
  public void close() {
    mail.close();
    ftp.close();
    gopher.close();
    telnet.close();
  }
}
