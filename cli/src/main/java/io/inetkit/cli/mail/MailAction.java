package io.inetkit.cli.mail;

import io.inetkit.cli.AuthOptions;
import io.inetkit.cli.NetworkCommand;
import io.inetkit.core.Credentials;
import io.inetkit.core.ImapUrl;
import io.inetkit.core.InetkitUrl;
import io.inetkit.core.NotFoundException;
import io.inetkit.core.Pop3Url;
import io.inetkit.core.Reply;
import io.inetkit.core.Scheme;
import io.inetkit.mail.imap.ImapClient;
import io.inetkit.mail.imap.ImapSession;
import io.inetkit.mail.imap.MessageRef;
import io.inetkit.mail.pop3.Pop3Client;
import io.inetkit.mail.pop3.Pop3Message;
import io.inetkit.mail.pop3.Pop3Session;
import io.inetkit.mail.smtp.SmtpClient;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import picocli.CommandLine.Mixin;

/** Base of the {@code inetkit mail} subcommands: URL parsing, login, and building clients. */
abstract class MailAction extends NetworkCommand {

  @Mixin AuthOptions auth;

  /**
   * Parses an {@code imap://} or {@code imaps://} URL (RFC 5092). The shorthand {@code
   * INBOX;UID=42} is read as the RFC form {@code INBOX/;UID=42}.
   */
  ImapUrl imapUrl(String text) {
    return ImapUrl.from(url(text.replaceFirst("(?<!/);UID=", "/;UID="), Scheme.IMAP, Scheme.IMAPS));
  }

  /** Parses an {@code imap[s]://} or {@code pop3[s]://} URL; check with {@link #isPop3}. */
  InetkitUrl readUrl(String text) {
    return url(
        text.replaceFirst("(?<!/);UID=", "/;UID="),
        Scheme.IMAP,
        Scheme.IMAPS,
        Scheme.POP3,
        Scheme.POP3S);
  }

  /** Returns whether {@code url} is a POP3 URL. */
  static boolean isPop3(InetkitUrl url) {
    return url.scheme() == Scheme.POP3 || url.scheme() == Scheme.POP3S;
  }

  /** Returns a POP3 client for {@code url} with every shared option applied. */
  Pop3Client pop3(InetkitUrl u) throws IOException {
    Credentials login = login(u);
    return Pop3Client.builder()
        .endpoint(u.endpoint())
        .tlsMode(tls.mode(u.tlsMode()))
        .trust(tls.trust())
        .timeouts(timeouts.timeouts())
        .events(output.events())
        .credentials(login)
        .plaintextLogin(tls.plaintextLogin(true))
        .build();
  }

  /**
   * Returns an SMTP client for {@code url}: it logs in only when a user is known (from the URL,
   * {@code --user} or {@code .netrc}).
   */
  SmtpClient smtp(InetkitUrl u) throws IOException {
    SmtpClient.Builder b =
        SmtpClient.builder()
            .endpoint(u.endpoint())
            .tlsMode(tls.mode(u.tlsMode()))
            .trust(tls.trust())
            .timeouts(timeouts.timeouts())
            .events(output.events());
    java.util.Optional<Credentials> login = auth.credentials(u);
    login.ifPresent(b::credentials);
    return b.plaintextLogin(tls.plaintextLogin(login.isPresent())).build();
  }

  /**
   * Returns the UIDL of the POP3 message named by {@code --uidl} or by the URL's message number
   * ({@code pop3s://host/3}).
   */
  String uidl(Pop3Session pop3, InetkitUrl url, String uidl) throws IOException {
    if (uidl != null) {
      return uidl;
    }
    OptionalInt number = Pop3Url.from(url).messageNumber();
    if (number.isEmpty()) {
      throw usage("which message? add its number to the URL (pop3s://host/3) or give --uidl");
    }
    return pop3.list().stream()
        .filter(m -> m.number() == number.getAsInt())
        .findFirst()
        .map(Pop3Message::uidl)
        .orElseThrow(
            () ->
                new NotFoundException(
                    "RETR " + number.getAsInt(),
                    url.endpoint(),
                    new Reply(
                        "-ERR", "no message " + number.getAsInt(), Reply.Kind.PERMANENT_NEGATIVE),
                    null));
  }

  /** Returns the folder a URL names, {@code INBOX} when none. */
  static String folder(ImapUrl url) {
    return url.mailbox().filter(m -> !m.isEmpty()).orElse("INBOX");
  }

  /** Returns the credentials for {@code url}; mail servers need a login. */
  Credentials login(InetkitUrl url) throws IOException {
    return auth.credentials(url)
        .orElseThrow(() -> usage("log in as whom? add user@ to the URL or --user USER"));
  }

  /** Returns an IMAP client for {@code url} with every shared option applied. */
  ImapClient imap(ImapUrl url) throws IOException {
    InetkitUrl u = url.url();
    Credentials login = login(u);
    return ImapClient.builder()
        .endpoint(u.endpoint())
        .tlsMode(tls.mode(u.tlsMode()))
        .trust(tls.trust())
        .timeouts(timeouts.timeouts())
        .events(output.events())
        .credentials(login)
        .plaintextLogin(tls.plaintextLogin(true))
        .build();
  }

  /**
   * Returns the messages named by {@code ;UID=n} in the URL and by {@code --uid}, checked against
   * the URL's {@code ;UIDVALIDITY=} when given, else against the folder's current one.
   */
  List<MessageRef> refs(ImapSession imap, ImapUrl url, List<Long> extraUids) throws IOException {
    List<Long> uids = new ArrayList<>();
    url.uid().ifPresent(uids::add);
    if (extraUids != null) {
      uids.addAll(extraUids);
    }
    if (uids.isEmpty()) {
      throw usage("which message? add ;UID=n to the URL (e.g. imaps://host/INBOX;UID=42) or --uid");
    }
    String folder = folder(url);
    long validity =
        url.uidValidity().isPresent()
            ? url.uidValidity().getAsLong()
            : imap.status(folder).uidValidity();
    return uids.stream().map(uid -> new MessageRef(folder, validity, uid)).toList();
  }
}
