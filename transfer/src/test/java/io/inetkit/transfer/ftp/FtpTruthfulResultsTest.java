package io.inetkit.transfer.ftp;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inetkit.core.NotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Results that say what happened on the server: an empty listing of a missing folder is not an
 * empty folder, a write-only folder's refused SIZE is not a failed upload, and an unparseable SIZE
 * is no reason to abort a download.
 */
class FtpTruthfulResultsTest {
  private static final byte[] EMPTY = new byte[0];

  @TempDir Path tmp;

  @Test
  void aMissingFolderListedAsEmptyIsNotFound() throws IOException {
    try (FakeFtp fake =
            new FakeFtp(EMPTY, EMPTY, FakeFtp.Data.NORMAL, 0); // empty 150/226 for any LIST
        FtpSession ftp = fake.client().build().open()) {
      fake.cwdReply = "550 Failed to change directory.\r\n"; // vsftpd's words
      assertThatThrownBy(() -> ftp.list("/nope/"))
          .isInstanceOfSatisfying(
              NotFoundException.class, e -> assertThat(e.reply().code()).isEqualTo(550))
          .hasMessageContaining("LIST /nope/")
          .hasMessageContaining("Failed to change directory");
    }
  }

  @Test
  void anEmptyFolderThatExistsListsAsEmpty() throws IOException {
    try (FakeFtp fake = new FakeFtp(EMPTY, EMPTY, FakeFtp.Data.NORMAL, 0);
        FtpSession ftp = fake.client().build().open()) {
      fake.cwdReply = "250 Directory successfully changed.\r\n";
      assertThat(ftp.list("/empty/")).isEmpty();
      assertThat(fake.commands).containsSubsequence("LIST /empty/", "CWD /empty/", "CWD /");
    }
  }

  @Test
  void aListingWithEntriesCostsNoExtraRoundTrip() throws IOException {
    byte[] listing = "-rw-r--r--   1 u g   5 Jan 01  2020 ok.txt\r\n".getBytes(UTF_8);
    try (FakeFtp fake = new FakeFtp(EMPTY, listing, FakeFtp.Data.NORMAL, 0);
        FtpSession ftp = fake.client().build().open()) {
      assertThat(ftp.list("/pub/")).extracting(FtpEntry::name).containsExactly("ok.txt");
      assertThat(fake.commands)
          .noneMatch(c -> c.startsWith("CWD") || c.startsWith("PWD") || c.startsWith("MLST"));
    }
  }

  @Test
  void aListingBeyondItsEntryOrByteLimitIsRefusedNotHeld() throws IOException {
    String line = "-rw-r--r--   1 u g   5 Jan 01  2020 %s\r\n";
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 11; i++) {
      many.append(String.format(line, "f" + i));
    }
    try (FakeFtp fake =
            new FakeFtp(EMPTY, many.toString().getBytes(UTF_8), FakeFtp.Data.NORMAL, 0);
        FtpSession ftp = fake.client().maxListingEntries(10).build().open()) {
      assertThatThrownBy(() -> ftp.list("/"))
          .isInstanceOfSatisfying(
              io.inetkit.core.LimitExceededException.class,
              e -> assertThat(e.limit()).isEqualTo(10))
          .hasMessageContaining("has too many entries");
    }
    String longNames = String.format(line, "n".repeat(4000)).repeat(10); // 10 entries, 40 KB
    try (FakeFtp fake = new FakeFtp(EMPTY, longNames.getBytes(UTF_8), FakeFtp.Data.NORMAL, 0);
        FtpSession ftp = fake.client().maxListingEntries(100).build().open()) {
      assertThatThrownBy(() -> ftp.list("/"))
          .isInstanceOfSatisfying(
              io.inetkit.core.LimitExceededException.class,
              e -> assertThat(e.limit()).isEqualTo(25_600))
          .hasMessageContaining("is larger than 25600 bytes");
    }
  }

  @Test
  void anUploadTheServerConfirmedSucceedsWhenSizeIsRefused() throws IOException {
    byte[] payload = FtpHostileServerTest.bytes(70_000);
    Path local = Files.write(tmp.resolve("up.bin"), payload);
    try (FakeFtp fake = new FakeFtp(EMPTY, EMPTY, FakeFtp.Data.NORMAL, 0);
        FtpSession ftp = fake.client().build().open()) {
      fake.sizeReply = "550 Permission denied.\r\n"; // a write-only upload folder
      FtpTransfer t = ftp.put(local, "incoming/up.bin");
      assertThat(t.bytes()).isEqualTo(payload.length);
      assertThat(fake.stored("incoming/up.bin")).isEqualTo(payload);
      assertThat(fake.commands).contains("SIZE incoming/up.bin");
    }
  }

  @Test
  void anUnparseableSizeLetsTheDownloadCarryOnWithoutIt() throws IOException {
    byte[] payload = FtpHostileServerTest.bytes(50_000);
    try (FakeFtp fake = new FakeFtp(payload, EMPTY, FakeFtp.Data.NORMAL, 0);
        FtpSession ftp = fake.client().build().open()) {
      fake.sizeReply = "213 unknown\r\n";
      Path target = tmp.resolve("f.bin");
      ftp.get("f.bin", target);
      assertThat(Files.readAllBytes(target)).isEqualTo(payload);
      assertThatThrownBy(() -> ftp.size("f.bin"))
          .isInstanceOf(io.inetkit.core.ProtocolViolationException.class)
          .hasMessageContaining("SIZE f.bin: not a size: \"213 unknown\"");
    }
  }
}
