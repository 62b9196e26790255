package io.inetkit.terminal;

/**
 * The Telnet options a {@link TelnetClient} can negotiate.
 *
 * <pre>{@code
 * TelnetClient client = TelnetClient.builder()
 *     .endpoint("127.0.0.1", 2323)
 *     .options(EnumSet.of(TelnetOption.SUPPRESS_GO_AHEAD, TelnetOption.TERMINAL_TYPE))
 *     .build();
 * }</pre>
 */
public enum TelnetOption {
  /** RFC 856: eight-bit data without CR/LF translation, in both directions. */
  BINARY(0),
  /** RFC 857: the server echoes what the client types (the client does not echo locally). */
  ECHO(1),
  /** RFC 858: no go-ahead signals; full-duplex. */
  SUPPRESS_GO_AHEAD(3),
  /** RFC 1091: the client tells its {@linkplain TelnetClient#terminalType() terminal type}. */
  TERMINAL_TYPE(24),
  /** RFC 1073: the client reports its {@linkplain WindowSize window size}, and every change. */
  NAWS(31);

  private final int code;

  TelnetOption(int code) {
    this.code = code;
  }

  /** {@return the option's code on the wire} */
  public int code() {
    return code;
  }
}
