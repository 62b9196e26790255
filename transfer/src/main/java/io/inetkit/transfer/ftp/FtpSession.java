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
 *   ftp.put(Path.of("report.pdf"), "/incoming/2026/report.pdf", PutOptions.DEFAULT.withAtomic(true));
 *   ftp.mirrorDown("/pub/docs", Path.of("docs"), MirrorOptions.DEFAULT.withParallelism(8));
 * }
 * }</pre>
 *
 * <p>Every method throws {@link io.inetkit.core.ProtocolReplyException} (or its {@link
 * io.inetkit.core.NotFoundException}) carrying the server's reply when the server refuses, {@link
 * io.inetkit.core.InetkitTimeoutException} when it stays silent past the timeout, and {@link
 * io.inetkit.core.ProtocolViolationException} when its output breaks the protocol.
 */
public interface FtpSession extends Closeable {

  /** {@return the server} */
  Endpoint endpoint();

  /** {@return what the server offers (its FEAT reply), read once at login} */
  FtpFeatures features();

  /**
   * Lists a folder: MLSD when the server offers MLST, else LIST parsed for the server's system
   * type. {@code .} and {@code ..} are left out.
   *
   * @param path the remote folder ({@code ""} or {@code "."} for the login folder)
   * @return the folder's entries in the server's order, without {@code .} and {@code ..}
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
   * @param remote the remote file's path (relative to the login folder unless it starts with {@code
   *     /})
   * @param local the local file to write, or an existing folder to write into
   * @param options resume and checksum options (see {@link GetOptions})
   * @return what was transferred: bytes, time and checksum
   * @throws io.inetkit.core.LimitExceededException when the file is larger than {@link
   *     FtpClient#maxFileSize()}: checked before transferring when SIZE answers, and on the bytes
   *     as they arrive (then the temp file is deleted)
   */
  FtpTransfer get(String remote, Path local, GetOptions options) throws InetkitException;

  /**
   * {@link #get(String, Path, GetOptions)} with {@link GetOptions#DEFAULT}.
   *
   * @param remote the remote file's path (relative to the login folder unless it starts with {@code
   *     /})
   * @param local the local file to write, or an existing folder to write into
   * @return what was transferred: bytes, time and checksum
   * @throws InetkitException when the server refuses, the connection fails or a limit is exceeded
   */
  default FtpTransfer get(String remote, Path local) throws InetkitException {
    return get(remote, local, GetOptions.DEFAULT);
  }

  /**
   * Downloads {@code remote} into {@code out} (left open); a drop resumes from the bytes written.
   * With {@link TransferType#ASCII} a drop after bytes were written is reported, not resumed.
   *
   * @param remote the remote file's path (relative to the login folder unless it starts with {@code
   *     /})
   * @param out where the bytes go; flushed, not closed
   * @param options checksum option (see {@link StreamGetOptions})
   * @return what was transferred: bytes, time and checksum
   * @throws InetkitException when the server refuses, the connection fails or a limit is exceeded
   */
  FtpTransfer get(String remote, OutputStream out, StreamGetOptions options)
      throws InetkitException;

  /**
   * {@link #get(String, OutputStream, StreamGetOptions)} with {@link StreamGetOptions#DEFAULT}.
   *
   * @param remote the remote file's path (relative to the login folder unless it starts with {@code
   *     /})
   * @param out where the bytes go; flushed, not closed
   * @return what was transferred: bytes, time and checksum
   * @throws InetkitException when the server refuses, the connection fails or a limit is exceeded
   */
  default FtpTransfer get(String remote, OutputStream out) throws InetkitException {
    return get(remote, out, StreamGetOptions.DEFAULT);
  }

