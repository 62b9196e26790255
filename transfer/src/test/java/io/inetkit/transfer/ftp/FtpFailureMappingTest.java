package io.inetkit.transfer.ftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inetkit.core.Credentials;
import io.inetkit.core.LocalFileException;
import io.inetkit.core.ProtocolViolationException;
import io.inetkit.core.Timeouts;
import io.inetkit.core.TlsMode;
import io.inetkit.testkit.fault.FaultScenarios;
import io.inetkit.testkit.fault.FaultServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * FtpFailures at work on what Commons Net lets through: unusable replies, NUL bytes, and local
 * files that are checked before the server is troubled.
 */
class FtpFailureMappingTest {
  @TempDir Path tmp;

  private static FtpClient client(FaultServer s) {
    return FtpClient.builder()
        .endpoint(s.host(), s.port())
        .tlsMode(TlsMode.NONE)
        .credentials(Credentials.password("alice", "pw".toCharArray()))
        .timeouts(Timeouts.DEFAULT.withRead(Duration.ofSeconds(2)))
        .retries(0)
        .build();
  }

  @Test
  void passiveReplyWithAPortOutOfRangeIsAProtocolViolationAndLeavesNoFile() throws Exception {
    try (FaultServer s = FaultServer.start(FaultScenarios.ftpBadPassivePort());
        FtpSession ftp = client(s).open()) {
      assertThatThrownBy(() -> ftp.get("f.txt", tmp.resolve("f.txt")))
          .isInstanceOf(ProtocolViolationException.class)
          .hasMessageContaining("RETR f.txt")
          .hasMessageContaining("port out of range")
          .hasMessageContaining("229 Entering Extended Passive Mode (|||99999|)");
      assertThatThrownBy(() -> ftp.list("/")).isInstanceOf(ProtocolViolationException.class);
    }
    try (Stream<Path> left = Files.list(tmp)) {
      assertThat(left).isEmpty(); // no empty .f.txt.inetkit-part
    }
  }

  @Test
  void nulByteInAReplyIsAProtocolViolation() throws Exception {
    try (FaultServer s = FaultServer.start(FaultScenarios.ftp(Map.of("SIZE", "213 1\0 0")));
        FtpSession ftp = client(s).open()) {
      assertThatThrownBy(() -> ftp.size("f.txt"))
          .isInstanceOf(ProtocolViolationException.class)
          .hasMessageContaining("NUL byte");
    }
  }

  @Test
  void missingFileToUploadIsALocalErrorBeforeConnecting() throws Exception {
    Path missing = tmp.resolve("missing.txt");
    try (FaultServer s = FaultServer.start(FaultScenarios.ftp(Map.of()))) {
      assertThatThrownBy(() -> client(s).put(missing, "missing.txt"))
          .isExactlyInstanceOf(LocalFileException.class)
          .hasMessage("cannot upload " + missing + ": no such file");
      assertThat(s.connections()).isZero();
      try (FtpSession ftp = client(s).open()) {
        assertThatThrownBy(() -> ftp.put(missing, "missing.txt"))
            .isInstanceOf(LocalFileException.class);
        assertThatThrownBy(() -> ftp.put(tmp, "x")).hasMessageContaining("it is a folder");
      }
      assertThat(s.received()).doesNotContain("STOR").doesNotContain("SIZE");
    }
  }

  @Test
  void missingFolderToSaveIntoIsALocalErrorBeforeConnecting() throws Exception {
    Path target = tmp.resolve("no-such-dir/f.txt");
    try (FaultServer s = FaultServer.start(FaultScenarios.ftp(Map.of()))) {
      assertThatThrownBy(() -> client(s).get("f.txt", target))
          .isExactlyInstanceOf(LocalFileException.class)
          .hasMessageContaining("the folder " + tmp.resolve("no-such-dir") + " does not exist");
      assertThat(s.connections()).isZero();
      try (FtpSession ftp = client(s).open()) {
        assertThatThrownBy(() -> ftp.get("f.txt", target)).isInstanceOf(LocalFileException.class);
      }
      assertThat(s.received()).doesNotContain("RETR").doesNotContain("SIZE");
    }
  }
}
