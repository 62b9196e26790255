package io.inetkit.transfer.ftp.internal;

import io.inetkit.core.Endpoint;
import io.inetkit.core.LimitExceededException;
import io.inetkit.core.ProtocolViolationException;
import io.inetkit.core.internal.BoundedLineReader;
import io.inetkit.core.internal.Inputs;
import io.inetkit.transfer.ftp.FtpEntry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.net.ftp.FTPFile;
import org.apache.commons.net.ftp.FTPFileEntryParser;
import org.apache.commons.net.ftp.parser.DefaultFTPFileEntryParserFactory;
import org.apache.commons.net.ftp.parser.MLSxEntryParser;

/**
 * Reads a directory listing from a data connection with bounded lines and entry count, and parses
 * every line (MLSD facts, or LIST with Commons Net's parser for the system type). A line that does
 * not parse fails the listing: a listing is never silently short.
 *
 * <p>Public (in this unexported package) so that the benchmarks can measure parsing on its own.
 */
public final class Listings {
  private Listings() {}

  /** The listing format. */
  public enum Format {
    MLSD,
    LIST
  }

  /**
   * Reads and parses a whole listing.
   *
   * @param data the listing as the server sent it; read to its end, not closed
   * @param format MLSD facts or LIST lines
   * @param systemType the server's {@code SYST} reply, choosing the LIST parser
   * @param path the listed directory, named in error messages
   * @param maxLine the longest line accepted, in bytes
   * @param maxEntries the most entries accepted
   * @param endpoint the server, for error messages
   * @return the entries in the server's order, without {@code .} and {@code ..}
   * @throws IOException if reading fails, a line does not parse, or a limit is exceeded
   */
  public static List<FtpEntry> read(
      InputStream data,
      Format format,
      String systemType,
      String path,
      int maxLine,
      int maxEntries,
      Endpoint endpoint)
      throws IOException {
    // Commons Net's LIST parser is built only for a line the hand-read common form does not take.
    FTPFileEntryParser parser = null;
    ZonedDateTime now = format == Format.LIST && isUnix(systemType) ? ZonedDateTime.now() : null;
    BoundedLineReader reader = new BoundedLineReader(data, maxLine, endpoint);
    List<FtpEntry> entries = new ArrayList<>();
    byte[] raw;
    int lines = 0;
    long bytes = 0;
    long maxBytes = maxListingBytes(maxEntries);
    while ((raw = reader.readLineBytes()) != null) {
      bytes += raw.length + 2;
      if (bytes > maxBytes) {
        throw new LimitExceededException(
            "listing of " + Inputs.quote(path) + " is larger than " + maxBytes + " bytes",
            endpoint,
            maxBytes);
      }
      String line = new String(raw, StandardCharsets.UTF_8);
      if (line.isBlank() || (format == Format.LIST && isTotalLine(line))) {
        continue;
      }
      if (++lines > maxEntries) {
        throw new LimitExceededException(
            "listing of " + Inputs.quote(path) + " has too many entries", endpoint, maxEntries);
      }
      FtpEntry common = now == null ? null : UnixListLine.parse(line, now);
      if (common != null) {
        checkName(common.name(), path, endpoint);
        if (!common.name().equals(".") && !common.name().equals("..")) {
          entries.add(common);
        }
        continue;
      }
      if (format == Format.LIST && parser == null) {
        parser = listParser(systemType);
      }
      FTPFile file =
          format == Format.MLSD ? MLSxEntryParser.parseEntry(line) : parser.parseFTPEntry(line);
      if (file == null || file.getName() == null) {
        throw new ProtocolViolationException(
            "cannot parse " + format + " line of " + Inputs.quote(path) + ": " + Inputs.quote(line),
            endpoint,
            null);
      }
      checkName(file.getName(), path, endpoint);
      if (!file.getName().equals(".") && !file.getName().equals("..")) {
        entries.add(toEntry(file, line, format));
      }
    }
    return entries;
  }

  private static void checkName(String name, String path, Endpoint endpoint)
      throws ProtocolViolationException {
    if (name.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
      throw new ProtocolViolationException(
          "control character in a name listed in " + Inputs.quote(path) + ": " + Inputs.quote(name),
          endpoint,
          null);
    }
  }

  /**
   * Whether the server's LIST lines are Unix ones, for which Commons Net would choose its Unix
   * parser: no {@code SYST} answer, or the usual {@code UNIX Type: L8}.
   */
  private static boolean isUnix(String systemType) {
    return systemType == null || systemType.regionMatches(true, 0, "UNIX Type:", 0, 10);
  }

  /**
   * The most bytes a listing of at most {@code maxEntries} entries may have: 256 per entry (a
   * typical line has 60-100), so that long lines cannot multiply the entry limit's memory.
   */
  static long maxListingBytes(int maxEntries) {
    return 256L * maxEntries;
  }

  private static boolean isTotalLine(String line) {
    return line.toLowerCase(Locale.ROOT).matches("total \\d+\\s*");
  }

  private static FTPFileEntryParser listParser(String systemType) {
    DefaultFTPFileEntryParserFactory factory = new DefaultFTPFileEntryParserFactory();
    try {
      return factory.createFileEntryParser(systemType == null ? "UNIX" : systemType);
    } catch (RuntimeException unknownSystem) {
      return factory.createFileEntryParser("UNIX");
    }
  }

  static FtpEntry toEntry(FTPFile file, String raw, Format format) {
    FtpEntry.Type type =
        file.isDirectory()
            ? FtpEntry.Type.DIRECTORY
            : file.isSymbolicLink()
                ? FtpEntry.Type.SYMBOLIC_LINK
                : file.isFile() ? FtpEntry.Type.FILE : FtpEntry.Type.UNKNOWN;
    long size = file.getSize() < 0 ? -1 : file.getSize();
    return new FtpEntry(
        file.getName(), type, size, file.getTimestampInstant(), permissions(raw, format));
  }

  private static String permissions(String raw, Format format) {
    if (format == Format.MLSD) {
      int space = raw.indexOf(' ');
      String facts = space < 0 ? raw : raw.substring(0, space);
      for (String fact : facts.split(";")) {
        if (fact.toLowerCase(Locale.ROOT).startsWith("perm=")) {
          return fact.substring(5);
        }
      }
      return "";
    }
    String first = raw.split("\\s+", 2)[0];
    return first.matches("[-dlcbps][-rwxsStT]{9}[+@.]?") ? first : "";
  }
}