  /**
   * Uploads {@code local} to {@code remote}. A dropped connection is reconnected and the upload
   * resumed from the remote size up to {@link FtpClient#retries()} times.
   *
   * @param local the local file to upload
   * @param remote the remote file's path (relative to the login folder unless it starts with {@code
   *     /})
   * @param options resume, atomic and checksum options (see {@link PutOptions})
   * @return what was transferred: bytes, time and checksum
   * @throws InetkitException when the server refuses, the connection fails or a limit is exceeded
   */
  FtpTransfer put(Path local, String remote, PutOptions options) throws InetkitException;

  /**
   * {@link #put(Path, String, PutOptions)} with {@link PutOptions#DEFAULT}.
   *
   * @param local the local file to upload
   * @param remote the remote file's path (relative to the login folder unless it starts with {@code
   *     /})
   * @return what was transferred: bytes, time and checksum
   * @throws InetkitException when the server refuses, the connection fails or a limit is exceeded
   */
  default FtpTransfer put(Path local, String remote) throws InetkitException {
    return put(local, remote, PutOptions.DEFAULT);
  }

  /**
   * Uploads everything {@code in} yields (not closed) to {@code remote}; no automatic retry.
   *
   * @param in the bytes to upload; read to its end, not closed
   * @param remote the remote file's path (relative to the login folder unless it starts with {@code
   *     /})
   * @param options atomic and checksum options (see {@link StreamPutOptions})
   * @return what was transferred: bytes, time and checksum
   * @throws InetkitException when the server refuses, the connection fails or a limit is exceeded
   */
  FtpTransfer put(InputStream in, String remote, StreamPutOptions options) throws InetkitException;

  /**
   * {@link #put(InputStream, String, StreamPutOptions)} with {@link StreamPutOptions#DEFAULT}.
   *
   * @param in the bytes to upload; read to its end, not closed
   * @param remote the remote file's path (relative to the login folder unless it starts with {@code
   *     /})
   * @return what was transferred: bytes, time and checksum
   * @throws InetkitException when the server refuses, the connection fails or a limit is exceeded
   */
  default FtpTransfer put(InputStream in, String remote) throws InetkitException {
    return put(in, remote, StreamPutOptions.DEFAULT);
  }

  /**
   * Copies the remote folder tree into {@code localDir}. Every name the server lists is checked:
   * {@code ..}, absolute names, separators and NUL are refused with {@link
   * io.inetkit.core.ProtocolViolationException}; nothing is ever written outside {@code localDir}.
   * Each file is downloaded as {@link #get(String, Path)} does (temp file, renamed when complete,
   * resumed after a drop), over up to {@link MirrorOptions#parallelism()} connections: this
   * session's lists the folders (one LIST or MLSD each) and moves files too; the others are opened
   * for this mirror and closed when it ends, and only transfer (EPSV and RETR per file; the size
   * comes from the listing). The whole mirror runs under one {@link
   * io.inetkit.core.Timeouts#overall()} deadline. The first failure stops it: files not started are
   * left alone, transfers in progress are cut off (leaving only their hidden {@code
   * .NAME.inetkit-part} files), every extra connection is closed, then that failure is thrown. With
   * a parallelism above 1, the client's {@link io.inetkit.core.ProgressListener} and {@link
   * io.inetkit.core.EventListener} are called from several threads.
   *
   * @param remoteDir the remote folder to copy
   * @param localDir the local folder to copy into; created when missing
   * @param options which files are copied and over how many connections (see {@link MirrorOptions})
   * @return the files copied and skipped, and the bytes copied
   * @throws io.inetkit.core.LimitExceededException past {@link FtpClient#maxMirrorDepth()} or
   *     {@link FtpClient#maxMirrorEntries()}
   */
  MirrorResult mirrorDown(String remoteDir, Path localDir, MirrorOptions options)
      throws InetkitException;

  /**
   * {@link #mirrorDown(String, Path, MirrorOptions)} in {@code mode}, default parallelism.
   *
   * @param remoteDir the remote folder to copy
   * @param localDir the local folder to copy into; created when missing
   * @param mode which files are copied
   * @return the files copied and skipped, and the bytes copied
   * @throws InetkitException when a name is unsafe, a limit is exceeded, the server refuses or the
   *     connection fails
   */
  default MirrorResult mirrorDown(String remoteDir, Path localDir, MirrorMode mode)
      throws InetkitException {
    return mirrorDown(remoteDir, localDir, MirrorOptions.DEFAULT.withMode(mode));
  }

