/**
 * {@code inetkit mail}: send over SMTP, read, list, sync, watch and change messages over IMAP (and
 * POP3), through the {@code io.inetkit.mail} clients.
 */
package io.inetkit.cli.mail;
