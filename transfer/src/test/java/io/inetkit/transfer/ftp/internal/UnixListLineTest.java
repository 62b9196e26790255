package io.inetkit.transfer.ftp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.inetkit.core.Endpoint;
import io.inetkit.transfer.ftp.FtpEntry;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.apache.commons.net.ftp.FTPFile;
import org.apache.commons.net.ftp.parser.UnixFTPEntryParser;
import org.junit.jupiter.api.Test;

/** The hand-read common Unix LIST line gives exactly what Commons Net's Unix parser gives. */
class UnixListLineTest {

  @Test
  void commonLinesReadAsCommonsNetReadsThem() {
    for (String zone : List.of("UTC", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata")) {
      TimeZone saved = TimeZone.getDefault();
      TimeZone.setDefault(TimeZone.getTimeZone(zone));
      try {
        ZonedDateTime now = ZonedDateTime.now();
        int taken = 0;
        for (String line : corpus(now)) {
          FtpEntry fast = UnixListLine.parse(line, now);
          FTPFile file = new UnixFTPEntryParser().parseFTPEntry(line);
          if (fast == null) {
            continue;
          }
          taken++;
          assertThat(file).as(line).isNotNull();
          assertThat(fast)
              .as(zone + ": " + line)
              .isEqualTo(Listings.toEntry(file, line, Listings.Format.LIST));
        }
        assertThat(taken).as(zone).isGreaterThan(40);
      } finally {
        TimeZone.setDefault(saved);
      }
    }
  }

  @Test
  void linesWithAnotherPossibleReadingAreLeftToCommonsNet() {
    ZonedDateTime now = ZonedDateTime.now();
    for (String line :
        List.of(
            "-rw-r--r--    1 ftp ftp 5 Dec  7  2020 a 1 Jan 1 2020 b",
            "-rw-r--r--    1 ftp ftp 5 Dec  7  2020 2021 report",
            "-rw-r--r--    1 ftp 5 Dec  7  2020 no-group",
            "crw-r--r--    1 root root 5, 1 Dec  7  2020 tty",
            "-rw-r--r--+   1 ftp ftp 5 Dec  7  2020 acl",
            "-rw-r--r--    1 ftp ftp 5 dec  7  2020 lower",
            "-rw-r--r--    1 ftp ftp 5 7 Dec  2020 european",
            "-rw-r--r--    1 ftp ftp 5 Feb 30  2020 invalid",
            "-rw-r--r--    1 ftp ftp 5 Dec  7 24:00 invalid",
            "-rw-r--r--\t1 ftp ftp 5 Dec  7  2020 tab",
            "-rw-r--r--    1 ftp ftp 5 2020-12-07 11:52 iso",
            "-rw-r-Lr--    1 ftp ftp 5 Dec  7  2020 locking",
            "-rw-r--r--    1 ftp ftp 5 Dec  7  2020 ")) {
      assertThat(UnixListLine.parse(line, now)).as(line).isNull();
    }
  }

  @Test
  void aListingMixesBothPathsInTheServersOrder() throws Exception {
    String listing =
        "total 12\r\n"
            + "drwxr-xr-x    2 ftp ftp 4096 Dec  7 11:52 .\r\n"
            + "-rw-r--r--    1 ftp ftp 1048576 Dec  7 11:52 big.bin\r\n"
            + "-rw-r--r--    1 ftp ftp 5 Dec  7  2020 a 1 Jan 1 2020 b\r\n"
            + "lrwxrwxrwx    1 ftp ftp 7 Jan  2  2019 latest -> big.bin\r\n";
    List<FtpEntry> entries =
        Listings.read(
            new ByteArrayInputStream(listing.getBytes(StandardCharsets.UTF_8)),
            Listings.Format.LIST,
            "UNIX Type: L8",
            "/pub",
            4096,
            100,
            Endpoint.of("127.0.0.1", 21));
    assertThat(entries)
        .extracting(FtpEntry::name)
        .containsExactly("big.bin", "a 1 Jan 1 2020 b", "latest"); // the second by Commons Net
    assertThat(entries.get(2).type()).isEqualTo(FtpEntry.Type.SYMBOLIC_LINK);
  }

  private static List<String> corpus(ZonedDateTime now) {
    DateTimeFormatter recent = DateTimeFormatter.ofPattern("MMM ppd HH:mm", Locale.ENGLISH);
    DateTimeFormatter old = DateTimeFormatter.ofPattern("MMM ppd  yyyy", Locale.ENGLISH);
    List<String> dates = new ArrayList<>();
    for (long hours : new long[] {-24 * 300, -24 * 40, -5, 2, 20, 23, 25, 30, 24 * 3, 24 * 200}) {
      dates.add(recent.format(now.plusHours(hours)));
    }
    dates.add("Feb 29 12:00");
    dates.add("Mar  1 00:00");
    dates.add("Mar  8 02:30"); // a daylight-saving gap in New York some years
    dates.add("Nov  1 01:30"); // an overlap there
    dates.add("Oct  6 02:15"); // Lord Howe's half-hour gap
    for (int year : new int[] {1970, 1999, 2020, 2024, 2038}) {
      dates.add(old.format(now.withYear(year)));
      dates.add("Feb 29  " + year);
      dates.add("Jan  1  " + year);
    }
    dates.add("Dec 31 23:59");
    dates.add("Jan  1 00:00");
    dates.add("Jul 04 9:05");
    List<String> lines = new ArrayList<>();
    String[] heads = {
      "-rw-r--r--    1 ftp      ftp       1048576 ",
      "drwxr-xr-x    2 1000 1000 4096 ",
      "-rwsr-sr-t 12 root wheel 0 ",
      "lrwxrwxrwx 1 a b 999999999999999999 "
    };
    String[] names = {
      "big.bin", "two  spaces", " leading", "latest -> big.bin", "tab-free name.txt", "é文件", "x1 y"
    };
    int i = 0;
    for (String date : dates) {
      for (String name : names) {
        lines.add(heads[i++ % heads.length] + date + " " + name);
      }
    }
    return lines;
  }
}
