package io.inetkit.mail.internal;

import java.util.Locale;
import java.util.Map;

/** Guesses a MIME type from a file name: a table of common types, then the JDK's guess. */
public final class ContentTypes {
  private ContentTypes() {}

  /** The type used when nothing better is known. */
  public static final String DEFAULT = "application/octet-stream";

  private static final Map<String, String> BY_EXTENSION =
      Map.ofEntries(
          Map.entry("txt", "text/plain"),
          Map.entry("csv", "text/csv"),
          Map.entry("html", "text/html"),
          Map.entry("htm", "text/html"),
          Map.entry("xml", "application/xml"),
          Map.entry("json", "application/json"),
          Map.entry("pdf", "application/pdf"),
          Map.entry("zip", "application/zip"),
          Map.entry("gz", "application/gzip"),
          Map.entry("png", "image/png"),
          Map.entry("jpg", "image/jpeg"),
          Map.entry("jpeg", "image/jpeg"),
          Map.entry("gif", "image/gif"),
          Map.entry("svg", "image/svg+xml"),
          Map.entry("webp", "image/webp"),
          Map.entry("ics", "text/calendar"),
          Map.entry("eml", "message/rfc822"),
          Map.entry("doc", "application/msword"),
          Map.entry(
              "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
          Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
          Map.entry("mp3", "audio/mpeg"),
          Map.entry("mp4", "video/mp4"));

  /** Returns the MIME type for {@code fileName}, or {@link #DEFAULT}. */
  public static String detect(String fileName) {
    int dot = fileName.lastIndexOf('.');
    if (dot >= 0) {
      String known = BY_EXTENSION.get(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
      if (known != null) {
        return known;
      }
    }
    String guess = java.net.URLConnection.guessContentTypeFromName(fileName);
    return guess == null ? DEFAULT : guess;
  }
}
