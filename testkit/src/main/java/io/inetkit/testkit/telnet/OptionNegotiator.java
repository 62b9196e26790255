package io.inetkit.testkit.telnet;

import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * The server's side of RFC 855 option negotiation, loop-free in the manner of RFC 1143: for each
 * option and side it remembers whether the option is on and whether the server is waiting for an
 * answer, answers a request only when it changes the state, and records the outcome.
 */
final class OptionNegotiator {
  /** Options the server lets the client perform. */
  private static final Set<TelnetOptionCode> CLIENT_MAY =
      Set.of(
          TelnetOptionCode.TERMINAL_TYPE,
          TelnetOptionCode.NAWS,
          TelnetOptionCode.SUPPRESS_GO_AHEAD,
          TelnetOptionCode.BINARY);

  /** Options the server is willing to perform. */
  private static final Set<TelnetOptionCode> SERVER_MAY =
      Set.of(TelnetOptionCode.ECHO, TelnetOptionCode.SUPPRESS_GO_AHEAD, TelnetOptionCode.BINARY);

  private static final class Side {
    boolean enabled;
    boolean pending;
  }

  private final NvtOutput out;
  private final TelnetConnectionRecord record;
  private final Map<TelnetOptionCode, Side> client = new EnumMap<>(TelnetOptionCode.class);
  private final Map<TelnetOptionCode, Side> server = new EnumMap<>(TelnetOptionCode.class);

  OptionNegotiator(NvtOutput out, TelnetConnectionRecord record) {
    this.out = out;
    this.record = record;
    for (TelnetOptionCode o : TelnetOptionCode.values()) {
      client.put(o, new Side());
      server.put(o, new Side());
    }
  }

  /** Asks the client to perform {@code option} ({@code IAC DO}). */
  synchronized void requestClient(TelnetOptionCode option) throws IOException {
    Side s = client.get(option);
    if (!s.enabled && !s.pending) {
      s.pending = true;
      out.negotiate(NvtInput.DO, option.code());
    }
  }

  /** Offers to perform {@code option} ({@code IAC WILL}). */
  synchronized void offerServer(TelnetOptionCode option) throws IOException {
    Side s = server.get(option);
    if (!s.enabled && !s.pending) {
      s.pending = true;
      out.negotiate(NvtInput.WILL, option.code());
    }
  }

  /** {@return whether any request of the server is still unanswered} */
  synchronized boolean pending() {
    return client.values().stream().anyMatch(s -> s.pending)
        || server.values().stream().anyMatch(s -> s.pending);
  }

  synchronized boolean clientEnabled(TelnetOptionCode option) {
    return client.get(option).enabled;
  }

  synchronized boolean serverEnabled(TelnetOptionCode option) {
    return server.get(option).enabled;
  }

  /** Handles {@code IAC WILL/WONT/DO/DONT option} from the client. */
  synchronized void received(int verb, int code) throws IOException {
    TelnetOptionCode option = TelnetOptionCode.of(code);
    boolean clientSide = verb == NvtInput.WILL || verb == NvtInput.WONT;
    boolean on = verb == NvtInput.WILL || verb == NvtInput.DO;
    int yes = clientSide ? NvtInput.DO : NvtInput.WILL;
    int no = clientSide ? NvtInput.DONT : NvtInput.WONT;
    if (option == null) {
      if (on) {
        out.negotiate(no, code); // unknown option: always refuse
      }
      return;
    }
    Side s = (clientSide ? client : server).get(option);
    boolean supported = (clientSide ? CLIENT_MAY : SERVER_MAY).contains(option);
    if (s.pending) {
      s.pending = false;
      s.enabled = on && supported;
    } else if (on && !s.enabled) {
      s.enabled = supported;
      out.negotiate(supported ? yes : no, code);
    } else if (!on && s.enabled) {
      s.enabled = false;
      out.negotiate(no, code);
    } else {
      return; // no change: no answer, so no loop
    }
    record.option(clientSide, option, s.enabled);
    if (clientSide && s.enabled && option == TelnetOptionCode.TERMINAL_TYPE) {
      out.subnegotiate((byte) TelnetOptionCode.TERMINAL_TYPE.code(), (byte) 1); // SEND
    }
    if (!clientSide && option == TelnetOptionCode.BINARY) {
      out.binary(s.enabled);
    }
  }
}
