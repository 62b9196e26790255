package io.inetkit.testkit.telnet;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What one client did on a {@link TelnetServer} connection, for assertions: the options it agreed
 * to, its terminal type, every window size it reported, who logged in and which shell lines it
 * sent. Safe to read from the test thread while the connection runs; the server fills it in the
 * order bytes arrive, so once the client has seen the server's answer to a line, every negotiation
 * sent before that line is recorded.
 *
 * <pre>{@code
 * TelnetConnectionRecord rec = server.lastConnection();
 * assertThat(rec.terminalType()).contains("XTERM-256COLOR");
 * assertThat(rec.windowSizes()).last().isEqualTo(new TelnetConnectionRecord.WindowSize(132, 43));
 * assertThat(rec.commands()).containsExactly("echo hi", "exit");
 * }</pre>
 */
public final class TelnetConnectionRecord {

  /**
   * A window size the client reported with NAWS.
   *
   * @param columns characters per line (0 means unknown)
   * @param rows lines (0 means unknown)
   */
  public record WindowSize(int columns, int rows) {}

  private final Set<TelnetOptionCode> clientOptions = EnumSet.noneOf(TelnetOptionCode.class);
  private final Set<TelnetOptionCode> serverOptions = EnumSet.noneOf(TelnetOptionCode.class);
  private final List<WindowSize> windowSizes = new CopyOnWriteArrayList<>();
  private final List<String> commands = new CopyOnWriteArrayList<>();
  private final List<String> failedLogins = new CopyOnWriteArrayList<>();
  private volatile String terminalType;
  private volatile String user;
  private volatile boolean closed;

  TelnetConnectionRecord() {}

  /** {@return the options the client agreed to perform (it said WILL and the server DO)} */
  public Set<TelnetOptionCode> clientOptions() {
    synchronized (clientOptions) {
      return Set.copyOf(clientOptions);
    }
  }

  /** {@return the options the server performs for this client (the client said DO)} */
  public Set<TelnetOptionCode> serverOptions() {
    synchronized (serverOptions) {
      return Set.copyOf(serverOptions);
    }
  }

  /** {@return the terminal type the client sent in {@code SB TERMINAL-TYPE IS}, if any} */
  public Optional<String> terminalType() {
    return Optional.ofNullable(terminalType);
  }

  /** {@return every window size the client reported, oldest first} */
  public List<WindowSize> windowSizes() {
    return List.copyOf(windowSizes);
  }

  /** {@return the user who logged in, if anyone did} */
  public Optional<String> user() {
    return Optional.ofNullable(user);
  }

  /** {@return the user names of failed login attempts, in order} */
  public List<String> failedLogins() {
    return List.copyOf(failedLogins);
  }

  /** {@return the shell lines the client sent after logging in, in order} */
  public List<String> commands() {
    return List.copyOf(commands);
  }

  /** {@return whether the connection has ended} */
  public boolean isClosed() {
    return closed;
  }

  void option(boolean clientSide, TelnetOptionCode option, boolean enabled) {
    Set<TelnetOptionCode> set = clientSide ? clientOptions : serverOptions;
    synchronized (set) {
      if (enabled) {
        set.add(option);
      } else {
        set.remove(option);
      }
    }
  }

  void terminalType(String type) {
    this.terminalType = type;
  }

  void windowSize(int columns, int rows) {
    windowSizes.add(new WindowSize(columns, rows));
  }

  void user(String name) {
    this.user = name;
  }

  void failedLogin(String name) {
    failedLogins.add(name);
  }

  void command(String line) {
    commands.add(line);
  }

  void closed() {
    this.closed = true;
  }

  @Override
  public String toString() {
    return "TelnetConnectionRecord[user="
        + user
        + ", terminalType="
        + terminalType
        + ", clientOptions="
        + clientOptions()
        + ", serverOptions="
        + serverOptions()
        + ", windowSizes="
        + windowSizes
        + ", commands="
        + commands
        + "]";
  }
}
