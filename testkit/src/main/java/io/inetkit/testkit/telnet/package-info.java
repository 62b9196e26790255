/**
 * An embedded Telnet server ({@link io.inetkit.testkit.telnet.TelnetServer}) for tests: RFC 854/855
 * option negotiation that records what each client agreed ({@link
 * io.inetkit.testkit.telnet.TelnetConnectionRecord}), a login prompt with configurable users and a
 * tiny line-oriented shell ({@code echo}, {@code cat}, {@code whoami}, {@code sleep}, {@code
 * flood}, {@code exit}).
 */
package io.inetkit.testkit.telnet;
