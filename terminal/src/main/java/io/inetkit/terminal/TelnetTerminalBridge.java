package io.inetkit.terminal;

import io.inetkit.core.ConnectionClosedException;
import io.inetkit.core.InetkitException;
import io.inetkit.terminal.internal.JLineTerminals;
import io.inetkit.terminal.internal.KeySource;
import io.inetkit.terminal.internal.StreamKeySource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;

/**
 * Connects a {@link TelnetSession} to a person at a terminal, like the classic {@code telnet}
 * command: what the server sends goes to the screen, keystrokes go to the server, window-size
 * changes go as NAWS, and <b>Ctrl-]</b> opens a small {@code telnet>} prompt ({@code quit}, {@code
 * status}, {@code send escape}, {@code help}; Enter returns to the session).
 *
 * <pre>{@code
 * TelnetClient client = TelnetClient.builder().endpoint("127.0.0.1", 2323).build();
 * try (TelnetSession session = client.open()) {
 *   TelnetTerminalBridge.Exit why = TelnetTerminalBridge.runOnSystemTerminal(session);
 * }
 * }</pre>
 *
 * <p>{@link #runOnSystemTerminal} uses JLine for raw mode (signals off too, so Ctrl-C reaches the
 * server) and SIGWINCH, restoring the terminal afterwards. {@link #forStreams} runs the same
 * pumping logic over plain streams, for tests and embedding. Keystrokes are sent as typed; Enter
 * arrives as CR and is sent as CR NUL (RFC 854), which servers take as end of line.
 */
public final class TelnetTerminalBridge {
  /** The escape character: Ctrl-] (0x1D). */
  public static final int ESCAPE = 0x1d;

  /** Why {@link #run()} returned. */
  public enum Exit {
    /** The server closed the connection. */
    REMOTE_CLOSED,
    /** The user chose {@code quit} at the {@code telnet>} prompt. */
    QUIT,
    /** The keyboard input ended. */
    LOCAL_INPUT_CLOSED
  }

  private static final int POLL_MILLIS = 100;

  private final TelnetSession session;
  private final KeySource keys;
  private final OutputStream screen;
  private final OutputStream status;
  private final Object screenLock = new Object();
  private volatile boolean remoteClosed;
  private volatile boolean stopped;
  private volatile InetkitException remoteFailure;

  private TelnetTerminalBridge(
      TelnetSession session, KeySource keys, OutputStream screen, OutputStream status) {
    this.session = Objects.requireNonNull(session, "session");
    this.keys = keys;
    this.screen = Objects.requireNonNull(screen, "screen");
    this.status = Objects.requireNonNull(status, "status");
  }

  /**
   * {@return a bridge between {@code session} and a keyboard and screen given as streams, like a
   * terminal: the bridge's own words (the {@code telnet>} prompt, "Connection closed by foreign
   * host.") appear on {@code screen} among what the server sent}
   *
   * @param session an open session
   * @param keyboard what the user types
   * @param screen where the server's output and the bridge's words go
   */
  public static TelnetTerminalBridge forStreams(
      TelnetSession session, InputStream keyboard, OutputStream screen) {
    return forStreams(session, keyboard, screen, screen);
  }

  /**
   * {@return a bridge whose {@code screen} gets exactly the bytes the server sent and nothing else,
   * and whose own words (the {@code telnet>} prompt and its answers, "Connection closed by foreign
   * host.") go to {@code status}: for piping a session's data, with status on standard error (or
   * {@link OutputStream#nullOutputStream()})}
   *
   * @param session an open session
   * @param keyboard what the user types
   * @param screen where the server's output goes
   * @param status where the bridge's own words go
   */
  public static TelnetTerminalBridge forStreams(
      TelnetSession session, InputStream keyboard, OutputStream screen, OutputStream status) {
    return new TelnetTerminalBridge(session, new StreamKeySource(keyboard), screen, status);
  }

  /**
   * Runs {@code session} on this process's terminal until the server closes or the user quits; the
   * terminal is restored afterwards. The session stays open; close it yourself.
   *
   * @param session an open session
   * @return how the session ended
   * @throws IOException when the terminal cannot be opened
   * @throws InetkitException when the connection failed other than by closing
   */
  public static Exit runOnSystemTerminal(TelnetSession session) throws IOException {
    try (Terminal terminal = JLineTerminals.system()) {
      return runOn(session, terminal);
    }
  }

  /** Runs on a JLine terminal: raw mode, NAWS from its size and SIGWINCH, then {@link #run()}. */
  static Exit runOn(TelnetSession session, Terminal terminal) throws InetkitException {
    Attributes saved = JLineTerminals.enterRaw(terminal);
    try {
      TelnetTerminalBridge bridge =
          new TelnetTerminalBridge(
              session, JLineTerminals.keys(terminal), terminal.output(), terminal.output());
      WindowSize size = JLineTerminals.size(terminal);
      if (size != null) {
        bridge.windowSizeChanged(size);
      }
      JLineTerminals.onResize(terminal, bridge::windowSizeChangedQuietly);
      return bridge.run();
    } finally {
      terminal.setAttributes(saved);
      terminal.flush();
    }
  }

