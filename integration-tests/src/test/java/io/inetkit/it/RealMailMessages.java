package io.inetkit.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * The message the real-server mail journeys send, and the check that what comes back is the same
 * bytes. The message is what trips careless code: an 8-bit UTF-8 text part, body lines that are a
 * lone dot or start with dots (SMTP dot-stuffing), and a 48 KiB base64 attachment. Postfix and
 * Dovecot only prepend trace headers ({@code Return-Path}, {@code Delivered-To}, {@code Received}),
 * so a message read back must end with exactly the bytes sent.
 */
final class RealMailMessages {
  private RealMailMessages() {}

  /** Writes the message from {@code from} to {@code to}, tagged {@code token}, as a CRLF file. */
  static Path write(Path dir, String from, String to, String token) throws IOException {
    byte[] attachment = attachment(token);
    String base64 =
        Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(attachment);
    String text =
        String.join(
            "\r\n",
            "From: Alice <" + from + ">",
            "To: <" + to + ">",
            "Subject: real-server journey " + token,
            "Date: Mon, 07 Dec 2026 06:00:00 +0000",
            "Message-ID: <" + token + "@inetkit.test>",
            "MIME-Version: 1.0",
            "Content-Type: multipart/mixed; boundary=\"b-" + token + "\"",
            "",
            "--b-" + token,
            "Content-Type: text/plain; charset=UTF-8",
            "Content-Transfer-Encoding: 8bit",
            "",
            "Grüße über Loopback — " + token,
            ".",
            ".a line that starts with a dot",
            "..two dots",
            "--b-" + token,
            "Content-Type: application/octet-stream; name=\"data.bin\"",
            "Content-Transfer-Encoding: base64",
            "Content-Disposition: attachment; filename=\"data.bin\"",
            "",
            base64,
            "--b-" + token + "--",
            "");
    return Files.write(dir.resolve(token + ".eml"), text.getBytes(StandardCharsets.UTF_8));
  }

  /** The attachment ({@code data.bin}) of the message {@link #write} writes for {@code token}. */
  static byte[] attachment(String token) {
    byte[] attachment = new byte[48 * 1024];
    new Random(token.hashCode()).nextBytes(attachment);
    return attachment;
  }

  /**
   * Returns the bytes of the file among {@code files} (a Maildir's messages) that holds the message
   * {@link #write} wrote to {@code sent}, found by its Message-ID.
   */
  static byte[] copyOf(List<Path> files, Path sent) throws IOException {
    String messageId = "Message-ID: <" + sent.getFileName().toString().replace(".eml", "") + "@";
    for (Path file : files) {
      byte[] bytes = Files.readAllBytes(file);
      if (new String(bytes, StandardCharsets.UTF_8).contains(messageId)) {
        return bytes;
      }
    }
    throw new AssertionError("no file holds " + messageId + ": " + files);
  }

  /**
   * Asserts that {@code received} is {@code sent} with only trace headers in front, the first of
   * them Postfix's {@code Return-Path}.
   */
  static void assertSameBytes(byte[] received, Path sent, String where) throws IOException {
    byte[] original = Files.readAllBytes(sent);
    String head = new String(received, 0, Math.min(received.length, 400), StandardCharsets.UTF_8);
    assertThat(received.length).as(where + ": size").isGreaterThan(original.length);
    byte[] tail = Arrays.copyOfRange(received, received.length - original.length, received.length);
    assertThat(tail).as(where + ": the bytes after the trace headers").isEqualTo(original);
    assertThat(head)
        .as(where + ": trace headers")
        .startsWith("Return-Path: <")
        .contains("Received: from ");
  }
}
