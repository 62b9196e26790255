package io.inetkit.transfer.ftp.internal;

import io.inetkit.core.InetkitException;
import io.inetkit.core.NotFoundException;
import io.inetkit.transfer.ftp.FtpEntry;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.util.List;

/**
 * Lists folders on one {@link FtpConnection}: MLSD when the server offers MLST, else LIST parsed
 * for its SYST type (asked once), read with {@link Listings}' bounds; an empty listing is confirmed
 * to be a folder that exists.
 */
final class FolderListing {
  private final FtpConnection c;
  private String systemType;

  FolderListing(FtpConnection c) {
    this.c = c;
  }

  /** Lists {@code dir}; {@code .} and {@code ..} are left out. */
  List<FtpEntry> list(String dir) throws InetkitException {
    Listings.Format format = c.features.has("MLST") ? Listings.Format.MLSD : Listings.Format.LIST;
    if (format == Listings.Format.LIST && systemType == null) {
      systemType =
          c.call(
              "SYST",
              () -> {
                try {
                  return c.ftp.getSystemType();
                } catch (IOException e) {
                  if (!c.ftp.isConnected()) {
                    throw e;
                  }
                  return "UNIX";
                }
              });
    }
    String command = format.name() + " " + dir;
    return c.callData(
        command,
        () -> {
          c.sizeBuffersFor(-1);
          Socket data = c.ftp.openData(format.name(), dir);
          if (data == null) {
            throw c.refused(command);
          }
          List<FtpEntry> entries;
          try (Socket s = data;
              InputStream in = s.getInputStream()) {
            entries =
                Listings.read(
                    in,
                    format,
                    systemType,
                    dir,
                    c.config.maxReplyLineLength(),
                    c.config.maxListingEntries(),
                    c.endpoint);
          }
          c.require(c.ftp.completePendingCommand(), command);
          if (entries.isEmpty()) {
            requireFolder(dir, command);
          }
          return entries;
        });
  }

  /**
   * Confirms that {@code dir}, whose listing came back empty, exists: some servers (vsftpd among
   * them) answer LIST of a missing folder with an empty 150/226 rather than 550. Costs one MLST (or
   * CWD there and back) for empty listings only; entries prove the folder by themselves. A server
   * that cannot say (no MLST, CWD not understood) keeps the empty listing.
   *
   * @throws NotFoundException when the server answers 550 to the check
   */
  private void requireFolder(String dir, String command) throws IOException {
    boolean found = c.features.has("MLST") ? c.ftp.mlistFile(dir) != null : c.isDirectory(dir);
    if (!found && c.ftp.getReplyCode() == 550) {
      throw new NotFoundException(
          command + ": no such folder", c.endpoint, FtpFailures.lastReply(c.ftp), null);
    }
  }
}