  /**
   * Tells the server the local window changed size (NAWS), if it agreed to NAWS.
   *
   * @param size the new size
   * @throws InetkitException when the connection fails or the server closes it
   */
  public void windowSizeChanged(WindowSize size) throws InetkitException {
    session.windowSize(size);
  }

  private void windowSizeChangedQuietly(WindowSize size) {
    try {
      windowSizeChanged(size);
    } catch (InetkitException e) {
      remoteFailure = e; // reported by run()
    }
  }

  /**
   * Pumps until the server closes, the user quits, or the keyboard input ends.
   *
   * @return how the session ended
   * @throws InetkitException when the connection failed other than by closing
   */
  public Exit run() throws InetkitException {
    Thread pump = new Thread(this::pumpRemoteToScreen, "telnet-screen-" + session.endpoint());
    pump.setDaemon(true);
    pump.start();
    try {
      return pumpKeysToRemote();
    } catch (IOException e) {
      if (e instanceof InetkitException ie) {
        throw ie;
      }
      throw new UncheckedIOException("writing to the local terminal failed", e);
    } finally {
      stopped = true;
      try {
        pump.join(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private Exit pumpKeysToRemote() throws IOException {
    ByteArrayOutputStream typed = new ByteArrayOutputStream();
    while (true) {
      if (remoteClosed) {
        if (remoteFailure != null && !(remoteFailure instanceof ConnectionClosedException)) {
          throw remoteFailure;
        }
        show("\r\nConnection closed by foreign host.\r\n");
        return Exit.REMOTE_CLOSED;
      }
      int b = keys.read(POLL_MILLIS);
      if (b == KeySource.TIMEOUT) {
        continue;
      }
      if (b == KeySource.EOF) {
        return Exit.LOCAL_INPUT_CLOSED;
      }
      if (b == ESCAPE) {
        Exit exit = escapePrompt();
        if (exit != null) {
          return exit;
        }
        continue;
      }
      typed.reset();
      typed.write(b);
      int more = KeySource.TIMEOUT;
      while (typed.size() < 4096 && (more = keys.read(0)) >= 0 && more != ESCAPE) {
        typed.write(more);
      }
      session.send(typed.toByteArray()); // typed or pasted text goes in one write
      if (more == ESCAPE) {
        Exit exit = escapePrompt();
        if (exit != null) {
          return exit;
        }
      }
    }
  }

  /** The {@code telnet>} prompt; returns an exit, or null to go back to the session. */
  private Exit escapePrompt() throws IOException {
    show("\r\ntelnet> ");
    StringBuilder line = new StringBuilder();
    while (true) {
      int b = keys.read(POLL_MILLIS);
      if (b == KeySource.TIMEOUT) {
        if (remoteClosed) {
          return null; // the main loop reports it
        }
        continue;
      }
      if (b == KeySource.EOF) {
        return Exit.LOCAL_INPUT_CLOSED;
      }
      if (b == '\r' || b == '\n') {
        show("\r\n");
        break;
      }
      if (b == 0x7f || b == 0x08) {
        if (line.length() > 0) {
          line.setLength(line.length() - 1);
          show("\b \b");
        }
      } else if (b >= ' ' && line.length() < 200) {
        line.append((char) b);
        show(String.valueOf((char) b));
      }
    }
    String command = line.toString().strip().toLowerCase(Locale.ROOT);
    switch (command) {
      case "quit", "q", "close", "c" -> {
        show("Connection closed.\r\n");
        return Exit.QUIT;
      }
      case "", "continue" -> {
        return null;
      }
      case "status", "st" -> {
        NegotiatedOptions o = session.negotiatedOptions();
        show(
            "Connected to "
                + session.endpoint()
                + ".\r\nOptions: this side "
                + o.local()
                + ", server "
                + o.remote()
                + "\r\nEscape character is '^]'.\r\n");
        return null;
      }
      case "send escape" -> {
        session.send(new byte[] {ESCAPE});
        return null;
      }
      default -> {
        if (!command.equals("help") && !command.equals("?")) {
          show("?Invalid command\r\n");
        }
        show("Commands: quit, status, send escape, continue (or Enter), help\r\n");
        return null;
      }
    }
  }

  private void pumpRemoteToScreen() {
    byte[] buf = new byte[16 * 1024];
    try {
      while (!stopped) {
        int n = session.poll(buf, 0, buf.length, POLL_MILLIS);
        if (n < 0) {
          break;
        }
        if (n > 0) {
          synchronized (screenLock) {
            if (stopped) {
              return;
            }
            screen.write(buf, 0, n);
            screen.flush();
          }
        }
      }
    } catch (InetkitException e) {
      remoteFailure = e;
    } catch (IOException | RuntimeException e) {
      // the local screen failed or the session was closed under us: stop pumping
    }
    remoteClosed = true;
  }

  /** Writes the bridge's own words (never the server's data) to the status stream. */
  private void show(String text) throws IOException {
    synchronized (screenLock) {
      status.write(text.getBytes(StandardCharsets.UTF_8));
      status.flush();
    }
  }
}
