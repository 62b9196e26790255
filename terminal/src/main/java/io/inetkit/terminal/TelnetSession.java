package io.inetkit.terminal;

import io.inetkit.core.AuthenticationException;
import io.inetkit.core.ConnectionClosedException;
import io.inetkit.core.Credentials;
import io.inetkit.core.Endpoint;
import io.inetkit.core.EventListener;
import io.inetkit.core.InetkitException;
import io.inetkit.core.InetkitTimeoutException;
import io.inetkit.core.InvalidInputException;
import io.inetkit.core.LimitExceededException;
import io.inetkit.core.Reply;
import io.inetkit.core.Timeouts;
import io.inetkit.core.internal.Deadline;
import io.inetkit.core.internal.Inputs;
import io.inetkit.core.internal.Redaction;
import io.inetkit.terminal.internal.BoundedTranscript;
import io.inetkit.terminal.internal.CommonsNetTelnet;
import io.inetkit.terminal.internal.ControlSequences;
import io.inetkit.terminal.internal.ExpectBuffer;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Telnet connection, for scripting a remote prompt the way Python's {@code telnetlib} did:
 * {@code send}/{@code sendLine}, {@code expect} a literal or regex with a timeout, {@code
 * readUntil}, {@code login} and {@code run}. Not thread-safe (the {@link TelnetTerminalBridge} is
 * the one exception, reading and writing on two threads); {@link #close()} is idempotent.
 *
 * <pre>{@code
 * try (TelnetSession s = client.open()) {
 *   s.login("alice", "secret".toCharArray());        // login: / Password: / prompt
 *   String who = s.run("whoami");                     // "alice\n": the output, without the prompt
 *   s.sendLine("sleep 2 tick");
 *   ExpectMatch tick = s.expect(Pattern.compile("tick (\\d+)"), Duration.ofSeconds(5));
 *   s.expect(client.prompt(), Duration.ofSeconds(5));
 *   System.out.println(s.transcriptText());           // the password shows as ***
 * }
 * }</pre>
 *
 * <p><b>Matching.</b> Patterns are matched against the received bytes, one character per byte
 * (ISO-8859-1), so ASCII patterns work as written and positions are exact; literals are encoded
 * with the client's charset first; texts returned are decoded with that charset. While waiting,
 * each search covers the new text and, for a regex, the 64 KiB before it (for a literal, its
 * length), so a long wait costs linear time; a regex match must therefore start no more than 64 KiB
 * before the text that completes it. IAC is undoubled and CR NUL turned into CR before matching; CR
 * LF stays CR LF (only {@link #run} turns it into {@code \n}).
 *
 * <p><b>Bounded.</b> An expect holds at most {@link TelnetClient#expectBufferLimit()} bytes: a
 * server that floods without the awaited text gives a {@link LimitExceededException}, a server that
 * goes quiet an {@link InetkitTimeoutException} after the call's timeout or the idle-read timeout,
 * whichever is first; a server that hangs up a {@link ConnectionClosedException}. Each error quotes
 * the last text received and names the server. For output too large to hold, read {@link
 * #inputStream()}.
 */
public final class TelnetSession implements Closeable {
  private static final int READ_CHUNK = 64 * 1024;
  private static final int QUOTE_TAIL = 200;

  /** How far back a regex search reaches into text already searched without a match. */
  static final int REGEX_OVERLAP = 64 * 1024;

  private final TelnetClient client;
  private final CommonsNetTelnet connection;
  private final Endpoint endpoint;
  private final EventListener events;
  private final ExpectBuffer buffer;
  private final BoundedTranscript transcript;
  private volatile boolean closed;

  /** The overall time limit of the call in progress (expect, run, login, a send). */
  private final Deadline deadline;

  private int depth; // nested calls (run's expect, login's sends) run under the outer deadline
  private long lastData;

  /** The password while login waits for the server's answer, so an echo of it is masked. */
  private String secretToMask;

  TelnetSession(TelnetClient client, CommonsNetTelnet connection, Deadline deadline) {
    this.client = client;
    this.connection = connection;
    this.deadline = deadline;
    deadline.watch(connection::abort);
    this.endpoint = connection.endpoint();
    this.events = client.eventListener();
    this.buffer = new ExpectBuffer(client.expectBufferLimit() + READ_CHUNK);
    this.transcript = new BoundedTranscript(client.transcriptLimit(), client.charset());
  }

  /** {@return the server} */
  public Endpoint endpoint() {
    return endpoint;
  }

  /**
   * {@return the options agreed so far} Negotiation is answered while the session reads, so this is
   * complete once the server's first prompt has been awaited.
   */
  public NegotiatedOptions negotiatedOptions() {
    return connection.negotiated();
  }

  /**
   * Sends {@code text} exactly (encoded with the charset): any CR or LF in it is the caller's
   * choice, sent as CR LF / CR NUL per RFC 854 (untranslated once BINARY is agreed); IAC is
   * doubled.
   *
   * @param text the text to send
   * @throws InetkitException when the connection fails or the server closes it
   */
  public void send(String text) throws InetkitException {
    Objects.requireNonNull(text, "text");
    sendRecorded(text.getBytes(client.charset()), text);
  }

  /**
   * Sends raw data bytes (IAC doubled; CR/LF translated unless BINARY is agreed).
   *
   * @param data the bytes to send
   * @throws InetkitException when the connection fails or the server closes it
   */
  public void send(byte[] data) throws InetkitException {
    Objects.requireNonNull(data, "data");
    sendRecorded(data, new String(data, client.charset()));
  }

  /**
   * Sends {@code line} followed by CR LF.
   *
   * @param line the line, without its line end
   * @throws InvalidInputException when the line holds CR, LF or NUL (nothing is sent)
   * @throws InetkitException when the connection fails or the server closes it
   */
  public void sendLine(String line) throws InetkitException {
    Inputs.requireNoControl("line", line);
    events.commandSent(endpoint, Redaction.command(line));
    sendRecorded((line + "\r\n").getBytes(client.charset()), line + "\r\n");
  }

  /**
   * Waits up to the client's expect timeout for {@code literal}; see {@link #expect(Pattern,
   * Duration)}.
   *
   * @param literal the text to wait for
   * @return the match and the text before it
   * @throws InetkitException when it does not arrive in time, the buffer fills, or the server
   *     closes
   */
  public ExpectMatch expect(String literal) throws InetkitException {
    return expect(literal, client.expectTimeout());
  }

  /**
   * Waits up to {@code timeout} for {@code literal}; see {@link #expect(Pattern, Duration)}.
   *
   * @param literal the text to wait for
   * @param timeout how long to wait
   * @return the match and the text before it
   * @throws InetkitException when it does not arrive in time, the buffer fills, or the server
   *     closes
   */
  public ExpectMatch expect(String literal, Duration timeout) throws InetkitException {
    return expect(literal(literal), timeout);
  }

  /**
   * Waits up to the client's expect timeout for {@code pattern}.
   *
   * @param pattern the pattern to wait for
   * @return the match and the text before it
   * @throws InetkitException when it does not arrive in time, the buffer fills, or the server
   *     closes
   */
  public ExpectMatch expect(Pattern pattern) throws InetkitException {
    return expect(pattern, client.expectTimeout());
  }

  /**
   * Waits up to {@code timeout} for {@code pattern} in what the server sends, and consumes the
   * input up to the end of the match.
   *
   * @param pattern the pattern to wait for
   * @param timeout how long to wait
   * @return the match and the text before it
   * @throws InetkitTimeoutException when neither the pattern nor enough output arrived in time
   * @throws LimitExceededException when the expect buffer filled without a match
   * @throws ConnectionClosedException when the server hung up first
   */
  public ExpectMatch expect(Pattern pattern, Duration timeout) throws InetkitException {
    return expectAny(List.of(pattern), timeout);
  }

  /**
   * Waits for whichever of {@code patterns} matches first in the received text (earliest start; on
   * a tie, the earlier pattern); {@link ExpectMatch#index()} tells which.
   *
   * @param patterns the patterns, in order of preference
   * @param timeout how long to wait
   * @return the first match, its {@link ExpectMatch#index()} naming the pattern
   * @throws InetkitTimeoutException when no pattern matched in time
   * @throws LimitExceededException when the expect buffer filled without a match
   * @throws ConnectionClosedException when the server hung up first
   */
  public ExpectMatch expectAny(List<Pattern> patterns, Duration timeout) throws InetkitException {
    ensureOpen();
    if (patterns.isEmpty()) {
      throw new IllegalArgumentException("no pattern to expect");
    }
    Objects.requireNonNull(timeout, "timeout");
    String what = "expect " + describe(patterns);
    return operation(what, () -> expectWithin(patterns, what, timeout));
  }

  private ExpectMatch expectWithin(List<Pattern> patterns, String what, Duration timeout)
      throws InetkitException {
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    lastData = start;
    int searched = 0; // bytes of the buffer already searched without a match
    while (true) {
      ExpectMatch match = find(patterns, searched);
      searched = buffer.length();
      if (match != null) {
        events.replyReceived(endpoint, bounded(mask(match.before() + match.matched())));
        return match;
      }
      if (buffer.length() > client.expectBufferLimit()) {
        String tail = tail();
        buffer.consume(buffer.length());
        throw new LimitExceededException(
            what
                + ": "
                + client.expectBufferLimit()
                + " bytes from "
                + endpoint
                + " without a match; last received: "
                + tail,
            endpoint,
            client.expectBufferLimit());
      }
      fill(what, timeout, deadline);
    }
  }

  /**
   * {@return everything up to and including {@code literal} (telnetlib's {@code read_until})}
   *
   * @param literal the text to wait for
   * @param timeout how long to wait
   * @throws InetkitTimeoutException when the literal did not arrive in time
   * @throws LimitExceededException when the expect buffer filled first
   * @throws ConnectionClosedException when the server hung up first
   */
  public String readUntil(String literal, Duration timeout) throws InetkitException {
    ExpectMatch m = expect(literal, timeout);
    return m.before() + m.matched();
  }

  /**
   * Like {@link #login(String, char[])}, with the user and password of {@code credentials}.
   *
   * @param credentials password credentials
   * @throws InetkitException as {@link #login(String, char[])} does
   */
  public void login(Credentials credentials) throws InetkitException {
    char[] secret = credentials.secret();
    try {
      login(credentials.user(), secret);
    } finally {
      Arrays.fill(secret, '\0');
    }
  }

  /**
   * Logs in at the common prompts: waits for the {@linkplain TelnetClient#loginPrompt() login
   * prompt}, sends {@code user}, waits for the password prompt, sends the password (never shown in
   * the transcript, events or errors), then waits for the shell prompt.
   *
   * @param user the login name
   * @param password the password; not kept
   * @throws InvalidInputException when user or password holds CR, LF or NUL (nothing is sent)
   * @throws AuthenticationException when the server refused (its text is the reply)
   * @throws InetkitTimeoutException when a prompt did not come within the expect timeout
   */
  public void login(String user, char[] password) throws InetkitException {
    Inputs.requireNonEmpty("user", user);
    Objects.requireNonNull(password, "password");
    for (char c : password) {
      if (c == '\r' || c == '\n' || c == '\0') {
        throw new InvalidInputException("password", "must not contain CR, LF or NUL");
      }
    }
    Duration timeout = client.expectTimeout();
    operation(
        "login as " + user,
        () -> {
          loginWithin(user, password, timeout);
          return null;
        });
  }

  private void loginWithin(String user, char[] password, Duration timeout) throws InetkitException {
    events.authStart(endpoint, user, "login prompt");
    try {
      expect(client.loginPrompt(), timeout);
      sendLine(user);
      expect(client.passwordPrompt(), timeout);
      sendSecret(password);
      ExpectMatch m;
      secretToMask = password.length == 0 ? null : new String(password);
      try {
        m =
            expectAny(
                List.of(client.prompt(), client.loginFailure(), client.loginPrompt()), timeout);
      } finally {
        if (secretToMask != null) {
          transcript.mask(secretToMask, Redaction.MASK); // a server that echoed the password
        }
      }
      if (m.index() != 0) {
        String said = mask((m.before() + m.matched()).strip());
        throw new AuthenticationException(
            "login as " + user + " at " + endpoint + " refused",
            endpoint,
            new Reply("LOGIN", said.isEmpty() ? "refused" : said, Reply.Kind.PERMANENT_NEGATIVE),
            null);
      }
    } catch (InetkitException e) {
      events.authFailed(endpoint, user, e);
      throw e;
    } finally {
      secretToMask = null;
    }
    events.authEnd(endpoint, user);
  }

  /**
   * Runs {@code command} with the client's expect timeout; see {@link #run(String, Duration)}.
   *
   * @param command the command line
   * @return its output, as {@link #run(String, Duration)} describes
   * @throws InetkitException as {@link #run(String, Duration)} does
   */
  public String run(String command) throws InetkitException {
    return run(command, client.expectTimeout());
  }

  /**
   * Sends {@code command} as a line and returns its output up to the next {@linkplain
   * TelnetClient#prompt() prompt}, as the command wrote it: the server's echo of the command
   * removed, terminal control sequences (bracketed-paste switches, colours, erase-line) and NULs
   * removed, CR LF turned into {@code \n} and other CRs dropped, and the prompt's own line (the
   * text after the last line break, such as {@code alice@host:~} before {@code $ }) left out. So
   * {@code run("whoami")} against bash is {@code "alice\n"}; output that does not end with a line
   * break runs into the prompt's line and is left out with it.
   *
   * @param command the command line
   * @param timeout how long to wait for the prompt after it
   * @return the command's output
   * @throws InvalidInputException when the command holds CR, LF or NUL (nothing is sent)
   * @throws InetkitTimeoutException when the prompt did not come back within {@code timeout}
   * @throws LimitExceededException when the output exceeded the expect buffer (use {@link
   *     #inputStream()} for large output)
   */
  public String run(String command, Duration timeout) throws InetkitException {
    return operation("run " + Redaction.command(command), () -> runWithin(command, timeout));
  }

  private String runWithin(String command, Duration timeout) throws InetkitException {
    sendLine(command);
    String out = ControlSequences.strip(expect(client.prompt(), timeout).before());
    if (connection.negotiated().remote().contains(TelnetOption.ECHO)) {
      if (out.startsWith(command + "\r\n")) {
        out = out.substring(command.length() + 2);
      } else if (out.startsWith(command + "\n")) {
        out = out.substring(command.length() + 1);
      }
    }
    out = out.replace("\r\n", "\n").replace("\r", "");
    return out.substring(0, out.lastIndexOf('\n') + 1); // without the prompt's line
  }

  /**
   * Reports a new window size to the server (a NAWS subnegotiation) when NAWS is agreed. Asked
   * before negotiation has finished, the size is sent as soon as NAWS is agreed; if the server
   * refuses NAWS, it is never sent.
   *
   * @param size the new size
   * @throws InetkitException when the connection fails or the server closes it
   */
  public void windowSize(WindowSize size) throws InetkitException {
    ensureOpen();
    Objects.requireNonNull(size, "size");
    operation("send window size", () -> connection.windowSize(size));
  }

  /**
   * {@return the data the server sends, as a stream: what earlier expects received but did not
   * consume comes first} For large output; memory stays bounded. Reads block at most the idle-read
   * timeout, then throw {@link InetkitTimeoutException}; -1 means the server closed.
   */
  public InputStream inputStream() {
    return new InputStream() {
      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
          return 0;
        }
        Timeouts t = client.timeouts();
        long deadline = System.nanoTime() + t.read().toNanos();
        while (true) {
          int n = poll(b, off, len, (int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
          if (n != 0) {
            return n;
          }
          if (System.nanoTime() >= deadline) {
            throw new InetkitTimeoutException(
                "reading from " + endpoint + "; last received: " + tail(),
                endpoint,
                t.read(),
                null);
          }
        }
      }
    };
  }

  /**
   * Reads what is buffered or arrives within {@code waitMillis}: bytes read, 0 when nothing came,
   * -1 when the server closed. For the terminal bridge and {@link #inputStream()}.
   */
  int poll(byte[] b, int off, int len, int waitMillis) throws InetkitException {
    ensureOpen();
    if (buffer.length() > 0) {
      return buffer.drainTo(b, off, len);
    }
    int n = connection.read(b, off, len, waitMillis);
    if (n == CommonsNetTelnet.TIMEOUT) {
      return 0;
    }
    if (n > 0) {
      transcript.received(b, off, n);
    }
    return n;
  }

  /** {@return the transcript so far (the last {@link TelnetClient#transcriptLimit()} chars)} */
  public List<TranscriptEntry> transcript() {
    return transcript.entries();
  }

  /**
   * {@return the transcript as text: received text as is, sent text as is; passwords {@code ***}}
   */
  public String transcriptText() {
    StringBuilder sb = new StringBuilder();
    for (TranscriptEntry e : transcript.entries()) {
      sb.append(e.text());
    }
    return sb.toString();
  }

  /** Closes the connection. Idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    deadline.close();
    connection.close();
    events.closed(endpoint);
  }

  @Override
  public String toString() {
    return "TelnetSession[" + endpoint + (closed ? ", closed]" : "]");
  }

  // ---------------------------------------------------------------------------------------------

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("session to " + endpoint + " is closed");
    }
  }

  private void sendRecorded(byte[] data, String shown) throws InetkitException {
    ensureOpen();
    operation(
        "send",
        () -> {
          connection.write(data, 0, data.length);
          return null;
        });
    transcript.add(TranscriptEntry.Direction.SENT, shown);
  }

  @FunctionalInterface
  private interface Op<T> {
    T run() throws InetkitException;
  }

  /**
   * Runs one call under the overall deadline ({@link io.inetkit.core.Timeouts#overall()}), unless a
   * call is running already (then this is part of it). A write blocked on a server that stopped
   * reading, or a wait that only ever gets a trickle, ends at the deadline as an {@link
   * InetkitTimeoutException} naming the call.
   */
  private <T> T operation(String what, Op<T> op) throws InetkitException {
    boolean outermost = depth++ == 0;
    if (outermost) {
      deadline.start(client.timeouts().overall(), what);
    }
    try {
      return op.run();
    } catch (InetkitException e) {
      if (deadline.expired() && !(e instanceof InetkitTimeoutException)) {
        throw deadline.timeout(e); // the watchdog closed the connection
      }
      throw e;
    } finally {
      depth--;
      if (outermost) {
        deadline.clear();
      }
    }
  }

  private void sendSecret(char[] password) throws InetkitException {
    ensureOpen();
    events.commandSent(endpoint, Redaction.MASK);
    ByteBuffer encoded = client.charset().encode(CharBuffer.wrap(password));
    byte[] bytes = new byte[encoded.remaining() + 2];
    encoded.get(bytes, 0, bytes.length - 2);
    bytes[bytes.length - 2] = '\r';
    bytes[bytes.length - 1] = '\n';
    try {
      operation(
          "send password",
          () -> {
            connection.write(bytes, 0, bytes.length);
            return null;
          });
    } finally {
      Arrays.fill(bytes, (byte) 0);
      if (encoded.hasArray()) {
        Arrays.fill(encoded.array(), (byte) 0);
      }
    }
    transcript.add(TranscriptEntry.Direction.SENT, Redaction.MASK + "\r\n");
  }

  /** Reads once into the buffer, or throws if the deadline or idle limit has passed. */
  private void fill(String what, Duration timeout, long deadline) throws InetkitException {
    if (this.deadline.passed()) {
      throw new InetkitTimeoutException(
          what + " from " + endpoint + ": no match; last received: " + tail(),
          endpoint,
          this.deadline.limit(),
          InetkitTimeoutException.Limit.OVERALL,
          null);
    }
    long now = System.nanoTime();
    Duration idle = client.timeouts().read();
    long idleDeadline = lastData + idle.toNanos();
    if (now >= deadline || now >= idleDeadline) {
      boolean overall = deadline <= idleDeadline;
      throw new InetkitTimeoutException(
          what + " from " + endpoint + ": no match; last received: " + tail(),
          endpoint,
          overall ? timeout : idle,
          null);
    }
    int wait =
        this.deadline.clamp(
            (int) Math.max(1, (Math.min(deadline, idleDeadline) - now) / 1_000_000));
    int room = Math.min(READ_CHUNK, buffer.room());
    int at = buffer.length();
    int n = connection.read(buffer.array(), at, room, wait);
    if (n == CommonsNetTelnet.TIMEOUT) {
      return;
    }
    if (n < 0) {
      throw new ConnectionClosedException(
          what + ": " + endpoint + " closed the connection; last received: " + tail(),
          endpoint,
          null);
    }
    lastData = System.nanoTime();
    buffer.added(n);
    transcript.received(buffer.array(), at, n);
  }

  /**
   * Finds the earliest match. Text searched before is searched again only as far back as a match
   * could still end in the new text: {@code length - 1} for literals, {@link #REGEX_OVERLAP} for
   * regexes, so a flood costs linear, not quadratic, time.
   */
  private ExpectMatch find(List<Pattern> patterns, int searched) {
    Matcher best = null;
    int bestIndex = -1;
    for (int i = 0; i < patterns.size(); i++) {
      Pattern p = patterns.get(i);
      boolean literal = (p.flags() & Pattern.LITERAL) != 0;
      int overlap = literal ? p.pattern().length() - 1 : REGEX_OVERLAP;
      Matcher m = p.matcher(buffer);
      m.useTransparentBounds(true).useAnchoringBounds(false);
      m.region(Math.max(0, searched - overlap), buffer.length());
      if (m.find() && (best == null || m.start() < best.start())) {
        best = m;
        bestIndex = i;
      }
    }
    if (best == null) {
      return null;
    }
    List<String> groups = new ArrayList<>();
    for (int g = 1; g <= best.groupCount(); g++) {
      groups.add(best.start(g) < 0 ? null : decode(best.start(g), best.end(g)));
    }
    ExpectMatch match =
        new ExpectMatch(
            bestIndex, decode(0, best.start()), decode(best.start(), best.end()), groups);
    buffer.consume(best.end());
    return match;
  }

  private String decode(int from, int to) {
    return new String(buffer.array(), from, to - from, client.charset());
  }

  private Pattern literal(String literal) {
    Objects.requireNonNull(literal, "literal");
    if (literal.isEmpty()) {
      throw new IllegalArgumentException("literal must not be empty");
    }
    String bytes = new String(literal.getBytes(client.charset()), StandardCharsets.ISO_8859_1);
    return Pattern.compile(bytes, Pattern.LITERAL);
  }

  private static String describe(List<Pattern> patterns) {
    StringBuilder sb = new StringBuilder();
    for (Pattern p : patterns) {
      sb.append(sb.length() == 0 ? "" : " or ").append('/').append(p.pattern()).append('/');
    }
    return bounded(sb.toString());
  }

  private String tail() {
    int from = Math.max(0, buffer.length() - QUOTE_TAIL);
    return Inputs.quote(mask(decode(from, buffer.length())));
  }

  private String mask(String text) {
    String secret = secretToMask;
    return secret == null ? text : text.replace(secret, Redaction.MASK);
  }

  private static String bounded(String s) {
    return s.length() <= 512 ? s : s.substring(0, 512) + "…";
  }
}
