package io.inetkit.benchmarks.workloads;

import io.inetkit.testkit.host.HostProcess;
import io.inetkit.testkit.mail.MailUser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Fills a {@link io.inetkit.testkit.mail.RealMail} user's INBOX Maildir directly with small text
 * messages (a third marked seen), chowned to the mailbox's system account: the real-server mail
 * workloads (and {@code benchmarks/issue18/StartDovecot.java}) list and download these.
 */
public final class BenchMaildir {
  private BenchMaildir() {}

  /**
   * Replaces {@code user}'s INBOX with exactly {@code count} messages.
   *
   * @param user the mailbox
   * @param count how many messages
   * @throws IOException when the Maildir cannot be written or chowned
   */
  public static void fill(MailUser user, long count) throws IOException {
    Path maildir = user.maildir();
    HostProcess.deleteTree(maildir);
    for (String sub : List.of("cur", "new", "tmp")) {
      Files.createDirectories(maildir.resolve(sub));
    }
    long now = System.currentTimeMillis() / 1000;
    for (long i = 1; i <= count; i++) {
      byte[] message = message(i);
      String name =
          (now - count + i)
              + ".M"
              + i
              + "P1.bench,S="
              + message.length
              + ":2,"
              + (i % 3 == 0 ? "S" : "");
      Files.write(maildir.resolve("cur").resolve(name), message);
    }
    HostProcess.run(
        List.of(
            "chown", "-R", user.account().uid() + ":" + user.account().gid(), maildir.toString()));
  }

  /** {@return message number {@code i}: about 700 bytes of headers and plain text} */
  static byte[] message(long i) {
    String text =
        "Return-Path: <sender@inetkit.test>\r\n"
            + "From: Sender "
            + (i % 17)
            + " <sender"
            + (i % 17)
            + "@inetkit.test>\r\n"
            + "To: Bench <bench@inetkit.test>\r\n"
            + "Subject: Benchmark message number "
            + i
            + " with a subject of usual length\r\n"
            + "Date: Mon, 7 Dec 2026 09:00:00 +0000\r\n"
            + "Message-ID: <"
            + i
            + ".bench@inetkit.test>\r\n"
            + "MIME-Version: 1.0\r\n"
            + "Content-Type: text/plain; charset=UTF-8\r\n"
            + "\r\n"
            + "Hello,\r\n\r\n"
            + "this is message "
            + i
            + ". "
            + "Lorem ipsum dolor sit amet, consectetur adipiscing elit.\r\n".repeat(8);
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
