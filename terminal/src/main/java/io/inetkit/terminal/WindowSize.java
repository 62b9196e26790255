package io.inetkit.terminal;

import io.inetkit.core.internal.Inputs;

/**
 * A terminal window size, as NAWS reports it.
 *
 * <pre>{@code
 * session.windowSize(new WindowSize(132, 43));
 * }</pre>
 *
 * @param columns characters per line, 1 to 65535
 * @param rows lines, 1 to 65535
 */
public record WindowSize(int columns, int rows) {

  /** The classic 80 by 24. */
  public static final WindowSize DEFAULT = new WindowSize(80, 24);

  /**
   * Validates both dimensions.
   *
   * @param columns characters per line, 1 to 65535
   * @param rows lines, 1 to 65535
   * @throws io.inetkit.core.InvalidInputException when either is out of range
   */
  public WindowSize {
    Inputs.requireRange("columns", columns, 1, 65535);
    Inputs.requireRange("rows", rows, 1, 65535);
  }
}
