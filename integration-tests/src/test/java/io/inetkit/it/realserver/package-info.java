/**
 * Launchers for Debian's real servers in the interop suite ({@code -Preal-servers}, as root):
 * {@link io.inetkit.it.realserver.Dovecot} and {@link io.inetkit.it.realserver.Postfix}, put
 * together by {@link io.inetkit.it.realserver.RealMail}; each runs as its own instance on 127.0.0.1
 * free ports with configuration, state and logs in a temp folder, a CA and certificate made for the
 * run ({@link io.inetkit.it.realserver.RealServerPki}) and throwaway system users ({@link
 * io.inetkit.it.realserver.SystemUsers}), and is stopped and removed by {@code close()}.
 */
package io.inetkit.it.realserver;
