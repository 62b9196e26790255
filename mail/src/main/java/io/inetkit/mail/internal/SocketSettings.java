package io.inetkit.mail.internal;

import io.inetkit.core.Endpoint;
import io.inetkit.core.EventListener;
import io.inetkit.core.Timeouts;
import io.inetkit.core.Trust;

/**
 * Everything a {@link GuardedSocket} needs, per session. Not part of the public API.
 *
 * @param endpoint the server
 * @param implicitTls whether TLS starts at connect (IMAPS, POP3S)
 * @param trust certificate and host-name verification
 * @param timeouts connect and read timeouts
 * @param events the session's listener
 * @param limits what the server may send
 * @param bounds the overall deadline and reply budget of the session's current operation
 */
record SocketSettings(
    Endpoint endpoint,
    boolean implicitTls,
    Trust trust,
    Timeouts timeouts,
    EventListener events,
    MailLimits limits,
    OperationBounds bounds,
    io.inetkit.core.Proxy proxy) {}
