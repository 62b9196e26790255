package io.inetkit.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.inetkit.core.Credentials;
import io.inetkit.core.Endpoint;
import io.inetkit.core.EventListener;
import io.inetkit.core.TlsMode;
import io.inetkit.core.Trust;
import io.inetkit.mail.PreparedMessage;
import io.inetkit.mail.imap.ImapClient;
import io.inetkit.mail.imap.ImapSession;
import io.inetkit.mail.imap.MessageRef;
import io.inetkit.mail.imap.SearchCriteria;
import io.inetkit.mail.pop3.Pop3Client;
import io.inetkit.mail.pop3.Pop3Message;
import io.inetkit.mail.pop3.Pop3Session;
import io.inetkit.mail.smtp.SendReceipt;
import io.inetkit.mail.smtp.SmtpClient;
import io.inetkit.testkit.mail.Dovecot;
import io.inetkit.testkit.mail.MailUser;
import io.inetkit.testkit.mail.Postfix;
import io.inetkit.testkit.mail.RealMail;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Security;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The mail library's main journey against {@link RealMail}: send a message through one Postfix
 * service, then read it back over IMAP (STARTTLS), IMAPS, POP3 (STLS) and POP3S and check the
 * bytes. Runs in the test JVM ({@link RealMailLibraryIT}, TLS 1.3) and, through {@link #main}, in a
 * child JVM whose JDK can only negotiate one TLS version (a JVM-wide setting).
 */
final class LibraryMailJourney {
  private LibraryMailJourney() {}

  /** Where the servers are and how to log in: what a child JVM needs, as a properties file. */
  record Target(Map<String, Integer> ports, Path caPem, Map<String, String> passwords) {
    static Target of(RealMail mail, List<String> logins) {
      Map<String, Integer> ports = new HashMap<>();
      for (Dovecot.Listener l : Dovecot.Listener.values()) {
        ports.put(l.name(), mail.port(l));
      }
      for (Postfix.Listener l : Postfix.Listener.values()) {
        ports.put(l.name(), mail.port(l));
      }
      Map<String, String> passwords = new HashMap<>();
      logins.forEach(login -> passwords.put(login, mail.user(login).password()));
      return new Target(ports, mail.caPem(), passwords);
    }

    void write(Path file) throws IOException {
      Properties p = new Properties();
      ports.forEach((k, v) -> p.setProperty("port." + k, Integer.toString(v)));
      passwords.forEach((k, v) -> p.setProperty("password." + k, v));
      p.setProperty("ca", caPem.toString());
      try (OutputStream out = Files.newOutputStream(file)) {
        p.store(out, null);
      }
    }

    static Target read(Path file) throws IOException {
      Properties p = new Properties();
      try (InputStream in = Files.newInputStream(file)) {
        p.load(in);
      }
      Map<String, Integer> ports = new HashMap<>();
      Map<String, String> passwords = new HashMap<>();
      for (String key : p.stringPropertyNames()) {
        if (key.startsWith("port.")) {
          ports.put(key.substring(5), Integer.parseInt(p.getProperty(key)));
        } else if (key.startsWith("password.")) {
          passwords.put(key.substring(9), p.getProperty(key));
        }
      }
      return new Target(ports, Path.of(p.getProperty("ca")), passwords);
    }

    int port(Enum<?> listener) {
      return ports.get(listener.name());
    }

    Credentials login(String login) {
      return Credentials.password(login, passwords.get(login).toCharArray());
    }

    SmtpClient smtp(PostfixRoute route, EventListener events) {
      SmtpClient.Builder b =
          SmtpClient.builder()
              .endpoint("127.0.0.1", port(route.listener))
              .tlsMode(route.tls)
              .trust(Trust.fromFile(caPem))
              .events(events);
      if (route.login) {
        b.credentials(login("alice"));
      }
      return b.build();
    }

    ImapClient imap(String login, Dovecot.Listener listener, EventListener events) {
      return ImapClient.builder()
          .endpoint("127.0.0.1", port(listener))
          .tlsMode(
              listener == Dovecot.Listener.IMAPS ? TlsMode.IMPLICIT : TlsMode.STARTTLS_REQUIRED)
          .trust(Trust.fromFile(caPem))
          .credentials(login(login))
          .events(events)
          .build();
    }

    Pop3Client pop3(String login, Dovecot.Listener listener, EventListener events) {
      return Pop3Client.builder()
          .endpoint("127.0.0.1", port(listener))
          .tlsMode(
              listener == Dovecot.Listener.POP3S ? TlsMode.IMPLICIT : TlsMode.STARTTLS_REQUIRED)
          .trust(Trust.fromFile(caPem))
          .credentials(login(login))
          .events(events)
          .build();
    }
  }

  /** Records the TLS versions negotiated. */
  static final class TlsVersions extends EventListener {
    final List<String> protocols = new CopyOnWriteArrayList<>();

    @Override
    public void tlsEnd(Endpoint endpoint, String protocol, String cipherSuite) {
      protocols.add(protocol);
    }
  }

  /** Sends {@code eml} through {@code route} and checks that Postfix accepted it for {@code to}. */
  static void send(Target target, PostfixRoute route, Path eml, String to, EventListener events)
      throws Exception {
    SendReceipt receipt = target.smtp(route, events).send(PreparedMessage.of(eml));
    assertThat(receipt.accepted())
        .extracting(r -> r.recipient().address())
        .containsExactly(to + "@" + MailUser.DOMAIN);
    assertThat(receipt.finalReply().code()).isEqualTo(250);
  }

  /**
   * Sends a new message to {@code to} (whose mailbox must be empty) through {@code route}, waits
   * until Dovecot has it, reads it over every Dovecot listener and checks the bytes; returns the
   * TLS versions of the five connections (one SMTP, four reading).
   */
  static List<String> sendAndReadBack(Target target, PostfixRoute route, String to, Path dir)
      throws Exception {
    String token = "lib-" + to + "-" + route.name().toLowerCase(Locale.ROOT);
    Path eml =
        RealMailMessages.write(dir, "alice@" + MailUser.DOMAIN, to + "@" + MailUser.DOMAIN, token);
    TlsVersions tls = new TlsVersions();
    send(target, route, eml, to, tls);
    awaitOneMessage(target, to);
    for (Dovecot.Listener listener : List.of(Dovecot.Listener.IMAP, Dovecot.Listener.IMAPS)) {
      try (ImapSession session = target.imap(to, listener, tls).open()) {
        List<MessageRef> refs = session.search("INBOX", SearchCriteria.all());
        assertThat(refs).as(listener.name()).hasSize(1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        session.download(refs.get(0), out);
        RealMailMessages.assertSameBytes(out.toByteArray(), eml, route + " -> " + listener);
      }
    }
    for (Dovecot.Listener listener : List.of(Dovecot.Listener.POP3, Dovecot.Listener.POP3S)) {
      try (Pop3Session session = target.pop3(to, listener, tls).open()) {
        List<Pop3Message> messages = session.list();
        assertThat(messages).as(listener.name()).hasSize(1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        session.download(messages.get(0).uidl(), out);
        RealMailMessages.assertSameBytes(out.toByteArray(), eml, route + " -> " + listener);
      }
    }
    return tls.protocols;
  }

  /** Postfix delivers a moment after it accepted: polls IMAP for up to 30 s. */
  private static void awaitOneMessage(Target target, String login) throws Exception {
    long deadline = System.nanoTime() + 30_000_000_000L;
    ImapClient imap = target.imap(login, Dovecot.Listener.IMAPS, EventListener.NONE);
    while (true) {
      try (ImapSession session = imap.open()) {
        if (!session.search("INBOX", SearchCriteria.all()).isEmpty()) {
          return;
        }
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no message for " + login + " within 30 s");
      }
      Thread.sleep(100);
    }
  }

  /**
   * Child JVM: {@code TLS-VERSION TARGET-FILE DIR RECIPIENT-SUFFIX}. Disables the other TLS
   * version, runs {@link #sendAndReadBack} for every route (recipient: the route's name plus the
   * suffix) and prints {@code OK} and the negotiated versions; exits 1 on failure.
   */
  public static void main(String[] args) throws Exception {
    String version = args[0];
    String other = version.equals("TLSv1.2") ? "TLSv1.3" : "TLSv1.2";
    Security.setProperty(
        "jdk.tls.disabledAlgorithms",
        Security.getProperty("jdk.tls.disabledAlgorithms") + ", " + other);
    Target target = Target.read(Path.of(args[1]));
    List<String> all = new java.util.ArrayList<>();
    for (PostfixRoute route : PostfixRoute.values()) {
      all.addAll(sendAndReadBack(target, route, route.recipient + args[3], Path.of(args[2])));
    }
    System.out.println("OK " + all);
  }
}
