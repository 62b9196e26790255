package io.inetkit.mail.internal.sync;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps IMAP folder names to Maildir++ folders and back. INBOX is the Maildir itself; any other
 * folder is the sub-folder {@code .A.B.C} of it, one name part per level of the server's hierarchy
 * (split at its delimiter, "/" or "."). Inside a part, the characters that would break the mapping
 * or that some file system refuses are written {@code %XX} (the UTF-8 bytes in upper-case hex):
 * {@code %}, {@code .}, {@code /}, {@code \ : * ? " < > |}, control characters; and a leading
 * {@code ~}. So {@code Work/2024.Q1} with delimiter {@code /} is {@code .Work.2024%2EQ1}, and
 * {@link #folderName} turns it back. Not part of the public API.
 */
public final class MaildirPlusPlus {
  private static final String ESCAPED = "%./\\:*?\"<>|";

  private MaildirPlusPlus() {}

  /** Returns the Maildir++ directory name of {@code folder} (empty for INBOX). */
  public static String directoryName(String folder, char delimiter) {
    if (folder.equalsIgnoreCase("INBOX")) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    if (delimiter == 0) {
      parts.add(folder);
    } else {
      int start = 0;
      for (int i = 0; i <= folder.length(); i++) {
        if (i == folder.length() || folder.charAt(i) == delimiter) {
          parts.add(folder.substring(start, i));
          start = i + 1;
        }
      }
    }
    StringBuilder sb = new StringBuilder();
    for (String part : parts) {
      sb.append('.');
      for (int k = 0; k < part.length(); k++) {
        char c = part.charAt(k);
        boolean escape = c < 0x20 || c == 0x7f || ESCAPED.indexOf(c) >= 0 || (k == 0 && c == '~');
        if (escape) {
          for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
            sb.append('%').append(String.format("%02X", b & 0xff));
          }
        } else {
          sb.append(c);
        }
      }
    }
    return sb.toString();
  }

  /** Returns the Maildir of {@code folder} under the account's {@code root}. */
  public static Path directory(Path root, String folder, char delimiter) {
    String name = directoryName(folder, delimiter);
    return name.isEmpty() ? root : root.resolve(name);
  }

  /**
   * Returns the IMAP folder name of the Maildir++ directory {@code name} ({@code .A.B}), or null
   * when {@code name} is not one.
   */
  public static String folderName(String name, char delimiter) {
    if (name.length() < 2 || name.charAt(0) != '.') {
      return null;
    }
    StringBuilder folder = new StringBuilder();
    for (String part : name.substring(1).split("\\.", -1)) {
      if (folder.length() > 0) {
        folder.append(delimiter);
      }
      folder.append(unescape(part));
    }
    return folder.toString();
  }

  private static String unescape(String part) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '%' && i + 2 < bytes.length) {
        try {
          out.write(Integer.parseInt(new String(bytes, i + 1, 2, StandardCharsets.US_ASCII), 16));
          i += 2;
          continue;
        } catch (NumberFormatException e) {
          // not an escape: kept as it is
        }
      }
      out.write(bytes[i]);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /**
   * Returns whether {@code folder} matches the LIST-style {@code pattern}: {@code *} matches any
   * characters, {@code %} any but the hierarchy delimiter; case-sensitive, except that INBOX
   * matches in any case.
   */
  public static boolean matches(String pattern, String folder, char delimiter) {
    String f = folder.equalsIgnoreCase("INBOX") ? "INBOX" : folder;
    String pat = pattern.equalsIgnoreCase("INBOX") ? "INBOX" : pattern;
    return match(pat, 0, f, 0, delimiter);
  }

  private static boolean match(String p, int pi, String s, int si, char delimiter) {
    while (pi < p.length()) {
      char c = p.charAt(pi);
      if (c == '*' || c == '%') {
        for (int k = si; k <= s.length(); k++) {
          if (match(p, pi + 1, s, k, delimiter)) {
            return true;
          }
          if (k < s.length() && c == '%' && s.charAt(k) == delimiter) {
            return false;
          }
        }
        return false;
      }
      if (si >= s.length() || s.charAt(si) != c) {
        return false;
      }
      pi++;
      si++;
    }
    return si == s.length();
  }
}
