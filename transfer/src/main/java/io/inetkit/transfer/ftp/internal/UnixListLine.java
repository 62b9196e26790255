package io.inetkit.transfer.ftp.internal;

import io.inetkit.transfer.ftp.FtpEntry;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The common form of a Unix LIST line ({@code -rw-r--r-- 1 owner group 1048576 Dec 7 11:52 name}),
 * read by hand to the same entry Commons Net's {@code UnixFTPEntryParser} gives. Building that
 * parser compiles its regular expression and two {@code SimpleDateFormat}s, whose locale data was
 * about a sixth of a one-file {@code inetkit ftp ls} (issue 18); the parser is now built only for a
 * line this class leaves to it.
 *
 * <p>Only lines with one reading are taken: type {@code -}, {@code d} or {@code l}; nine permission
 * letters; link count, owner, group and size as single words; an English month, a day, and a
 * four-digit year or {@code H:MM}; then one space and the name. Anything else (devices, ACL or
 * other markers, tabs, a name with a space before a digit, which Commons Net's pattern could split
 * elsewhere, an invalid date, a time in a daylight-saving gap or overlap) returns {@code null}, and
 * the caller asks Commons Net.
 */
final class UnixListLine {
  private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";

  private final String line;
  private int pos;

  private UnixListLine(String line) {
    this.line = line;
  }

  /**
   * Reads {@code line} as Commons Net's Unix parser would with its defaults: times in {@code zone},
   * a date without a year in the last year up to a day after {@code now}.
   *
   * @return the entry, or {@code null} when the line is not of the common form
   */
  static FtpEntry parse(String line, ZonedDateTime now) {
    try {
      return new UnixListLine(line).entry(now);
    } catch (DateTimeException invalidDate) {
      return null;
    }
  }

  private FtpEntry entry(ZonedDateTime now) {
    if (line.length() < 11 || hasOtherWhitespace()) {
      return null;
    }
    FtpEntry.Type type;
    switch (line.charAt(0)) {
      case '-' -> type = FtpEntry.Type.FILE;
      case 'd' -> type = FtpEntry.Type.DIRECTORY;
      case 'l' -> type = FtpEntry.Type.SYMBOLIC_LINK;
      default -> {
        return null;
      }
    }
    for (int i = 1; i <= 9; i++) {
      char c = line.charAt(i);
      boolean valid =
          switch (i % 3) {
            case 1 -> c == 'r' || c == '-';
            case 2 -> c == 'w' || c == '-';
            default -> "xsStT-".indexOf(c) >= 0; // not L: Listings' permissions column omits it
          };
      if (!valid) {
        return null;
      }
    }
    String permissions = line.substring(0, 10);
    pos = 10;
    if (line.charAt(pos) != ' '
        || digits(word()) < 0 // link count
        || word() == null // owner
        || word() == null) { // group
      return null;
    }
    String sizeWord = word();
    long size = digits(sizeWord);
    int month = sizeWord == null ? -1 : month(word());
    String dayWord = word();
    int day = dayWord == null || dayWord.length() > 2 ? -1 : (int) digits(dayWord);
    String yearOrTime = word();
    if (size < 0 || month < 0 || day < 0 || yearOrTime == null || pos >= line.length()) {
      return null;
    }
    String name = line.substring(pos + 1);
    if (name.isEmpty() || spaceBeforeDigit(name)) {
      return null;
    }
    ZonedDateTime modified = modified(month, day, yearOrTime, now);
    if (modified == null) {
      return null;
    }
    if (type == FtpEntry.Type.SYMBOLIC_LINK) {
      int arrow = name.indexOf(" -> ");
      if (arrow >= 0) {
        name = name.substring(0, arrow);
      }
    }
    return new FtpEntry(name, type, size, modified.toInstant(), permissions);
  }

  /** The next space-separated word, or {@code null} at the end of the line. */
  private String word() {
    while (pos < line.length() && line.charAt(pos) == ' ') {
      pos++;
    }
    int start = pos;
    while (pos < line.length() && line.charAt(pos) != ' ') {
      pos++;
    }
    return pos == start || pos >= line.length() ? null : line.substring(start, pos);
  }

  /** {@code word}'s value if it is 1 to 18 ASCII digits, else -1. */
  private static long digits(String word) {
    if (word == null || word.isEmpty() || word.length() > 18) {
      return -1;
    }
    long value = 0;
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static int month(String word) {
    if (word == null || word.length() != 3) {
      return -1;
    }
    int at = MONTHS.indexOf(word);
    return at < 0 || at % 3 != 0 ? -1 : at / 3 + 1;
  }

  /**
   * Whether the line has whitespace other than spaces, which Commons Net's pattern also splits, or
   * a NUL; such a line is left to the general path.
   */
  private boolean hasOtherWhitespace() {
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      // \u0085 ends a line for the pattern's '.', so Commons Net rejects it in a name. A NUL is
      // not whitespace, but no FtpEntry may hold it: the general path reports it as the server's
      // protocol violation, as it does a CR or LF.
      if (c != ' ' && Character.isWhitespace(c) || c == '\u0085' || c == 0) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code name} has a digit at its start or after a space (another reading exists). */
  private static boolean spaceBeforeDigit(String name) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c >= '0' && c <= '9' && (i == 0 || name.charAt(i - 1) == ' ')) {
        return true;
      }
    }
    return false;
  }

  /**
   * The time as Commons Net computes it: a year gives midnight of that day; {@code H:MM} gives this
   * year's date, or last year's if that is more than a day after {@code now}.
   */
  private static ZonedDateTime modified(int month, int day, String yearOrTime, ZonedDateTime now) {
    ZoneId zone = now.getZone();
    int colon = yearOrTime.indexOf(':');
    LocalDateTime local;
    if (colon < 0) {
      long year = yearOrTime.length() == 4 ? digits(yearOrTime) : -1;
      if (year < 1000) {
        return null;
      }
      local = LocalDateTime.of((int) year, month, day, 0, 0);
    } else {
      long hour = colon >= 1 && colon <= 2 ? digits(yearOrTime.substring(0, colon)) : -1;
      String minutes = yearOrTime.substring(colon + 1);
      long minute = minutes.length() == 2 ? digits(minutes) : -1;
      if (hour < 0 || hour > 23 || minute < 0 || minute > 59) {
        return null;
      }
      ZonedDateTime latest = now.plusDays(1);
      local = LocalDateTime.of(latest.getYear(), month, day, (int) hour, (int) minute);
      if (!single(local, zone)) {
        return null;
      }
      if (ZonedDateTime.of(local, zone).isAfter(latest)) {
        local = local.minusYears(1);
      }
    }
    return single(local, zone) ? ZonedDateTime.of(local, zone) : null;
  }

  private static boolean single(LocalDateTime local, ZoneId zone) {
    return zone.getRules().getValidOffsets(local).size() == 1;
  }
}
