/**
 * Implementation of the mail module: Angus Mail adapters, the socket guard, Maildir files and the
 * sync journal. Not part of the public API; may change without notice.
 */
package io.inetkit.mail.internal;
