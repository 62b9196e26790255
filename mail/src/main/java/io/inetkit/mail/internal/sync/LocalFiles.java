package io.inetkit.mail.internal.sync;

import io.inetkit.mail.internal.MaildirFiles;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;

/**
 * Finds a synced message's file by its base name in {@code new/} or {@code cur/} (mail readers move
 * files and change their info), renames it when its flags change and deletes it when asked. Lists
 * {@code cur/} once, and only when a change needs it. Renames and deletions are made durable by
 * {@link #sync()}, once for all of them. Not part of the public API.
 */
final class LocalFiles {
  private final Path root;
  private Map<String, String> cur;
  private boolean changed;

  LocalFiles(Path root) {
    this.root = root;
  }

  /** Returns the file of {@code base} in {@code new/} or {@code cur/}, or null when gone. */
  Path find(String base) throws IOException {
    Path inNew = root.resolve("new").resolve(base);
    if (Files.exists(inNew)) {
      return inNew;
    }
    String name = curFiles().get(base);
    return name == null ? null : root.resolve("cur").resolve(name);
  }

  private Map<String, String> curFiles() throws IOException {
    if (cur == null) {
      cur = new HashMap<>();
      Path dir = root.resolve("cur");
      if (Files.isDirectory(dir)) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
          for (Path f : files) {
            String name = f.getFileName().toString();
            cur.put(MaildirInfo.base(name), name);
          }
        }
      }
    }
    return cur;
  }

  /**
   * Gives the file of {@code base} the system flags {@code letters} (moving it from {@code new/} to
   * {@code cur/} when it gets any); returns whether that changes (or, with {@code dryRun}, would
   * change) anything.
   */
  boolean applyFlags(String base, String letters, boolean dryRun) throws IOException {
    Path file = find(base);
    if (file == null) {
      return false; // the user deleted it: nothing to flag
    }
    String name = file.getFileName().toString();
    boolean inNew = file.getParent().getFileName().toString().equals("new");
    if (inNew ? letters.isEmpty() : systemLetters(name).equals(letters)) {
      return false;
    }
    if (!dryRun) {
      String target = MaildirInfo.withFlags(name, letters);
      Files.move(file, root.resolve("cur").resolve(target), StandardCopyOption.ATOMIC_MOVE);
      curFiles().put(base, target);
      changed = true;
    }
    return true;
  }

  /** Deletes the file of {@code base}; returns whether there was one. */
  boolean delete(String base) throws IOException {
    Path file = find(base);
    if (file == null) {
      return false;
    }
    Files.deleteIfExists(file);
    if (cur != null) {
      cur.remove(base);
    }
    changed = true;
    return true;
  }

  /** Makes the renames and deletions durable: one fsync of {@code new/} and one of {@code cur/}. */
  void sync() throws IOException {
    if (changed) {
      MaildirFiles.syncDirectory(root.resolve("new"));
      MaildirFiles.syncDirectory(root.resolve("cur"));
      changed = false;
    }
  }

  private static String systemLetters(String name) {
    StringBuilder sb = new StringBuilder();
    for (char c : MaildirInfo.info(name).toCharArray()) {
      if ("DFRST".indexOf(c) >= 0) {
        sb.append(c);
      }
    }
    char[] sorted = sb.toString().toCharArray();
    java.util.Arrays.sort(sorted);
    return new String(sorted);
  }
}
