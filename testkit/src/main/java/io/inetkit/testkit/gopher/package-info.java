/**
 * An embedded Gopher and gophers server ({@link io.inetkit.testkit.gopher.GopherServer}) that
 * serves a folder as RFC 1436 menus, text and binary items, with a type-7 search and Gopher+ item
 * attributes and views, for tests on loopback.
 */
package io.inetkit.testkit.gopher;
