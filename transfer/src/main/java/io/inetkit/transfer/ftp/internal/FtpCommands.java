package io.inetkit.transfer.ftp.internal;

import io.inetkit.core.InetkitException;
import io.inetkit.core.InvalidInputException;
import io.inetkit.core.LimitExceededException;
import io.inetkit.core.NotFoundException;
import io.inetkit.core.ProtocolReplyException;
import io.inetkit.core.ProtocolViolationException;
import io.inetkit.core.Reply;
import io.inetkit.core.internal.Inputs;
import io.inetkit.transfer.ftp.FtpEntry;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.net.ftp.FTPReply;

/**
 * The file and folder commands without a data connection (and the recursive delete built on
 * listings), on one {@link FtpConnection}. Arguments are validated by the caller.
 */
final class FtpCommands {
  private static final DateTimeFormatter MFMT =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

  /** Commands that need a data connection or change the session's state under it. */
  private static final Set<String> REFUSED_RAW =
      Set.of(
          "RETR", "STOR", "STOU", "APPE", "LIST", "NLST", "MLSD", "PASV", "EPSV", "PORT", "EPRT",
          "AUTH", "PROT", "PBSZ", "CCC", "REIN");

  private final FtpConnection c;
  private final FolderListing listing;

  FtpCommands(FtpConnection c, FolderListing listing) {
    this.c = c;
    this.listing = listing;
  }

  void mkdirs(String dir) throws InetkitException {
    StringBuilder prefix = new StringBuilder(dir.startsWith("/") ? "/" : "");
    for (String part : dir.split("/")) {
      if (part.isEmpty()) {
        continue;
      }
      prefix.append(part);
      String p = prefix.toString();
      c.call(
          "MKD " + p,
          () -> {
            if (!c.ftp.makeDirectory(p) && !c.isDirectory(p)) {
              c.ftp.makeDirectory(p); // repeat to report the server's refusal
              throw c.refused("MKD " + p);
            }
            return null;
          });
      prefix.append('/');
    }
  }

  void delete(String path) throws InetkitException {
    c.call(
        "DELE " + path,
        () -> {
          c.require(c.ftp.deleteFile(path), "DELE " + path);
          return null;
        });
  }

  /**
   * Deletes {@code dir} and everything below it, at most {@code maxMirrorDepth} folders below
   * {@code top}.
   */
  void deleteTree(String top, String dir, int depth) throws InetkitException {
    int maxDepth = c.config.maxMirrorDepth();
    if (depth > maxDepth) {
      throw new LimitExceededException(
          "delete "
              + SafeNames.abbreviate(top)
              + " stopped at "
              + SafeNames.abbreviate(dir)
              + ": more than "
              + maxDepth
              + " folders deep (maxMirrorDepth)",
          c.endpoint,
          maxDepth);
    }
    for (FtpEntry e : listing.list(dir)) {
      String child = SafeNames.join(dir, SafeNames.requirePlainName(e.name(), dir, c.endpoint));
      if (e.isDirectory()) {
        deleteTree(top, child, depth + 1);
      } else {
        delete(child);
      }
    }
    c.call(
        "RMD " + dir,
        () -> {
          c.require(c.ftp.removeDirectory(dir), "RMD " + dir);
          return null;
        });
  }

  /** RNFR then RNTO, so a missing source (550 to RNFR) is told apart from a refused target. */
  void rename(String from, String to) throws InetkitException {
    c.call(
        "RNFR " + from,
        () -> {
          if (!FTPReply.isPositiveIntermediate(c.ftp.rnfr(from))) {
            throw c.refused("RNFR " + from);
          }
          return null;
        });
    InetkitException refused =
        c.call(
            "RNTO " + to,
            () -> FTPReply.isPositiveCompletion(c.ftp.rnto(to)) ? null : c.refused("RNTO " + to));
    if (refused instanceof ProtocolReplyException p && !sourceExists(from)) {
      // some servers (Apache FtpServer) accept RNFR for any name and refuse only RNTO
      throw new NotFoundException("RNFR " + from, c.endpoint, p.reply(), p);
    }
    if (refused != null) {
      throw refused;
    }
  }

  /** Whether {@code path} is listed in its folder (after a refused rename, to tell why). */
  private boolean sourceExists(String path) {
    int slash = path.lastIndexOf('/');
    String parent = slash < 0 ? "." : slash == 0 ? "/" : path.substring(0, slash);
    String name = path.substring(slash + 1);
    try {
      return listing.list(parent).stream().anyMatch(e -> e.name().equals(name));
    } catch (InetkitException cannotTell) {
      return true; // keep the server's own refusal
    }
  }

  long size(String path) throws InetkitException {
    long size = c.sizeOrUnknown(path);
    if (size < 0 && FTPReply.isPositiveCompletion(c.ftp.getReplyCode())) {
      throw new ProtocolViolationException(
          "SIZE " + path + ": not a size: " + Inputs.quote(c.ftp.getReplyString().strip()),
          c.endpoint,
          null);
    }
    if (size < 0) {
      throw new ProtocolReplyException(
          "SIZE " + path, c.endpoint, FtpFailures.lastReply(c.ftp), null);
    }
    return size;
  }

  Instant modificationTime(String path) throws InetkitException {
    return c.call(
        "MDTM " + path,
        () -> {
          Instant t = c.ftp.mdtmInstant(path);
          if (t == null) {
            throw c.refused("MDTM " + path);
          }
          return t;
        });
  }

  /** MFMT, or "MDTM time path" where the server offers MDTM but not MFMT (vsftpd's mdtm_write). */
  void setModificationTime(String path, Instant time) throws InetkitException {
    String stamp = MFMT.format(time);
    if (!c.features.has("MFMT") && c.features.has("MDTM")) {
      String command = "MDTM " + stamp + " " + path;
      c.call(
          command,
          () -> {
            FtpFailures.require(
                c.ftp, c.ftp.sendCommand("MDTM", stamp + " " + path), command, c.endpoint);
            return null;
          });
      return;
    }
    String command = "MFMT " + stamp + " " + path;
    c.call(
        command,
        () -> {
          c.require(c.ftp.setModificationTime(path, stamp), command);
          return null;
        });
  }

  /** Sends one raw command line; refuses those that would confuse the session. */
  Reply command(String line) throws InetkitException {
    String verb = line.split(" ", 2)[0].toUpperCase(Locale.ROOT);
    if (REFUSED_RAW.contains(verb)) {
      throw new InvalidInputException(
          "commandLine", verb + " would confuse the session; use the session's methods");
    }
    String shown = io.inetkit.core.internal.Redaction.command(line);
    return c.call(
        shown,
        () -> {
          int code = c.ftp.sendCommand(line);
          Reply reply = FtpFailures.lastReply(c.ftp);
          if (code >= 400) {
            throw new ProtocolReplyException(shown, c.endpoint, reply, null);
          }
          return reply;
        });
  }
}
