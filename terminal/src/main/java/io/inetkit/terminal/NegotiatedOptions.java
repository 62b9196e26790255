package io.inetkit.terminal;

import java.util.Set;

/**
 * The options in force on a session, as negotiated so far.
 *
 * <pre>{@code
 * NegotiatedOptions agreed = session.negotiatedOptions();
 * boolean remoteEcho = agreed.remote().contains(TelnetOption.ECHO);
 * boolean nawsOn = agreed.local().contains(TelnetOption.NAWS);
 * }</pre>
 *
 * @param local options this client performs (it said WILL and the server DO), e.g. NAWS
 * @param remote options the server performs (it said WILL and this client DO), e.g. ECHO
 */
public record NegotiatedOptions(Set<TelnetOption> local, Set<TelnetOption> remote) {

  /**
   * Copies both sets.
   *
   * @param local options this client performs
   * @param remote options the server performs
   */
  public NegotiatedOptions {
    local = Set.copyOf(local);
    remote = Set.copyOf(remote);
  }
}
