package io.inetkit.transfer.ftp.internal;

import io.inetkit.core.ConnectionClosedException;
import io.inetkit.core.Endpoint;
import io.inetkit.core.InetkitException;
import io.inetkit.core.InetkitTimeoutException;
import io.inetkit.core.LimitExceededException;
import io.inetkit.core.LocalPaths;
import io.inetkit.core.NotFoundException;
import io.inetkit.core.ProtocolReplyException;
import io.inetkit.core.ProtocolViolationException;
import io.inetkit.core.Reply;
import io.inetkit.core.internal.Connector;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.net.MalformedServerReplyException;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPConnectionClosedException;
import org.apache.commons.net.ftp.FTPReply;
import org.apache.commons.net.io.CopyStreamException;

/**
 * The one place where Commons Net and JDK failures of the FTP client become core exceptions, and
 * where negative FTP replies become {@link ProtocolReplyException}s carrying the reply.
 */
final class FtpFailures {
  private FtpFailures() {}

  /** Commands whose 550 means "no such file or folder". */
  private static final Set<String> LOOKUPS =
      Set.of(
          "RETR", "SIZE", "MDTM", "DELE", "RMD", "RNFR", "CWD", "MLST", "HASH", "XSHA256", "XSHA1",
          "XMD5", "MFMT", "LIST", "MLSD", "NLST");

  /** Translates {@code e}, raised while doing {@code what}, into the core exception tree. */
  static InetkitException translate(
      IOException e, String what, Endpoint endpoint, Duration timeout) {
    if (e instanceof InetkitException ie) {
      return ie;
    }
    if (e instanceof java.nio.file.FileSystemException local) {
      // a local file, not the server: the file to upload vanished, the disk is full
      return LocalPaths.failure(
          what + ": local file " + local.getFile(),
          local.getFile() == null ? null : java.nio.file.Path.of(local.getFile()),
          local);
    }
    if (e instanceof CopyStreamException copy && copy.getIOException() != null) {
      return translate(copy.getIOException(), what, endpoint, timeout);
    }
    if (e instanceof ControlLimitInputStream.ReplyTooLongException tooLong) {
      return new LimitExceededException(
          what + ": " + tooLong.getMessage() + " from " + endpoint, endpoint, tooLong.limit);
    }
    if (e instanceof ControlLimitInputStream.NulInReplyException) {
      return new ProtocolViolationException(what + ": " + e.getMessage(), endpoint, e);
    }
    if (e instanceof FTPConnectionClosedException) {
      return new ConnectionClosedException(
          what + ": the server closed the connection: " + e.getMessage(), endpoint, e);
    }
    if (e instanceof MalformedServerReplyException) {
      return new ProtocolViolationException(
          what + ": malformed reply from the server: " + quoted(e.getMessage()), endpoint, e);
    }
    if (e.getCause() instanceof SocketTimeoutException) {
      return new InetkitTimeoutException(what + " to " + endpoint, endpoint, timeout, e);
    }
    if (e.getCause() instanceof IOException cause && e.getClass() == IOException.class) {
      return translate(cause, what, endpoint, timeout);
    }
    return Connector.translate(e, what, endpoint, timeout);
  }

  /**
   * Translates the unchecked exception Commons Net throws when a server reply holds a value it
   * cannot use (a PASV/EPSV reply naming a port out of range, a number too large): the server broke
   * the protocol, so this is a {@link ProtocolViolationException} quoting its last reply.
   */
  static ProtocolViolationException unusableReply(
      IllegalArgumentException e, String what, FTPClient client, Endpoint endpoint) {
    String reply = client == null ? null : client.getReplyString();
    return new ProtocolViolationException(
        what + ": the server's reply " + quoted(reply) + " is unusable: " + e.getMessage(),
        endpoint,
        e);
  }

  private static String quoted(String s) {
    return io.inetkit.core.internal.Inputs.quote(s == null ? "" : s.strip());
  }

  /** Returns the client's last reply as a core {@link Reply}. */
  static Reply lastReply(FTPClient client) {
    int code = client.getReplyCode();
    String text = client.getReplyString() == null ? "" : client.getReplyString().strip();
    if (text.startsWith(Integer.toString(code))) {
      text = text.substring(3).strip();
      if (text.startsWith("-")) {
        text = text.substring(1);
      }
    }
    return code >= 100 && code <= 599
        ? Reply.numeric(code, text)
        : new Reply("???", text, Reply.Kind.PERMANENT_NEGATIVE);
  }

  /**
   * Returns the exception for the client's last (negative) reply to {@code command}: {@link
   * NotFoundException} for a 550 to a lookup, {@link io.inetkit.core.TlsException} explaining the
   * cause for vsftpd's "522 ... session reuse required", else {@link ProtocolReplyException}.
   */
  static InetkitException refused(FTPClient client, String command, Endpoint endpoint) {
    Reply reply = lastReply(client);
    String verb = command.split(" ", 2)[0].toUpperCase(Locale.ROOT);
    if (reply.code() == 550 && LOOKUPS.contains(verb)) {
      return new NotFoundException(command, endpoint, reply, null);
    }
    ProtocolReplyException refusal = new ProtocolReplyException(command, endpoint, reply, null);
    if (reply.code() == 522 || reply.text().toLowerCase(Locale.ROOT).contains("session reuse")) {
      return new io.inetkit.core.TlsException(
          refusal.getMessage()
              + ": the server requires the data connection to resume the control"
              + " connection's TLS session and did not accept it. inetkit offers the session on"
              + " every data connection, by session ID with TLS 1.2 unless the JVM property"
              + " jdk.tls.client.enableSessionTicketExtension is set (some servers, vsftpd on"
              + " OpenSSL, reject the JDK's TLS 1.2 ticket resumption): start the JVM with"
              + " -Djdk.tls.client.enableSessionTicketExtension=false (for the inetkit command:"
              + " INETKIT_JAVA_OPTS=-Djdk.tls.client.enableSessionTicketExtension=false), or allow"
              + " TLS 1.3 on the server",
          endpoint,
          refusal);
    }
    return refusal;
  }

  /** Throws {@link #refused} unless {@code code} is a positive completion (2xx). */
  static void require(FTPClient client, int code, String command, Endpoint endpoint)
      throws InetkitException {
    if (!FTPReply.isPositiveCompletion(code)) {
      throw refused(client, command, endpoint);
    }
  }

  /** Throws {@link #refused} unless {@code ok}: for Commons Net's boolean-returning methods. */
  static void require(FTPClient client, boolean ok, String command, Endpoint endpoint)
      throws InetkitException {
    if (!ok) {
      throw refused(client, command, endpoint);
    }
  }
}
