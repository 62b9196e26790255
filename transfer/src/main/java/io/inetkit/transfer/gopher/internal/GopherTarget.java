package io.inetkit.transfer.gopher.internal;

import io.inetkit.core.Endpoint;
import io.inetkit.core.TlsMode;

/**
 * Where a request goes: the server, whether it speaks TLS from the first byte (gophers), and the
 * selector.
 *
 * @param endpoint the server
 * @param tls {@link TlsMode#IMPLICIT} for gophers, {@link TlsMode#NONE} for gopher
 * @param selector the selector, already checked for CR, LF, NUL and TAB
 */
public record GopherTarget(Endpoint endpoint, TlsMode tls, String selector) {

  /** Checks the selector. */
  public GopherTarget {
    GopherUrls.requireSelector("selector", selector);
    if (tls != TlsMode.NONE && tls != TlsMode.IMPLICIT) {
      throw new io.inetkit.core.InvalidInputException(
          "tlsMode", "Gopher knows only NONE or IMPLICIT, not " + tls);
    }
  }
}
