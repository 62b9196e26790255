/**
 * Implementation of {@code io.inetkit.terminal}: the one adapter over Apache Commons Net's Telnet
 * ({@link io.inetkit.terminal.internal.CommonsNetTelnet}, where its exceptions are translated), NVT
 * encoding and keyboard sources for the terminal bridge. Not part of the public API; may change
 * without notice.
 */
package io.inetkit.terminal.internal;
