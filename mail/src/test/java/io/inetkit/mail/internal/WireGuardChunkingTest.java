package io.inetkit.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inetkit.core.Endpoint;
import io.inetkit.core.LimitExceededException;
import io.inetkit.core.ProtocolViolationException;
import io.inetkit.core.internal.Deadline;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The IMAP guards below Angus ({@link WireWatch}, {@link ImapResponseShape}, {@link
 * GuardedInputStream}) look at reads as whole runs of bytes: whatever sizes the socket's reads come
 * in, they pass the same well-formed responses and stop the same hostile ones.
 */
class WireGuardChunkingTest {
  private static final Endpoint SERVER = Endpoint.of("127.0.0.1", 143);

  private static final String GOOD =
      "* OK [CAPABILITY IMAP4rev1] ready\r\n"
          + "* 3 EXISTS\r\n"
          + "* 1 FETCH (UID 1 FLAGS (\\Seen) ENVELOPE (\"Mon, 7 Dec 2026 09:00:00 +0000\""
          + " \"a (quoted) \\\"subject\\\"\" ((\"Al\" NIL \"al\" \"x.test\")) NIL NIL NIL NIL NIL"
          + " NIL \"<1@x>\"))\r\n"
          + "* 2 FETCH (UID 2 BODY[] {12}\r\n(((\r\n\"\0)))\r\n)\r\n"
          + "A1 OK done\r\n";

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 5, 7, 13, 64, 4096})
  void wellFormedResponsesPassWhateverTheReadSizes(int chunk) throws IOException {
    assertThat(new String(readAll(GOOD, chunk), StandardCharsets.ISO_8859_1)).isEqualTo(GOOD);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 7, 64, 4096})
  void aHugeExistsIsStoppedWhateverTheReadSizes(int chunk) {
    assertThatThrownBy(() -> readAll("* OK hi\r\n* 99999 EXISTS \r\n", chunk))
        .isInstanceOf(LimitExceededException.class)
        .hasMessageContaining("99999 messages");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 7, 64, 4096})
  void aHugeLiteralIsStoppedWhateverTheReadSizes(int chunk) {
    assertThatThrownBy(() -> readAll("* OK hi\r\n* 1 FETCH (BODY[] {999999999}\r\n", chunk))
        .isInstanceOf(LimitExceededException.class)
        .hasMessageContaining("literal of 999999999 bytes");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 7, 64, 4096})
  void anUnbalancedResponseIsStoppedWhateverTheReadSizes(int chunk) {
    assertThatThrownBy(() -> readAll("* OK hi\r\n* 1 FETCH (UID 1))\r\n", chunk))
        .isInstanceOf(ProtocolViolationException.class)
        .hasMessageContaining("')' closes no '('");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 7, 64, 4096})
  void aNulByteOutsideLiteralsIsStoppedWhateverTheReadSizes(int chunk) {
    assertThatThrownBy(() -> readAll("* OK hi\r\n* 1 FETCH (UID\0 1)\r\n", chunk))
        .isInstanceOf(ProtocolViolationException.class);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3, 4096})
  void aMalformedStatusIsStoppedWhateverTheReadSizes(int chunk) {
    assertThatThrownBy(() -> readAll("* OK hi\r\n* STATUS INBOX (MESSAGES 1 ())\r\n", chunk))
        .isInstanceOf(ProtocolViolationException.class)
        .hasMessageContaining("STATUS items");
  }

  /** Reads {@code text} through the guards, the server's bytes arriving {@code chunk} at a time. */
  private static byte[] readAll(String text, int chunk) throws IOException {
    OperationBounds bounds = new OperationBounds(new Deadline(SERVER));
    WireWatch wire = new WireWatch(SERVER, true, bounds);
    InputStream server = new Trickle(text.getBytes(StandardCharsets.ISO_8859_1), chunk);
    InputStream in =
        new GuardedInputStream(
            wire.input(server),
            SERVER,
            MailLimits.imap(1000, 1000, 1000),
            bounds,
            () -> {},
            java.time.Duration.ofSeconds(5));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int n;
    while ((n = in.read(buffer, 0, buffer.length)) > 0) {
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  /** A server whose bytes arrive at most {@code chunk} per read. */
  private static final class Trickle extends ByteArrayInputStream {
    private final int chunk;

    Trickle(byte[] data, int chunk) {
      super(data);
      this.chunk = chunk;
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) {
      return super.read(b, off, Math.min(len, chunk));
    }
  }
}
