package io.inetkit.benchmarks.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The folder an FTP server serves, prepared on command for one service whose keys and commands
 * start with {@code prefix} ({@code ftp} for Apache FtpServer, {@code vsftpd}).
 *
 * <ul>
 *   <li>{@code PREFIX.file NAME SIZE}: a data file, hard-linked into the home (the raw server
 *       serves the same bytes);
 *   <li>{@code PREFIX.tree DIR COUNT SIZE}: a folder of {@code COUNT} files of {@code SIZE} bytes;
 *   <li>{@code PREFIX.clean}: deletes uploads.
 * </ul>
 *
 * <p>Published: {@code PREFIX.home} (the folder's path) and {@code PREFIX.upload} (the writable
 * sub-folder, relative, as clients name it).
 */
final class FtpHome {

  private final String prefix;
  private final Path data;
  private final Path home;
  private final String upload;

  /**
   * {@code home} is served; {@code upload} (relative to it) is writable; files come from {@code
   * data}.
   */
  FtpHome(String prefix, Path data, Path home, String upload) throws IOException {
    this.prefix = prefix;
    this.data = data;
    this.home = home;
    this.upload = upload;
    Files.createDirectories(home.resolve(upload));
  }

  /** {@code PREFIX.home} and {@code PREFIX.upload}. */
  Map<String, String> published() {
    return Map.of(prefix + ".home", home.toString(), prefix + ".upload", upload);
  }

  /** Handles this home's commands; null for others. */
  String command(String line) throws IOException {
    String[] w = line.split(" ");
    if (!w[0].startsWith(prefix + ".")) {
      return null;
    }
    switch (w[0].substring(prefix.length() + 1)) {
      case "file" -> {
        Path file = DataFiles.create(data.resolve(w[1]), Long.parseLong(w[2]));
        Path link = home.resolve(w[1]);
        if (!Files.exists(link)) {
          Files.createLink(link, file);
        }
        return link.toString();
      }
      case "tree" -> {
        Path dir = Files.createDirectories(home.resolve(w[1]));
        int count = Integer.parseInt(w[2]);
        long size = Long.parseLong(w[3]);
        for (int i = 0; i < count; i++) {
          DataFiles.create(dir.resolve(String.format("f%05d.bin", i)), size);
        }
        return dir.toString();
      }
      case "clean" -> {
        try (Stream<Path> files = Files.list(home.resolve(upload))) {
          for (Path p : files.toList()) {
            Files.delete(p);
          }
        }
        return "cleaned";
      }
      default -> {
        return null;
      }
    }
  }
}
