package io.inetkit.testkit.fault;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javax.net.ssl.SSLContext;

/**
 * What a {@link FaultServer} does with each connection, step by step. Built fluently; every
 * connection runs the whole script from the start.
 *
 * <pre>{@code
 * FaultScript script = FaultScript.create()
 *     .send("220 fault.test ESMTP\r\n")
 *     .expectLine()                       // the client's EHLO, recorded
 *     .send("250 fault.test\r\n")
 *     .expectLine()
 *     .stall();                           // never answer MAIL FROM
 * }</pre>
 */
public final class FaultScript {

  /** One step of a script. */
  sealed interface Step {}

  record Send(byte[] bytes) implements Step {}

  record ExpectLine() implements Step {}

  record Stall(Duration duration) implements Step {}

  record Close() implements Step {}

  record EndlessLine(byte fill) implements Step {}

  record Garbage(int bytes, long seed) implements Step {}

  record SendThenDrop(byte[] bytes, int dropAfter) implements Step {}

  record StartTls(SSLContext context) implements Step {}

  record Respond(Function<String, String> responder) implements Step {}

  record RespondOnce(Function<String, String> responder) implements Step {}

  private final List<Step> steps = new ArrayList<>();

  private FaultScript() {}

  /** Returns an empty script (a server that accepts and closes at once). */
  public static FaultScript create() {
    return new FaultScript();
  }

  /** Sends {@code text} as UTF-8, exactly as given (include the {@code \r\n} yourself). */
  public FaultScript send(String text) {
    return send(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Sends raw bytes. */
  public FaultScript send(byte[] bytes) {
    steps.add(new Send(bytes.clone()));
    return this;
  }

  /** Reads one line from the client (recorded in {@link FaultServer#received()}). */
  public FaultScript expectLine() {
    steps.add(new ExpectLine());
    return this;
  }

  /** Reads {@code n} lines from the client. */
  public FaultScript expectLines(int n) {
    for (int i = 0; i < n; i++) {
      expectLine();
    }
    return this;
  }

  /** Stops answering and holds the connection open until the client or server closes it. */
  public FaultScript stall() {
    return stall(Duration.ofHours(1));
  }

  /** Stops answering for {@code duration}, still recording what arrives, then goes on. */
  public FaultScript stall(Duration duration) {
    steps.add(new Stall(Objects.requireNonNull(duration)));
    return this;
  }

  /** Closes the connection. (Also happens after the last step.) */
  public FaultScript close() {
    steps.add(new Close());
    return this;
  }

  /** Sends a line that never ends: {@code fill} bytes forever, until the client hangs up. */
  public FaultScript endlessLine(char fill) {
    steps.add(new EndlessLine((byte) fill));
    return this;
  }

  /** Sends {@code bytes} of reproducible pseudo-random garbage (with CR/LF among them). */
  public FaultScript garbage(int bytes) {
    steps.add(new Garbage(bytes, 42));
    return this;
  }

  /** Sends the first {@code dropAfter} bytes of {@code text}, then drops the connection (RST). */
  public FaultScript sendThenDrop(String text, int dropAfter) {
    steps.add(new SendThenDrop(text.getBytes(StandardCharsets.UTF_8), dropAfter));
    return this;
  }

  /** Upgrades the connection to TLS as the server side (after a STARTTLS reply). */
  public FaultScript startTls(SSLContext serverContext) {
    steps.add(new StartTls(Objects.requireNonNull(serverContext)));
    return this;
  }

  /**
   * Reads one line from the client and sends what {@code responder} returns for it (include
   * line ends), then goes on with the next step; {@code null} closes the connection. For
   * dialogues that change mid-way, such as answering STARTTLS before {@link #startTls}:
   *
   * <pre>{@code
   * FaultScript.create()
   *     .send("* OK ready\r\n")
   *     .respondOnce(line -> tag(line) + " OK begin TLS\r\n")   // the client's STARTTLS
   *     .startTls(context)
   *     .respond(line -> tag(line) + " NO\r\n");
   * }</pre>
   */
  public FaultScript respondOnce(Function<String, String> responder) {
    steps.add(new RespondOnce(Objects.requireNonNull(responder)));
    return this;
  }

  /**
   * For the rest of the connection: reads each line and sends what {@code responder} returns
   * for it (include line ends); {@code null} closes the connection.
   */
  public FaultScript respond(Function<String, String> responder) {
    steps.add(new Respond(Objects.requireNonNull(responder)));
    return this;
  }

  /**
   * An FTP server without TLS, for tests of what a client sends in clear: greets, refuses {@code
   * AUTH} with 502, asks for a password after {@code USER} (331), refuses {@code PASS} with 530,
   * answers anything else with 502, and hangs up at {@code QUIT}. {@link FaultServer#received()}
   * then tells whether the client sent its password.
   */
  public static FaultScript ftpWithoutTls() {
    return create().send("220 plain FTP only\r\n").respond(line -> {
      String verb = line.split(" ", 2)[0].toUpperCase(java.util.Locale.ROOT);
      return switch (verb) {
        case "AUTH" -> "502 AUTH not implemented\r\n";
        case "USER" -> "331 Password required\r\n";
        case "PASS" -> "530 Login incorrect\r\n";
        case "QUIT" -> null;
        default -> "502 Command not implemented\r\n";
      };
    });
  }

  List<Step> steps() {
    return List.copyOf(steps);
  }
}