  /**
   * Copies the local folder tree into {@code remoteDir}, creating folders as needed (on this
   * session's connection, which also lists each remote folder once), and uploads the files over up
   * to {@link MirrorOptions#parallelism()} connections as {@link #mirrorDown mirrorDown} does
   * (STOR, SIZE to check, MFMT to keep the time). Failures stop it as in {@link #mirrorDown}.
   *
   * @param localDir the local folder to copy; must exist
   * @param remoteDir the remote folder to copy into; created when missing
   * @param options which files are copied and over how many connections (see {@link MirrorOptions})
   * @return the files copied and skipped, and the bytes copied
   * @throws InetkitException when the server refuses, the connection fails or a limit is exceeded
   */
  MirrorResult mirrorUp(Path localDir, String remoteDir, MirrorOptions options)
      throws InetkitException;

  /**
   * {@link #mirrorUp(Path, String, MirrorOptions)} in {@code mode}, default parallelism.
   *
   * @param localDir the local folder to copy; must exist
   * @param remoteDir the remote folder to copy into; created when missing
   * @param mode which files are copied
   * @return the files copied and skipped, and the bytes copied
   * @throws InetkitException when the server refuses, the connection fails or a limit is exceeded
   */
  default MirrorResult mirrorUp(Path localDir, String remoteDir, MirrorMode mode)
      throws InetkitException {
    return mirrorUp(localDir, remoteDir, MirrorOptions.DEFAULT.withMode(mode));
  }

  /**
   * Creates {@code path} and any missing parents (like {@code mkdir -p}).
   *
   * @param path the remote path
   * @throws InetkitException when the server refuses, the connection fails or a limit is exceeded
   */
  void mkdirs(String path) throws InetkitException;

  /**
   * Deletes a file.
   *
   * @param path the remote path
   * @throws InetkitException when the server refuses, the connection fails or a limit is exceeded
   */
  void delete(String path) throws InetkitException;

  /**
   * Deletes a folder and everything in it.
   *
   * @param path the remote path
   * @throws InetkitException when the server refuses, the connection fails or a limit is exceeded
   */
  void deleteRecursively(String path) throws InetkitException;

  /**
   * Renames (moves) {@code from} to {@code to} with RNFR/RNTO.
   *
   * @param from the current remote path
   * @param to the new remote path
   * @throws InetkitException when the server refuses, the connection fails or a limit is exceeded
   */
  void rename(String from, String to) throws InetkitException;

  /**
   * {@return the size in bytes (SIZE)}
   *
   * @param path the remote path
   * @throws InetkitException when the server refuses, the connection fails or a limit is exceeded
   */
  long size(String path) throws InetkitException;

  /**
   * {@return the modification time (MDTM)}
   *
   * @param path the remote path
   * @throws InetkitException when the server refuses, the connection fails or a limit is exceeded
   */
  Instant modificationTime(String path) throws InetkitException;

  /**
   * Sets the modification time (MFMT).
   *
   * @param path the remote path
   * @param time the new modification time (servers keep whole seconds)
   * @throws InetkitException when the server refuses, the connection fails or a limit is exceeded
   */
  void setModificationTime(String path, Instant time) throws InetkitException;

  /**
   * Sends one raw command line (no CR, LF or NUL; at most 1024 characters) and returns the positive
   * or intermediate reply. Commands that need a data connection are not supported.
   *
   * @param commandLine the command line, without its line end
   * @return the server's reply
   * @throws io.inetkit.core.ProtocolReplyException on a 4xx/5xx reply
   */
  Reply command(String commandLine) throws InetkitException;

  /** Sends QUIT and closes the connection. Idempotent; never throws. */
  @Override
  void close();
}
