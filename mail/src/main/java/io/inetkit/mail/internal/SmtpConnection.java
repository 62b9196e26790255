package io.inetkit.mail.internal;

import io.inetkit.core.ConnectionClosedException;
import io.inetkit.core.ConnectionSettings;
import io.inetkit.core.Credentials;
import io.inetkit.core.Endpoint;
import io.inetkit.core.EventListener;
import io.inetkit.core.InetkitException;
import io.inetkit.core.InetkitTimeoutException;
import io.inetkit.core.LimitExceededException;
import io.inetkit.core.PlaintextLogin;
import io.inetkit.core.ProtocolReplyException;
import io.inetkit.core.ProtocolViolationException;
import io.inetkit.core.Proxies;
import io.inetkit.core.Reply;
import io.inetkit.core.Timeouts;
import io.inetkit.core.TlsException;
import io.inetkit.core.TlsMode;
import io.inetkit.core.Trust;
import io.inetkit.core.internal.BoundedLineReader;
import io.inetkit.core.internal.Connector;
import io.inetkit.core.internal.Deadline;
import io.inetkit.core.internal.Inputs;
import io.inetkit.core.internal.Redaction;
import io.inetkit.core.internal.ReplyText;
import io.inetkit.mail.OutgoingMessage;
import io.inetkit.mail.smtp.SmtpCapabilities;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SMTP connection (RFC 5321): greeting, EHLO, STARTTLS as the {@link TlsMode} demands, AUTH,
 * then commands and message data. Replies are read with bounded lines and a bounded number of
 * lines; every failure is a typed {@link InetkitException} naming the server, the command and the
 * reply. Once the connection is {@link #isBroken() broken} (closed, timed out, 421) it must be
 * replaced.
 */
public final class SmtpConnection implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(SmtpConnection.class);
  private static final int MAX_LINE = 8192;
  private static final int MAX_REPLY_LINES = 512;

  /**
   * Everything needed to open a connection: the client's {@link ConnectionSettings} and the name
   * sent with EHLO. The accessors below read the connection settings; {@link #credentials()} is
   * null when the client does not log in.
   */
  public record Settings(ConnectionSettings connection, String ehloName) {
    /** Checks that neither part is null. */
    public Settings {
      Objects.requireNonNull(connection, "connection");
      Objects.requireNonNull(ehloName, "ehloName");
    }

    /** Returns the server. */
    public Endpoint endpoint() {
      return connection.endpoint();
    }

    /** Returns how TLS is used. */
    public TlsMode tlsMode() {
      return connection.tlsMode();
    }

    /** Returns the trust. */
    public Trust trust() {
      return connection.trust();
    }

    /** Returns the login, or null for none. */
    public Credentials credentials() {
      return connection.credentials().orElse(null);
    }

    /** Returns the time limits. */
    public Timeouts timeouts() {
      return connection.timeouts();
    }

    /** Returns the event listener. */
    public EventListener events() {
      return connection.eventListener();
    }

    /** Returns whether a login may travel without TLS. */
    public PlaintextLogin plaintextLogin() {
      return connection.plaintextLogin();
    }

    /** {@return the proxies the connection goes through} */
    public Proxies proxy() {
      return connection.proxy();
    }
  }

  private final Settings settings;
  private final Endpoint endpoint;
  private final Deadline deadline;
  private Socket socket;
  private BoundedLineReader in;
  private OutputStream out;
  private SmtpCapabilities capabilities;
  private boolean broken;
  private boolean dataCommitted;
  private boolean inTransaction;
  private long mailsWritten; // MAIL FROM commands written so far
  private long dataOfMail = -1; // the MAIL FROM whose data was written last
  private boolean unflushedData; // message data is in the buffer, not sent yet

  private SmtpConnection(Settings settings, Socket socket, Deadline deadline) throws IOException {
    this.settings = settings;
    this.endpoint = settings.endpoint();
    this.deadline = deadline;
    attach(socket);
  }

  private void attach(Socket s) throws IOException {
    this.socket = s;
    deadline.watch(s);
    this.in = new BoundedLineReader(s.getInputStream(), MAX_LINE, endpoint);
    this.out = new BufferedOutputStream(s.getOutputStream(), 64 * 1024);
  }

  /**
   * Connects, reads the greeting, says EHLO, upgrades with STARTTLS as required, and logs in when
   * credentials are set.
   *
   * <p>Runs under {@code deadline} (the caller has started it): every step checks it, and its
   * watchdog closes the connection when it passes, so a greeting or reply that drips in, or never
   * comes, ends as an {@link InetkitTimeoutException} naming the step.
   *
   * @throws TlsException when STARTTLS is required but not offered or refused (before any
   *     credentials or message bytes were sent), or TLS verification fails
   */
  public static SmtpConnection open(Settings s, Deadline deadline) throws InetkitException {
    if (s.credentials() != null
        && s.tlsMode() == TlsMode.NONE
        && s.plaintextLogin() == PlaintextLogin.REFUSED) {
      s.plaintextLogin()
          .checkCleartext(
              "AUTH as " + s.credentials().user(), s.endpoint()); // throws: no connection
    }
    deadline.enter(s.tlsMode().isImplicit() ? "connect and TLS handshake" : "connect");
    Timeouts bounded =
        s.timeouts().withConnect(Duration.ofMillis(deadline.clamp(s.timeouts().connectMillis())));
    Socket socket;
    try {
      socket =
          Connector.connect(
              s.endpoint(),
              s.proxy()
                  .select(
                      s.tlsMode().isImplicit()
                          ? io.inetkit.core.Scheme.SMTPS
                          : io.inetkit.core.Scheme.SMTP,
                      s.endpoint().host())
                  .orElse(null),
              s.tlsMode().isImplicit(),
              s.trust(),
              bounded,
              s.events());
    } catch (InetkitException e) {
      throw (InetkitException) deadline.explain(e);
    }
    SmtpConnection c;
    try {
      if (!s.tlsMode().isImplicit()) {
        Connector.expectPlainGreeting(
            socket, s.endpoint(), "smtps"); // not an SMTPS port in silence
      }
      c = new SmtpConnection(s, socket, deadline);
    } catch (IOException e) {
      Connector.closeQuietly(socket);
      throw Connector.translate(e, "connect", s.endpoint(), s.timeouts().connect());
    }
    try {
      deadline.enter("greeting");
      Reply greeting = c.readReply("the greeting");
      if (greeting.code() != 220) {
        throw new ProtocolReplyException("connect (greeting)", s.endpoint(), greeting, null);
      }
      c.capabilities = c.ehlo(greeting.text());
      if (s.tlsMode().isStartTls()) {
        c.startTls(greeting.text());
      }
      if (s.credentials() != null) {
        SmtpAuthenticator.login(c, s.credentials());
      }
      return c;
    } catch (InetkitException | RuntimeException e) {
      c.abort();
      throw e;
    }
  }

  private void startTls(String greeting) throws InetkitException {
    boolean required = settings.tlsMode() == TlsMode.STARTTLS_REQUIRED;
    if (!capabilities.supports("STARTTLS")) {
      if (required) {
        throw new TlsException(
            "STARTTLS is required but the server does not offer it (EHLO offered "
                + capabilities.extensions().keySet()
                + "); nothing else was sent",
            endpoint,
            null);
      }
      LOG.warn("{} does not offer STARTTLS; continuing in plain text (opportunistic)", endpoint);
      return;
    }
    Reply r = command("STARTTLS");
    if (r.code() != 220) {
      if (required) {
        throw new TlsException(
            "STARTTLS refused: " + r + "; nothing else was sent", endpoint, null);
      }
      LOG.warn("{} refused STARTTLS ({}); continuing in plain text (opportunistic)", endpoint, r);
      return;
    }
    deadline.enter("TLS handshake");
    Socket tls;
    try {
      tls =
          Connector.startTls(
              socket, endpoint, settings.trust(), settings.timeouts(), settings.events());
    } catch (InetkitException e) {
      broken = true;
      throw (InetkitException) deadline.explain(e);
    }
    attachQuietly(tls);
    capabilities = ehlo(greeting);
  }

  private void attachQuietly(Socket tls) throws InetkitException {
    try {
      attach(tls);
    } catch (IOException e) {
      broken = true;
      throw Connector.translate(e, "TLS", endpoint, settings.timeouts().read());
    }
  }

  private SmtpCapabilities ehlo(String greeting) throws InetkitException {
    Reply r = command("EHLO " + settings.ehloName());
    if (!r.isPositive()) {
      Reply helo = command("HELO " + settings.ehloName());
      if (!helo.isPositive()) {
        throw new ProtocolReplyException("HELO " + settings.ehloName(), endpoint, helo, null);
      }
      return new SmtpCapabilities(greeting, firstWord(helo.text()), Map.of());
    }
    String[] lines = r.text().split("\n");
    Map<String, String> ext = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i].strip();
      if (!line.isEmpty()) {
        int sp = line.indexOf(' ');
        String key = (sp < 0 ? line : line.substring(0, sp)).toUpperCase(Locale.ROOT);
        ext.putIfAbsent(key, sp < 0 ? "" : line.substring(sp + 1).strip());
      }
    }
    return new SmtpCapabilities(greeting, firstWord(lines[0]), ext);
  }

  private static String firstWord(String s) {
    String t = s.strip();
    int sp = t.indexOf(' ');
    return sp < 0 ? t : t.substring(0, sp);
  }

  /** Returns the server's EHLO capabilities (after STARTTLS, if done). */
  public SmtpCapabilities capabilities() {
    return capabilities;
  }

  /** Returns the server's address. */
  public Endpoint endpoint() {
    return endpoint;
  }

  /** Returns whether the connection is encrypted (implicit TLS or after STARTTLS). */
  public boolean isTls() {
    return socket instanceof javax.net.ssl.SSLSocket;
  }

  /** Returns the settings this connection was opened with. */
  public Settings settings() {
    return settings;
  }

  /** Returns whether the connection can no longer be used (closed, timed out, 421). */
  public boolean isBroken() {
    return broken;
  }

  /** Returns whether the end of the current message's data was sent (the server may have it). */
  public boolean isDataCommitted() {
    return dataCommitted;
  }

  /**
   * Returns whether a mail transaction was started (MAIL FROM sent) and has not ended with the
   * server accepting the message data or with RSET: the server may still hold its sender or
   * recipients, so the next transaction must begin with {@link #reset()}. A transaction the server
   * completed needs no RSET (RFC 5321 section 4.1.1.4).
   */
  public boolean inTransaction() {
    return inTransaction;
  }

  /** Sends one command line and returns the reply (of any kind). */
  public Reply command(String line) throws InetkitException {
    return command(line, Redaction.command(line));
  }

  /** Sends a command whose text holds a secret; {@code shown} is used in events and errors. */
  public Reply command(String line, String shown) throws InetkitException {
    Inputs.requireNoControl("command", line);
    write(line, shown);
    flush(shown);
    return readReply(shown);
  }

  /**
   * Sends several commands in one write without waiting for replies (PIPELINING, RFC 2920); read
   * their replies in order with {@link #reply(String)}. None may hold a secret.
   */
  public void send(List<String> lines) throws InetkitException {
    for (String line : lines) {
      Inputs.requireNoControl("command", line); // all checked before any is sent
    }
    sendWatched(lines, lines.get(lines.size() - 1));
  }

  /**
   * Writes {@code lines} and flushes. When message data is still in the buffer (a pipelined batch)
   * it goes out first, watched as while it was streamed: a server that stops reading it is a
   * timeout after the read timeout.
   */
  private void sendWatched(List<String> lines, String shown) throws InetkitException {
    if (!unflushedData) {
      for (String line : lines) {
        write(line, Redaction.command(line));
      }
      flush(shown);
      return;
    }
    WriteWatchdog watchdog = new WriteWatchdog(socket, settings.timeouts().read(), () -> 0L);
    try (watchdog) {
      for (String line : lines) {
        write(line, Redaction.command(line));
      }
      flush(shown);
    } catch (InetkitException e) {
      if (watchdog.fired()) {
        throw new InetkitTimeoutException(
            "sending the end of the message data: the server stopped reading",
            endpoint,
            settings.timeouts().read(),
            InetkitTimeoutException.Limit.READ,
            e);
      }
      throw e;
    }
  }

  /** Reads the reply to a command sent with {@link #send(List)}; {@code what} names it. */
  public Reply reply(String what) throws InetkitException {
    return readReply(what);
  }

  private void write(String line, String shown) throws InetkitException {
    if (line.startsWith("MAIL ")) {
      dataCommitted = false;
      inTransaction = true;
      mailsWritten++;
    }
    try {
      deadline.enter(shown);
    } catch (InetkitTimeoutException e) {
      broken = true;
      throw e;
    }
    settings.events().commandSent(endpoint, shown);
    try {
      out.write(line.getBytes(StandardCharsets.UTF_8));
      out.write('\r');
      out.write('\n');
    } catch (IOException e) {
      broken = true;
      throw Connector.translate(
          deadline.explain(e), "sending " + shown, endpoint, settings.timeouts().read());
    }
  }

  private void flush(String shown) throws InetkitException {
    try {
      out.flush();
      unflushedData = false;
    } catch (IOException e) {
      broken = true;
      throw Connector.translate(
          deadline.explain(e), "sending " + shown, endpoint, settings.timeouts().read());
    }
  }

  /** Reads one (possibly multi-line) reply to {@code what}. */
  Reply readReply(String what) throws InetkitException {
    List<String> texts = new ArrayList<>();
    int code = -1;
    try {
      while (true) {
        String line = in.readLine();
        if (line == null) {
          broken = true;
          deadline.check(); // the watchdog closed it
          throw new ConnectionClosedException(
              "connection closed by the server while waiting for the reply to " + what,
              endpoint,
              null);
        }
        if (line.indexOf('\0') >= 0) {
          broken = true;
          throw ReplyText.nulByte("waiting for the reply to " + what, endpoint, line);
        }
        int c = parseCode(line, what);
        if (code >= 0 && c != code) {
          throw violation("reply lines with different codes", line, what);
        }
        code = c;
        texts.add(line.length() > 4 ? line.substring(4) : "");
        if (texts.size() > MAX_REPLY_LINES) {
          broken = true;
          throw new LimitExceededException(
              "reply to " + what + " has too many lines", endpoint, MAX_REPLY_LINES);
        }
        if (line.length() == 3 || line.charAt(3) == ' ') {
          break;
        }
      }
    } catch (InetkitException e) {
      broken = true;
      throw e;
    } catch (IOException e) {
      broken = true;
      IOException explained = deadline.explain(e);
      if (explained == e && e instanceof java.net.SocketTimeoutException) {
        throw new InetkitTimeoutException(
            "waiting for the reply to " + what + " from " + endpoint,
            endpoint,
            settings.timeouts().read(),
            InetkitTimeoutException.Limit.READ,
            e);
      }
      throw Connector.translate(
          explained, "waiting for the reply to " + what, endpoint, settings.timeouts().read());
    }
    Reply reply = Reply.numeric(code, String.join("\n", texts));
    settings.events().replyReceived(endpoint, reply.toString());
    if (code == 421) {
      broken = true; // the server is closing the connection
    }
    return reply;
  }

  private int parseCode(String line, String what) throws ProtocolViolationException {
    if (line.length() < 3
        || !isDigit(line.charAt(0))
        || !isDigit(line.charAt(1))
        || !isDigit(line.charAt(2))
        || (line.length() > 3 && line.charAt(3) != ' ' && line.charAt(3) != '-')) {
      throw violation("malformed reply line", line, what);
    }
    int code = (line.charAt(0) - '0') * 100 + (line.charAt(1) - '0') * 10 + (line.charAt(2) - '0');
    if (code < 200 || code > 599) {
      throw violation("reply code out of range", line, what);
    }
    return code;
  }

  private static boolean isDigit(char ch) {
    return ch >= '0' && ch <= '9';
  }

  private ProtocolViolationException violation(String problem, String line, String what) {
    broken = true;
    return new ProtocolViolationException(
        problem
            + " from "
            + endpoint
            + " waiting for the reply to "
            + what
            + ": "
            + Inputs.quote(line),
        endpoint,
        null);
  }

  /**
   * Sends DATA, streams the message (dot-stuffed, CRLF line ends) and returns the server's reply to
   * the end of the data.
   */
  public Reply data(OutgoingMessage message) throws InetkitException {
    Reply go = command("DATA");
    if (go.code() != 354) {
      throw new ProtocolReplyException("DATA", endpoint, go, null);
    }
    return content(message);
  }

  /**
   * Streams the message after the server said 354 to DATA and returns its reply to the end of the
   * data; a positive reply ends the transaction.
   */
  public Reply content(OutgoingMessage message) throws InetkitException {
    return content(message, null);
  }

  /** Like {@link #content(OutgoingMessage)}, sending {@code measured}'s bytes if it kept them. */
  public Reply content(OutgoingMessage message, MimeComposer.Measured measured)
      throws InetkitException {
    writeContent(message, measured, true);
    return endOfDataReply();
  }

  /**
   * Writes the message after the server said 354 to DATA, with its terminating dot, into the
   * connection's buffer without flushing it: a pipelined batch sends the next message's envelope in
   * the same write and reads the reply later with {@link #endOfDataReply()}. From here on {@link
   * #isDataCommitted()} is true: the server may hold the message.
   */
  public void writeContent(OutgoingMessage message, MimeComposer.Measured measured)
      throws InetkitException {
    writeContent(message, measured, false);
  }

  private void writeContent(OutgoingMessage message, MimeComposer.Measured measured, boolean flush)
      throws InetkitException {
    SmtpDataOutputStream data = new SmtpDataOutputStream(out);
    deadline.phase("sending message data");
    WriteWatchdog watchdog = new WriteWatchdog(socket, settings.timeouts().read(), data::count);
    try (watchdog) {
      MimeComposer.write(message, measured, data);
      dataCommitted = true; // from the final dot on, the server may take the message
      data.finish();
      dataOfMail = mailsWritten;
      unflushedData = true;
      if (flush) {
        out.flush();
        unflushedData = false;
      }
    } catch (LocalSourceException e) {
      dataCommitted = false;
      abort(); // the server must not take a truncated message
      throw new InetkitException(
          e.getMessage()
              + "; the connection was dropped so the server discards the partial message",
          endpoint,
          e);
    } catch (IOException e) {
      broken = true;
      String what = "sending message data (after " + data.count() + " bytes)";
      if (watchdog.fired()) {
        throw new InetkitTimeoutException(
            what + ": the server stopped reading",
            endpoint,
            settings.timeouts().read(),
            InetkitTimeoutException.Limit.READ,
            e);
      }
      throw Connector.translate(deadline.explain(e), what, endpoint, settings.timeouts().read());
    }
  }

  /**
   * Sends what is still buffered and reads the reply to the end of the data written by {@link
   * #writeContent}; a positive reply ends that transaction (unless a later MAIL FROM was pipelined
   * after it, which opened the next one).
   */
  public Reply endOfDataReply() throws InetkitException {
    sendWatched(List.of(), "the end of the message data");
    deadline.phase("waiting for the reply to the end of the message data");
    Reply fin = readReply("the end of the message data");
    if (fin.isPositive() && dataOfMail == mailsWritten) {
      inTransaction = false; // the server completed the transaction: no RSET needed
    }
    return fin;
  }

  /**
   * Ends data the server invited (354 to a pipelined DATA) although the transaction had already
   * failed, with the final dot alone as RFC 2920 section 3.1 asks; returns the server's reply. The
   * transaction stays open, so the next one begins with RSET.
   */
  public Reply endEmptyData() throws InetkitException {
    write(".", ".");
    flush(".");
    return readReply("the end of empty data");
  }

  /**
   * Resets the transaction; marks the connection broken if that fails. Whatever the server held of
   * an earlier message is settled by then, so {@link #isDataCommitted()} is false from here on (a
   * 421 or a dropped connection at RSET does not count against the next message).
   */
  public void reset() throws InetkitException {
    dataCommitted = false;
    Reply r = command("RSET");
    if (!r.isPositive()) {
      broken = true;
      throw new ProtocolReplyException("RSET", endpoint, r, null);
    }
    inTransaction = false;
  }

  /** Drops the connection without QUIT. */
  public void abort() {
    broken = true;
    Connector.closeQuietly(socket);
    deadline.unwatch(socket);
  }

  /** Says QUIT (unless broken) and closes; never throws. */
  @Override
  public void close() {
    if (!broken && !socket.isClosed()) {
      try {
        command("QUIT");
      } catch (InetkitException e) {
        LOG.debug("QUIT to {} failed: {}", endpoint, e.getMessage());
      }
    }
    broken = true;
    Connector.closeQuietly(socket);
    deadline.unwatch(socket);
    settings.events().closed(endpoint);
  }
}
