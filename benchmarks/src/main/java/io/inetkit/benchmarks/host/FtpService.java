package io.inetkit.benchmarks.host;

import io.inetkit.testkit.ftp.FtpServer;
import io.inetkit.testkit.ftp.FtpUser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/**
 * testkit's {@link FtpServer} (Apache FtpServer, explicit FTPS on the same port) with the writable
 * user's home prepared on command.
 *
 * <ul>
 *   <li>{@code ftp.file NAME SIZE}: a data file, hard-linked into the home (the raw server serves
 *       the same bytes);
 *   <li>{@code ftp.tree DIR COUNT SIZE}: a folder of {@code COUNT} files of {@code SIZE} bytes;
 *   <li>{@code ftp.clean}: deletes uploads ({@code upload/} in the home).
 * </ul>
 *
 * <pre>{@code
 * services=ftp   ->   READY ftp.port=40127 ftp.user=alice ftp.password=alice-pw ftp.ca=/tmp/ca.pem
 * }</pre>
 */
final class FtpService implements HostedService {

  private FtpServer server;
  private Path data;
  private Path home;

  @Override
  public Map<String, String> start(Path data, Map<String, String> params) throws Exception {
    this.data = data;
    this.server = FtpServer.start();
    FtpUser user = server.writer();
    this.home = server.home(user.name());
    Files.createDirectories(home.resolve("upload"));
    return Map.of(
        "ftp.port", Integer.toString(server.port()),
        "ftp.user", user.name(),
        "ftp.password", user.password(),
        "ftp.ca", server.pki().caPemFile().toString(),
        "ftp.home", home.toString());
  }

  @Override
  public String command(String line) throws IOException {
    String[] w = line.split(" ");
    switch (w[0]) {
      case "ftp.file" -> {
        Path file = DataFiles.create(data.resolve(w[1]), Long.parseLong(w[2]));
        Path link = home.resolve(w[1]);
        if (!Files.exists(link)) {
          Files.createLink(link, file);
        }
        return link.toString();
      }
      case "ftp.tree" -> {
        Path dir = Files.createDirectories(home.resolve(w[1]));
        int count = Integer.parseInt(w[2]);
        long size = Long.parseLong(w[3]);
        for (int i = 0; i < count; i++) {
          DataFiles.create(dir.resolve(String.format("f%05d.bin", i)), size);
        }
        return dir.toString();
      }
      case "ftp.clean" -> {
        try (Stream<Path> files = Files.list(home.resolve("upload"))) {
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

  @Override
  public void close() {
    if (server != null) {
      server.close();
    }
  }
}
