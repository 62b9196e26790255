package io.inetkit.transfer.ftp;

import static org.assertj.core.api.Assertions.assertThat;

import io.inetkit.testkit.ftp.FtpServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mirrorUp(ONLY_NEWER)} against a server without MLST (like vsftpd): LIST shows times to the
 * minute, so by the listing alone a file changed at second 30 looks newer than its copy on every
 * run and is uploaded again; the mirror asks MDTM for the exact time when the minute cannot decide.
 */
class FtpMirrorListPrecisionTest {
  @TempDir Path tmp;

  @Test
  void unchangedFilesAreNotUploadedAgainWhenListTimesHaveMinutePrecision() throws Exception {
    try (FtpServer server = FtpServer.builder().withoutMlst().start()) {
      Path site = Files.createDirectories(tmp.resolve("site/sub"));
      Files.writeString(site.resolve("a.txt"), "alpha");
      Path b = Files.writeString(tmp.resolve("site/b.txt"), "beta");
      // seconds past the minute, so the minute of the listing is before the local time
      Instant when =
          Instant.now()
              .truncatedTo(ChronoUnit.MINUTES)
              .minus(10, ChronoUnit.MINUTES)
              .plusSeconds(30);
      Files.setLastModifiedTime(site.resolve("a.txt"), FileTime.from(when));
      Files.setLastModifiedTime(b, FileTime.from(when));
      FtpClient client =
          FtpClient.builder()
              .endpoint(server.endpoint())
              .trust(server.clientTrust())
              .credentials(server.writer().credentials())
              .build();
      try (FtpSession ftp = client.open()) {
        assertThat(ftp.features().has("MLST")).isFalse();
        MirrorResult first = ftp.mirrorUp(tmp.resolve("site"), "www", MirrorMode.ONLY_NEWER);
        assertThat(first.transferred()).containsExactlyInAnyOrder("b.txt", "sub/a.txt");
        assertThat(ftp.list("www"))
            .filteredOn(e -> e.name().equals("b.txt"))
            .singleElement()
            .satisfies(e -> assertThat(e.modified()).isBefore(when));

        MirrorResult second = ftp.mirrorUp(tmp.resolve("site"), "www", MirrorMode.ONLY_NEWER);
        assertThat(second.transferred()).isEmpty();
        assertThat(second.skipped()).containsExactlyInAnyOrder("b.txt", "sub/a.txt");

        Files.writeString(b, "beta, changed");
        MirrorResult third = ftp.mirrorUp(tmp.resolve("site"), "www", MirrorMode.ONLY_NEWER);
        assertThat(third.transferred()).containsExactly("b.txt");
      }
    }
  }
}
