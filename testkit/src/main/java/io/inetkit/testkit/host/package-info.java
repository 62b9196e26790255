/**
 * Helpers for running Debian's real servers on loopback in tests: throwaway system users ({@link
 * io.inetkit.testkit.host.SystemUser} with a home and a shell, {@link
 * io.inetkit.testkit.host.SystemAccounts} without), a started server with its ports and folder
 * ({@link io.inetkit.testkit.host.ServerProcess}), an inetd-style acceptor for servers that serve
 * one connection per process ({@link io.inetkit.testkit.host.InetdListener}, on socat), and the
 * process plumbing they share ({@link io.inetkit.testkit.host.HostProcess}). Everything here needs
 * root and the packages {@code .ci/install-real-servers} installs; each class says why it cannot
 * run with an {@code unavailable()} reason instead of failing.
 */
package io.inetkit.testkit.host;
