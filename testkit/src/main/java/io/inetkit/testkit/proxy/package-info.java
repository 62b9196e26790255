/**
 * An embedded SOCKS5 and HTTP {@code CONNECT} proxy ({@link io.inetkit.testkit.proxy.ProxyServer})
 * on loopback that records every tunnel it opened, for proving that a client's connections (FTP
 * data connections too) go through a proxy, and hostile variants ({@link
 * io.inetkit.testkit.proxy.ProxyFault}) for proving that a misbehaving proxy ends in a typed error.
 */
package io.inetkit.testkit.proxy;
