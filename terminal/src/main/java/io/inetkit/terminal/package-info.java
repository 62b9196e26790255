/**
 * Telnet sessions for scripts and for people: {@link io.inetkit.terminal.TelnetClient} (immutable
 * configuration) opens a {@link io.inetkit.terminal.TelnetSession} with {@code expect}, {@code
 * login} and {@code run}; {@link io.inetkit.terminal.TelnetTerminalBridge} connects a session to a
 * local terminal. Built on Apache Commons Net, whose types never appear here; the implementation
 * lives in {@code io.inetkit.terminal.internal}, which is not part of the API.
 */
package io.inetkit.terminal;
