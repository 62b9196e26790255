/**
 * IMAP to Maildir sync: batched downloads with few fsyncs, incremental flag and expunge sync
 * (CONDSTORE/QRESYNC when offered), whole-account sync with Maildir++ folder names. Not part of the
 * public API.
 */
package io.inetkit.mail.internal.sync;
