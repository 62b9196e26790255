package io.inetkit.terminal.internal;

import java.io.IOException;

/** Keystrokes for the terminal bridge, as bytes, read with a timeout. */
public interface KeySource {
  /** {@link #read} result: no key within the timeout. */
  int TIMEOUT = -2;

  /** {@link #read} result: the keyboard input ended. */
  int EOF = -1;

  /**
   * Returns the next byte (0-255), {@link #TIMEOUT} or {@link #EOF}; a timeout of 0 means "only
   * what is already there".
   */
  int read(long timeoutMillis) throws IOException;
}
