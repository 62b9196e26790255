package io.inetkit.cli;

import io.inetkit.core.AuthenticationException;
import io.inetkit.core.ConnectionClosedException;
import io.inetkit.core.ConnectionException;
import io.inetkit.core.InetkitException;
import io.inetkit.core.InetkitTimeoutException;
import io.inetkit.core.InvalidInputException;
import io.inetkit.core.LocalFileException;
import io.inetkit.core.NotFoundException;
import io.inetkit.core.ProtocolReplyException;
import io.inetkit.core.ProtocolViolationException;
import io.inetkit.core.TlsException;
import java.io.IOException;

/**
 * The exit codes of the {@code inetkit} command, sysexits-style so scripts can tell failures apart.
 * Listed in {@code inetkit --help} and the README.
 */
public enum ExitCode {
  /** Everything worked. */
  OK(0, "success"),
  /** A bug in inetkit: an unexpected exception. */
  INTERNAL(1, "internal error"),
  /** Bad command line or bad input value (rejected before anything was sent). */
  USAGE(2, "usage error or invalid input"),
  /** The server says the file, folder, message or selector does not exist. */
  NOT_FOUND(66, "not found on the server"),
  /** The server could not be reached (unknown host, refused, unreachable). */
  UNAVAILABLE(69, "cannot connect"),
  /** A local file could not be read or written. */
  LOCAL_IO(74, "local I/O error"),
  /**
   * The connection dropped mid-way, or the server refused with a temporary (4xx) reply: try again
   * later.
   */
  TEMPORARY(75, "temporary failure (dropped connection, 4xx reply)"),
  /** The server refused with a permanent reply, or broke the protocol. */
  PROTOCOL(76, "server refused or protocol error"),
  /** The server refused the credentials. */
  AUTH(77, "authentication failed"),
  /** TLS failed: certificate, host name, or STARTTLS refused. */
  TLS(78, "TLS failure (certificate, host name, STARTTLS)"),
  /**
   * A timeout expired: connecting ({@code --connect-timeout}), waiting for the server ({@code
   * --timeout}) or the whole operation ({@code --max-time}).
   */
  TIMEOUT(79, "timed out (connect, server silence, --max-time)");

  private final int code;
  private final String meaning;

  ExitCode(int code, String meaning) {
    this.code = code;
    this.meaning = meaning;
  }

  /** {@return the numeric process exit code} */
  public int code() {
    return code;
  }

  /** {@return what the code means, for --help} */
  public String meaning() {
    return meaning;
  }

  /**
   * Maps a failure to its exit code.
   *
   * @param failure what a command threw
   * @return the exit code the table in the top-level help gives it
   */
  public static ExitCode of(Throwable failure) {
    if (failure instanceof InvalidInputException || failure instanceof IllegalArgumentException) {
      return USAGE;
    }
    if (failure instanceof LocalFileException) {
      return LOCAL_IO;
    }
    if (failure instanceof AuthenticationException) {
      return AUTH;
    }
    if (failure instanceof TlsException) {
      return TLS;
    }
    if (failure instanceof InetkitTimeoutException) {
      return TIMEOUT;
    }
    if (failure instanceof ConnectionClosedException) {
      return TEMPORARY;
    }
    if (failure instanceof NotFoundException) {
      return NOT_FOUND;
    }
    if (failure instanceof ProtocolReplyException pre) {
      return pre.reply().isTransient() ? TEMPORARY : PROTOCOL;
    }
    if (failure instanceof ProtocolViolationException) {
      return PROTOCOL;
    }
    if (failure instanceof ConnectionException) {
      return UNAVAILABLE;
    }
    if (failure instanceof InetkitException) {
      return PROTOCOL;
    }
    if (failure instanceof IOException) {
      return LOCAL_IO;
    }
    return INTERNAL;
  }

  /**
   * {@return code and meaning of every exit code, in order, for picocli's exit-code list (the
   * top-level help and the man page)}
   */
  public static java.util.Map<String, String> list() {
    java.util.Map<String, String> list = new java.util.LinkedHashMap<>();
    for (ExitCode c : values()) {
      // Padded by hand: String.format's first use loads the locale data, which every command
      // paid for at start-up (issue 18).
      String code = Integer.toString(c.code);
      list.put(" ".repeat(3 - code.length()) + code, c.meaning);
    }
    return list;
  }
}
