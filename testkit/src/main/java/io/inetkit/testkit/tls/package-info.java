/**
 * Throwaway TLS material made at run time ({@link io.inetkit.testkit.tls.TestPki}): a CA, server
 * certificates for loopback names, and the matching client trust.
 */
package io.inetkit.testkit.tls;
