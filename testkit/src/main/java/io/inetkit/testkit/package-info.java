/**
 * The testkit entry point: {@link io.inetkit.testkit.InetkitServers} starts any subset of the
 * embedded SMTP/IMAP/POP3, FTP/FTPS, Telnet and Gopher servers on loopback with one shared {@link
 * io.inetkit.testkit.tls.TestPki}; {@link io.inetkit.testkit.junit} wires it into JUnit 5.
 */
package io.inetkit.testkit;
