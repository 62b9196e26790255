/**
 * Throwaway TLS material made at run time ({@link io.inetkit.testkit.tls.TestPki}): a CA, server
 * certificates for loopback names, and the matching client trust; and the same written as PEM files
 * for Debian's real servers ({@link io.inetkit.testkit.tls.RealServerPki}).
 */
package io.inetkit.testkit.tls;
