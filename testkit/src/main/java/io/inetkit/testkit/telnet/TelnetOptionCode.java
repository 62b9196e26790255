package io.inetkit.testkit.telnet;

/**
 * The Telnet options the test server negotiates, with their RFC option codes.
 *
 * <pre>{@code
 * assertThat(record.clientOptions()).contains(TelnetOptionCode.NAWS, TelnetOptionCode.TERMINAL_TYPE);
 * assertThat(record.serverOptions()).contains(TelnetOptionCode.ECHO);
 * }</pre>
 */
public enum TelnetOptionCode {
  /** RFC 856 binary transmission: no CR/LF translation. */
  BINARY(0),
  /** RFC 857 echo: the side that WILL ECHO echoes what it receives. */
  ECHO(1),
  /** RFC 858 suppress go-ahead: full-duplex operation. */
  SUPPRESS_GO_AHEAD(3),
  /** RFC 1091 terminal type, sent by the client in {@code SB TERMINAL-TYPE IS}. */
  TERMINAL_TYPE(24),
  /** RFC 1073 negotiate about window size: the client reports columns and rows. */
  NAWS(31);

  private final int code;

  TelnetOptionCode(int code) {
    this.code = code;
  }

  /** {@return the option's code on the wire} */
  public int code() {
    return code;
  }

  /**
   * {@return the option with {@code code}, or {@code null} when the server does not know it}
   *
   * @param code the option's number
   */
  public static TelnetOptionCode of(int code) {
    for (TelnetOptionCode o : values()) {
      if (o.code == code) {
        return o;
      }
    }
    return null;
  }
}
