package io.inetkit.transfer.gopher.internal;

import io.inetkit.core.EventListener;
import io.inetkit.core.Proxies;
import io.inetkit.core.Timeouts;
import io.inetkit.core.Trust;

/**
 * What a {@code GopherClient} was built with, handed to the internals in one piece.
 *
 * @param timeouts connect, read (idle) and overall limits
 * @param trust TLS trust for gophers
 * @param events the event listener (never null)
 * @param maxLineLength the longest menu or text line accepted
 * @param maxMenuItems the most lines of a menu or attribute reply
 * @param maxMenuBytes the most bytes of a reply kept in memory (menus, attributes)
 * @param maxTotalBytes the most bytes of any reply, streamed ones included
 * @param proxy which proxy connections go through
 */
public record GopherSettings(
    Timeouts timeouts,
    Trust trust,
    EventListener events,
    int maxLineLength,
    int maxMenuItems,
    long maxMenuBytes,
    long maxTotalBytes,
    Proxies proxy) {

  /** Settings without a proxy. */
  public GopherSettings(
      Timeouts timeouts,
      Trust trust,
      EventListener events,
      int maxLineLength,
      int maxMenuItems,
      long maxMenuBytes,
      long maxTotalBytes) {
    this(
        timeouts,
        trust,
        events,
        maxLineLength,
        maxMenuItems,
        maxMenuBytes,
        maxTotalBytes,
        Proxies.NONE);
  }
}
