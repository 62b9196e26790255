package io.inetkit.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.inetkit.core.Endpoint;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The trace's redaction and bounds, byte for byte (the wire cases are in ReadTraceTest). */
class WireTraceTest {
  private final RecordedConversation events = new RecordedConversation();

  private WireTrace trace(boolean imap) {
    return WireTrace.of(events, Endpoint.of("127.0.0.1", 143), imap);
  }

  private static void write(OutputStream out, String s) throws Exception {
    out.write(s.getBytes(StandardCharsets.UTF_8));
  }

  private static void read(InputStream in) throws Exception {
    in.transferTo(OutputStream.nullOutputStream());
  }

  @Test
  void aPasswordSentAsALiteralIsNeverShown() throws Exception {
    WireTrace t = trace(true);
    OutputStream out = t.output(new ByteArrayOutputStream());
    write(out, "A1 LOGIN alice {6}\r\n");
    read(t.input(new ByteArrayInputStream("+ go ahead\r\n".getBytes(StandardCharsets.UTF_8))));
    write(out, "se");
    write(out, "cret\r\n");
    read(t.input(new ByteArrayInputStream("A1 OK done\r\n".getBytes(StandardCharsets.UTF_8))));
    assertThat(events.lines())
        .containsExactly("> A1 LOGIN alice ***", "< + go ahead", "> <6 bytes>", "< A1 OK done");
  }

  @Test
  void pop3SaslAndPassAreRedactedAndLongListingsAreBounded() throws Exception {
    WireTrace t = trace(false);
    OutputStream out = t.output(new ByteArrayOutputStream());
    write(out, "AUTH PLAIN\r\n");
    read(t.input(new ByteArrayInputStream("+ \r\n".getBytes(StandardCharsets.UTF_8))));
    write(out, "AGFsaWNlAHNlY3JldA==\r\n");
    read(t.input(new ByteArrayInputStream("-ERR no\r\n".getBytes(StandardCharsets.UTF_8))));
    write(out, "PASS secret\r\n");
    write(out, "APOP alice 0123456789abcdef\r\n");
    write(out, "UIDL\r\n");
    StringBuilder listing = new StringBuilder("+OK\r\n");
    for (int i = 1; i <= 100; i++) {
      listing.append(i).append(" uid-").append(i).append("\r\n");
    }
    read(t.input(new ByteArrayInputStream((listing + ".\r\n").getBytes(StandardCharsets.UTF_8))));
    write(out, "X".repeat(5000) + "\r\n");

    assertThat(events.text())
        .doesNotContain("secret")
        .doesNotContain("AGFsaWNl")
        .doesNotContain("0123456789");
    assertThat(events.lines())
        .startsWith(
            "> AUTH PLAIN",
            "< + ",
            "> ***",
            "< -ERR no",
            "> PASS ***",
            "> APOP alice ***",
            "> UIDL",
            "< +OK");
    assertThat(events.lines())
        .contains("< 19 uid-19", "< (81 more lines not shown)", "< .")
        .doesNotContain("< 21 uid-21");
    assertThat(events.lines().get(events.lines().size() - 1))
        .isEqualTo("> " + "X".repeat(WireTrace.MAX_CHARS) + "... (4700 more bytes)");
  }
}
