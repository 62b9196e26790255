package io.inetkit.mail.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes the partial files that syncs killed mid-download left in a Maildir's {@code tmp/}. A file
 * there is stale when either
 *
 * <ul>
 *   <li>inetkit wrote it (its {@link MaildirFiles#uniqueName() name} says so) on this host, and the
 *       process that wrote it is no longer running: no live sync owns it; or
 *   <li>it is older than 36 hours, whoever wrote it: the Maildir specification's rule, which also
 *       covers other deliverers' leftovers and inetkit's from other hosts.
 * </ul>
 *
 * A file that a sync journal ({@code .inetkit-sync/*.journal}) has recorded is never removed,
 * however old: its bytes are complete, and the next sync of that source renames it into {@code
 * new/}. Not part of the public API.
 */
public final class StaleTmpFiles {
  private static final Logger LOG = LoggerFactory.getLogger(StaleTmpFiles.class);

  /** The Maildir specification's age after which any file in {@code tmp/} may be removed. */
  static final Duration MAX_AGE = Duration.ofHours(36);

  /** {@code <seconds>.M<micros>P<pid>Q<seq>R<random>.<host>}, as {@link MaildirFiles} names. */
  private static final Pattern OWN_NAME =
      Pattern.compile("\\d+\\.M\\d+P(\\d+)Q\\d+R[0-9a-f]+\\.(.+)");

  private StaleTmpFiles() {}

  /**
   * Removes the stale files in {@code root/tmp} (see the class comment) and returns how many.
   * Failing to remove one is logged, not thrown: a leftover is harmless.
   */
  public static int clean(Path root, Instant now) throws IOException {
    Map<String, Path> stale = new HashMap<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(root.resolve("tmp"))) {
      for (Path file : files) {
        if (Files.isRegularFile(file) && isStale(file, now)) {
          stale.put(file.getFileName().toString(), file);
        }
      }
    }
    if (stale.isEmpty()) {
      return 0;
    }
    keepRecorded(root.resolve(".inetkit-sync"), stale);
    int removed = 0;
    for (Path file : stale.values()) {
      try {
        if (Files.deleteIfExists(file)) {
          removed++;
        }
      } catch (IOException e) {
        LOG.warn("cannot remove the stale partial file {}: {}", file, e.toString());
      }
    }
    if (removed > 0) {
      LOG.info(
          "removed {} partial file(s) an interrupted sync left in {}",
          removed,
          root.resolve("tmp"));
    }
    return removed;
  }

  private static boolean isStale(Path file, Instant now) throws IOException {
    if (Files.getLastModifiedTime(file).toInstant().isBefore(now.minus(MAX_AGE))) {
      return true;
    }
    Matcher m = OWN_NAME.matcher(file.getFileName().toString());
    if (!m.matches() || !m.group(2).equals(MaildirFiles.hostName())) {
      return false; // another deliverer's, or written on another host: only the age rule applies
    }
    long pid;
    try {
      pid = Long.parseLong(m.group(1));
    } catch (NumberFormatException e) {
      return false;
    }
    return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
  }

  /** Drops from {@code stale} every name a journal in {@code syncDir} has recorded. */
  private static void keepRecorded(Path syncDir, Map<String, Path> stale) throws IOException {
    if (!Files.isDirectory(syncDir)) {
      return;
    }
    try (DirectoryStream<Path> journals = Files.newDirectoryStream(syncDir, "*.journal")) {
      for (Path journal : journals) {
        try (BufferedReader r = Files.newBufferedReader(journal, StandardCharsets.UTF_8)) {
          String line;
          while ((line = r.readLine()) != null && !stale.isEmpty()) {
            int tab = line.indexOf('\t');
            if (tab > 0) {
              stale.remove(line.substring(tab + 1));
            }
          }
        }
      }
    }
  }
}
