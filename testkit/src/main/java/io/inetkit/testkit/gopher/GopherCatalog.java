package io.inetkit.testkit.gopher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * What the served folder looks like through Gopher: selectors map to files below the root ({@code
 * /docs/a.txt}), each file has an RFC 1436 item type and a MIME type, and hidden sidecar files add
 * Gopher+ abstracts ({@code .a.txt.abstract}) and alternative views ({@code .a.txt.view.html}). Dot
 * files and {@code gophermap} are never listed.
 */
final class GopherCatalog {
  /** The selector of the type-7 file-name search. */
  static final String SEARCH_SELECTOR = "/.search";

  static final String GOPHERMAP = "gophermap";

  private final Path root;

  GopherCatalog(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  Path root() {
    return root;
  }

  /** {@return the file or folder a selector names, or {@code null} if none (or outside root)} */
  Path resolve(String selector) {
    String rel = selector.startsWith("/") ? selector.substring(1) : selector;
    if (rel.indexOf('\0') >= 0 || rel.indexOf('\\') >= 0) {
      return null;
    }
    for (String part : rel.split("/")) {
      if (part.equals("..") || (part.startsWith(".") && !part.equals("."))) {
        return null;
      }
    }
    Path p = root.resolve(rel).normalize();
    if (!p.startsWith(root) || !Files.exists(p)) {
      return null;
    }
    return p;
  }

  /** {@return the selector of a path below the root: {@code /a/b.txt}; the root is {@code ""}} */
  String selectorOf(Path p) {
    String rel = root.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/");
    return rel.isEmpty() ? "" : "/" + rel;
  }

  /** {@return the visible entries of a folder, sorted by name} */
  List<Path> list(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(GopherCatalog::visible).sorted().toList();
    }
  }

  /** {@return every visible file and folder below the root whose name contains {@code words}} */
  List<Path> search(String words, int max) throws IOException {
    String needle = words.trim().toLowerCase(Locale.ROOT);
    List<Path> hits = new ArrayList<>();
    try (Stream<Path> s = Files.walk(root)) {
      s.filter(p -> !p.equals(root))
          .filter(p -> selectorVisible(p))
          .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).contains(needle))
          .sorted()
          .limit(max)
          .forEach(hits::add);
    }
    return hits;
  }

  private boolean selectorVisible(Path p) {
    for (Path part : root.relativize(p)) {
      if (!visible(part)) {
        return false;
      }
    }
    return true;
  }

  private static boolean visible(Path p) {
    String name = p.getFileName().toString();
    return !name.startsWith(".") && !name.equals(GOPHERMAP);
  }

  /** {@return the RFC 1436 item type of a file or folder} */
  static char typeOf(Path p) throws IOException {
    if (Files.isDirectory(p)) {
      return '1';
    }
    String ext = extension(p.getFileName().toString());
    return switch (ext) {
      case "txt", "text", "md", "csv", "log", "conf", "asc" -> '0';
      case "gif" -> 'g';
      case "png", "jpg", "jpeg", "bmp", "webp" -> 'I';
      case "html", "htm" -> 'h';
      case "wav", "mp3", "ogg", "au" -> 's';
      case "zip", "tar", "gz", "tgz", "bin", "exe", "iso" -> '9';
      default -> looksLikeText(p) ? '0' : '9';
    };
  }

  /** {@return the MIME type Gopher+ announces in +VIEWS for a file or folder} */
  static String mimeOf(Path p) throws IOException {
    if (Files.isDirectory(p)) {
      return "application/gopher+-menu";
    }
    return mimeOfName(p.getFileName().toString(), typeOf(p));
  }

  private static String mimeOfName(String name, char type) {
    return switch (extension(name)) {
      case "gif" -> "image/gif";
      case "png" -> "image/png";
      case "jpg", "jpeg" -> "image/jpeg";
      case "html", "htm" -> "text/html";
      case "pdf" -> "application/pdf";
      case "zip" -> "application/zip";
      case "md" -> "text/markdown";
      case "csv" -> "text/csv";
      default -> type == '0' ? "text/plain" : "application/octet-stream";
    };
  }

  /** {@return the views of a file: its own, then one per sidecar {@code .<name>.view.<ext>}} */
  List<View> views(Path p) throws IOException {
    List<View> views = new ArrayList<>();
    views.add(new View(mimeOf(p), p));
    if (Files.isDirectory(p)) {
      return views;
    }
    String prefix = "." + p.getFileName() + ".view.";
    try (Stream<Path> s = Files.list(p.getParent())) {
      s.filter(q -> q.getFileName().toString().startsWith(prefix))
          .sorted()
          .forEach(q -> views.add(new View(mimeOfName(q.getFileName().toString(), '9'), q)));
    }
    return views;
  }

  /** {@return the abstract sidecar {@code .<name>.abstract}, or {@code null}} */
  Path abstractOf(Path p) {
    if (p.equals(root)) {
      return null;
    }
    Path a = p.resolveSibling("." + p.getFileName() + ".abstract");
    return Files.isRegularFile(a) ? a : null;
  }

  /** A Gopher+ view of an item: its MIME type and the file that holds it. */
  record View(String mime, Path file) {}

  private static String extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  private static boolean looksLikeText(Path p) throws IOException {
    byte[] head = new byte[512];
    int n;
    try (InputStream in = Files.newInputStream(p)) {
      n = in.readNBytes(head, 0, head.length);
    }
    for (int i = 0; i < n; i++) {
      if (head[i] == 0) {
        return false;
      }
    }
    return true;
  }
}
