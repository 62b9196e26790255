package io.inetkit.terminal.internal;

import io.inetkit.terminal.WindowSize;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.NonBlockingReader;

/** The JLine side of the terminal bridge: raw mode, keystrokes and window-size changes. */
public final class JLineTerminals {
  private JLineTerminals() {}

  /** Opens the process's terminal (the TTY). */
  public static Terminal system() throws IOException {
    return TerminalBuilder.builder().system(true).jansi(false).build();
  }

  /**
   * Puts {@code terminal} in raw mode with signals and output processing off too, like {@code
   * cfmakeraw}: Ctrl-C goes to the server, and its CR LF is not turned into CR CR LF. Returns the
   * attributes to restore.
   */
  public static Attributes enterRaw(Terminal terminal) {
    Attributes saved = terminal.enterRawMode();
    Attributes raw = terminal.getAttributes();
    raw.setLocalFlag(Attributes.LocalFlag.ISIG, false);
    raw.setOutputFlag(Attributes.OutputFlag.OPOST, false); // the server already sends CR LF
    terminal.setAttributes(raw);
    return saved;
  }

  /** Returns the terminal's size, or {@code null} when it does not know. */
  public static WindowSize size(Terminal terminal) {
    Size s = terminal.getSize();
    if (s == null || s.getColumns() < 1 || s.getRows() < 1) {
      return null;
    }
    return new WindowSize(s.getColumns(), s.getRows());
  }

  /** Calls {@code listener} with the new size on every window-size change (SIGWINCH). */
  public static void onResize(Terminal terminal, Consumer<WindowSize> listener) {
    terminal.handle(
        Terminal.Signal.WINCH,
        signal -> {
          WindowSize size = size(terminal);
          if (size != null) {
            listener.accept(size);
          }
        });
  }

  /** Returns the terminal's keystrokes as UTF-8 bytes. */
  public static KeySource keys(Terminal terminal) {
    NonBlockingReader reader = terminal.reader();
    Deque<Integer> pending = new ArrayDeque<>();
    return timeoutMillis -> {
      if (!pending.isEmpty()) {
        return pending.poll();
      }
      int c = reader.read(Math.max(1, timeoutMillis)); // JLine waits forever on 0
      if (c == NonBlockingReader.READ_EXPIRED) {
        return KeySource.TIMEOUT;
      }
      if (c < 0) {
        return KeySource.EOF;
      }
      String s = String.valueOf((char) c);
      if (Character.isHighSurrogate((char) c)) {
        int low = reader.read(Math.max(1, timeoutMillis));
        if (low >= 0) {
          s = s + (char) low;
        }
      }
      for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
        pending.add(b & 0xff);
      }
      return pending.poll();
    };
  }
}
