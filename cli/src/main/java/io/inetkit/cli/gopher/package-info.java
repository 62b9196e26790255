/**
 * {@code inetkit gopher}: menus, searches, text and files from Gopherspace, through {@link
 * io.inetkit.transfer.gopher.GopherClient}.
 */
package io.inetkit.cli.gopher;
