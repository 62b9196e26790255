/**
 * Scriptable misbehaving servers ({@link io.inetkit.testkit.fault.FaultServer}) for proving that
 * clients fail with typed errors, within their timeouts and bounded memory.
 */
package io.inetkit.testkit.fault;
