/**
 * A Gopher and gophers client written on plain JDK sockets: {@link
 * io.inetkit.transfer.gopher.GopherClient} fetches menus ({@link
 * io.inetkit.transfer.gopher.GopherItem}), text and binary items, runs type-7 searches and speaks
 * Gopher+ ({@link io.inetkit.transfer.gopher.GopherAttributes}, {@link
 * io.inetkit.transfer.gopher.GopherView}).
 */
package io.inetkit.transfer.gopher;
