package io.inetkit.transfer.ftp;

import io.inetkit.core.Endpoint;
import io.inetkit.core.InetkitException;
import io.inetkit.core.Reply;
import java.io.Closeable;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * One logged-in FTP connection, from {@link FtpClient#open()}. Not thread-safe; {@link #close()} is
 * idempotent. Remote paths are absolute or relative to the login folder; they must not hold CR, LF
 * or NUL ({@link io.inetkit.core.InvalidInputException} before anything is sent).
 *
 * <pre>{@code
 * try (FtpSession ftp = client.open()) {
 *   for (FtpEntry e : ftp.list("/pub")) System.out.println(e.name());
 *   ftp.get("/pub/data.csv", Path.of("data.csv"));
 *   ftp.mkdirs("/incoming/2026");
 *   ftp.put(Path.of("report.pdf"), "/incoming/2026/report.pdf", TransferOption.ATOMIC);
 *   ftp.mirrorDown("/pub/docs", Path.of("docs"), MirrorMode.ONLY_NEWER);
 * }
 * }</pre>
 *
 * <p>Every method throws {@link io.inetkit.core.ProtocolReplyException} (or its {@link
 * io.inetkit.core.NotFoundException}) carrying the server's reply when the server refuses, {@link
 * io.inetkit.core.InetkitTimeoutException} when it stays silent past the timeout, and {@link
 * io.inetkit.core.ProtocolViolationException} when its output breaks the protocol.
 */
public interface FtpSession extends Closeable {

  /** Returns the server. */
  Endpoint endpoint();

  /** Returns what the server offers (its FEAT reply), read once at login. */
  FtpFeatures features();

  /**
   * Lists a folder: MLSD when the server offers MLST, else LIST parsed for the server's system
   * type. {@code .} and {@code ..} are left out.
   *
   * @throws io.inetkit.core.ProtocolViolationException when a line cannot be parsed (never a
   *     silently short list)
   * @throws io.inetkit.core.LimitExceededException when a line or the entry count passes its limit
   * @throws io.inetkit.core.NotFoundException when the folder does not exist, also on servers that
   *     answer LIST of a missing folder with an empty listing (an empty listing is confirmed with
   *     one MLST, or CWD there and back; a listing with entries costs no extra round trip)
   */
  List<FtpEntry> list(String path) throws InetkitException;

  /**
   * Downloads {@code remote} into {@code local} (a file, or an existing folder to put it in),
   * through a temp file in the same folder that is renamed only when the transfer is complete and
   * its size matches SIZE. A dropped connection is reconnected and the transfer resumed up to
   * {@link FtpClient#retries()} times.
   *
   * @throws io.inetkit.core.LimitExceededException when the file is larger than {@link
   *     FtpClient#maxFileSize()}: checked before transferring when SIZE answers, and on the bytes
   *     as they arrive (then the temp file is deleted)
   */
  FtpTransfer get(String remote, Path local, TransferOption... options) throws InetkitException;

  /**
   * Downloads {@code remote} into {@code out} (left open); a drop resumes from the bytes written.
   * With {@link TransferType#ASCII} a drop after bytes were written is reported, not resumed.
   */
  FtpTransfer get(String remote, OutputStream out, TransferOption... options)
      throws InetkitException;

  /**
   * Uploads {@code local} to {@code remote}. A dropped connection is reconnected and the upload
   * resumed from the remote size up to {@link FtpClient#retries()} times.
   */
  FtpTransfer put(Path local, String remote, TransferOption... options) throws InetkitException;

  /** Uploads everything {@code in} yields (not closed) to {@code remote}; no automatic retry. */
  FtpTransfer put(InputStream in, String remote, TransferOption... options) throws InetkitException;

  /**
   * Copies the remote folder tree into {@code localDir}. Every name the server lists is checked:
   * {@code ..}, absolute names, separators and NUL are refused with {@link
   * io.inetkit.core.ProtocolViolationException}; nothing is ever written outside {@code localDir}.
   */
  MirrorResult mirrorDown(String remoteDir, Path localDir, MirrorMode mode) throws InetkitException;

  /** Copies the local folder tree into {@code remoteDir}, creating folders as needed. */
  MirrorResult mirrorUp(Path localDir, String remoteDir, MirrorMode mode) throws InetkitException;

  /** Creates {@code path} and any missing parents (like {@code mkdir -p}). */
  void mkdirs(String path) throws InetkitException;

  /** Deletes a file. */
  void delete(String path) throws InetkitException;

  /** Deletes a folder and everything in it. */
  void deleteRecursively(String path) throws InetkitException;

  /** Renames (moves) {@code from} to {@code to} with RNFR/RNTO. */
  void rename(String from, String to) throws InetkitException;

  /** Returns the size in bytes (SIZE). */
  long size(String path) throws InetkitException;

  /** Returns the modification time (MDTM). */
  Instant modificationTime(String path) throws InetkitException;

  /** Sets the modification time (MFMT). */
  void setModificationTime(String path, Instant time) throws InetkitException;

  /**
   * Sends one raw command line (no CR, LF or NUL; at most 1024 characters) and returns the positive
   * or intermediate reply. Commands that need a data connection are not supported.
   *
   * @throws io.inetkit.core.ProtocolReplyException on a 4xx/5xx reply
   */
  Reply command(String commandLine) throws InetkitException;

  /** Sends QUIT and closes the connection. Idempotent; never throws. */
  @Override
  void close();
}
