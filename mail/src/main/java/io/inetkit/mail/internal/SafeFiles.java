package io.inetkit.mail.internal;

import io.inetkit.core.internal.AtomicFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writing downloads safely: a temporary file next to the target renamed into place only when
 * complete, and file names from a message (attachment names) turned into names that cannot leave
 * the target folder. Not part of the public API.
 */
public final class SafeFiles {
  private SafeFiles() {}

  /** Longest file name produced by {@link #sanitize}. */
  public static final int MAX_NAME = 200;

  /** Writes what {@code body} produces to {@code target} via a temporary file. */
  public interface Body {
    /** Writes the content. */
    void writeTo(OutputStream out) throws IOException;
  }

  /**
   * Writes {@code target} atomically with core's {@link AtomicFiles}: into {@code
   * .<name>.<random>.part} in the same folder, then renamed over {@code target}; on failure the
   * partial file is deleted.
   */
  public static void writeAtomically(Path target, Body body) throws IOException {
    AtomicFiles.write(
        target,
        MaildirFiles.BUFFER,
        out -> {
          body.writeTo(out);
          return null;
        });
  }

  /**
   * Turns an untrusted file name into a plain name for the current folder: only its last path
   * segment (after {@code /} or {@code \}), control characters and {@code : * ? " < > |} replaced
   * by {@code _}, leading dots and spaces removed (no {@code ..}, no hidden files), Windows device
   * names prefixed, at most {@link #MAX_NAME} characters; {@code fallback} when nothing is left.
   */
  public static String sanitize(String untrusted, String fallback) {
    String name = untrusted == null ? "" : untrusted;
    int cut = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    name = name.substring(cut + 1);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      sb.append(c < 0x20 || c == 0x7f || ":*?\"<>|".indexOf(c) >= 0 ? '_' : c);
    }
    name = sb.toString().strip();
    while (name.startsWith(".")) {
      name = name.substring(1).strip();
    }
    while (name.endsWith(".")) {
      name = name.substring(0, name.length() - 1).strip();
    }
    if (name.length() > MAX_NAME) {
      int dot = name.lastIndexOf('.');
      String ext = dot > 0 && name.length() - dot <= 16 ? name.substring(dot) : "";
      name = name.substring(0, MAX_NAME - ext.length()) + ext;
    }
    String base = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
    if (base.toUpperCase(Locale.ROOT).matches("CON|PRN|AUX|NUL|COM[0-9]|LPT[0-9]")) {
      name = "_" + name;
    }
    return name.isEmpty() ? fallback : name;
  }

  /**
   * Returns a path in {@code dir} for {@code safeName} that does not exist yet ({@code name
   * (2).ext}, …), checked to lie directly inside {@code dir}.
   */
  public static Path uniqueTarget(Path dir, String safeName) throws IOException {
    Path root = dir.toAbsolutePath().normalize();
    int dot = safeName.lastIndexOf('.');
    String stem = dot > 0 ? safeName.substring(0, dot) : safeName;
    String ext = dot > 0 ? safeName.substring(dot) : "";
    Path target = root.resolve(safeName).normalize();
    for (int n = 2; Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS); n++) {
      target = root.resolve(stem + " (" + n + ")" + ext).normalize();
    }
    if (!root.equals(target.getParent())) {
      throw new IOException("refusing to write outside " + root + ": " + target);
    }
    return target;
  }
}
