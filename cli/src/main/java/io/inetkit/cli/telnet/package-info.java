/**
 * {@code inetkit telnet}: scripted Telnet sessions (send, expect, run, login) through {@link
 * io.inetkit.terminal.TelnetClient}.
 */
package io.inetkit.cli.telnet;
