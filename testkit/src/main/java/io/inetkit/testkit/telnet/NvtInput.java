package io.inetkit.testkit.telnet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The receiving half of the Telnet NVT (RFC 854): separates data bytes from {@code IAC} commands,
 * undoubles {@code IAC IAC}, collects subnegotiations and hands commands to a {@link Handler}.
 * Keeps its state between calls, so a read timeout in the middle of a command loses nothing.
 */
final class NvtInput {
  static final int IAC = 255;
  static final int DONT = 254;
  static final int DO = 253;
  static final int WONT = 252;
  static final int WILL = 251;
  static final int SB = 250;
  static final int SE = 240;

  /** {@link #readOrCommand()} result: a command was handled, no data byte read. */
  static final int COMMAND = -2;

  /** Receives the commands found in the stream. */
  interface Handler {
    void negotiation(int verb, int option) throws IOException;

    void subnegotiation(byte[] data) throws IOException;
  }

  private static final int MAX_SUBNEGOTIATION = 1024;

  private enum State {
    DATA,
    IAC,
    VERB,
    SB,
    SB_IAC
  }

  private final InputStream in;
  private final Handler handler;
  private final ByteArrayOutputStream sb = new ByteArrayOutputStream();
  private State state = State.DATA;
  private int verb;

  NvtInput(InputStream in, Handler handler) {
    this.in = in;
    this.handler = handler;
  }

  /** {@return how many bytes can be read without blocking (buffered or in the socket)} */
  int available() throws IOException {
    return in.available();
  }

  /**
   * {@return the next data byte (0-255), handling any commands before it, or -1 at end of stream}
   *
   * @throws java.net.SocketTimeoutException when the socket's timeout expires first
   */
  int read() throws IOException {
    return next(false);
  }

  /**
   * Like {@link #read()}, but returns {@link #COMMAND} as soon as a negotiation or subnegotiation
   * has been handled, so a caller waiting for negotiation sees its effect at once instead of at the
   * next data byte or timeout.
   */
  int readOrCommand() throws IOException {
    return next(true);
  }

  private int next(boolean returnAfterCommand) throws IOException {
    while (true) {
      int b = in.read();
      if (b < 0) {
        return -1;
      }
      switch (state) {
        case DATA -> {
          if (b == IAC) {
            state = State.IAC;
          } else {
            return b;
          }
        }
        case IAC -> {
          if (b == IAC) {
            state = State.DATA;
            return IAC;
          } else if (b == WILL || b == WONT || b == DO || b == DONT) {
            verb = b;
            state = State.VERB;
          } else if (b == SB) {
            sb.reset();
            state = State.SB;
          } else {
            state = State.DATA; // NOP, GA, AYT, IP ...: ignored by this server
          }
        }
        case VERB -> {
          state = State.DATA;
          handler.negotiation(verb, b);
          if (returnAfterCommand) {
            return COMMAND;
          }
        }
        case SB -> {
          if (b == IAC) {
            state = State.SB_IAC;
          } else if (sb.size() < MAX_SUBNEGOTIATION) {
            sb.write(b);
          }
        }
        case SB_IAC -> {
          if (b == SE) {
            state = State.DATA;
            handler.subnegotiation(sb.toByteArray());
            if (returnAfterCommand) {
              return COMMAND;
            }
          } else {
            if (b == IAC && sb.size() < MAX_SUBNEGOTIATION) {
              sb.write(IAC);
            }
            state = State.SB;
          }
        }
        default -> throw new IllegalStateException(state.toString());
      }
    }
  }
}
