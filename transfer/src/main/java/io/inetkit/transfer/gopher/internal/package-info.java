/**
 * The Gopher client's implementation: connections and limits, the menu, text and Gopher+ parsers,
 * and streaming copies. Not API: may change in any release.
 */
package io.inetkit.transfer.gopher.internal;
