package io.inetkit.testkit.telnet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code cat file}: copies a file from the server's folder, streamed in 64 KiB chunks; text
 * translation (LF to CR LF) and IAC doubling apply unless binary mode was agreed. Names that leave
 * the folder are not found.
 */
final class CatCommand implements ShellCommand {
  @Override
  public Outcome run(String args, Context context) throws IOException {
    String name = args.trim();
    Path file = context.files() == null ? null : context.files().resolve(name).normalize();
    if (name.isEmpty()
        || file == null
        || !file.startsWith(context.files())
        || !Files.isRegularFile(file)) {
      context.out().text("cat: " + name + ": No such file or directory\n");
      return Outcome.CONTINUE;
    }
    byte[] buf = new byte[64 * 1024];
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      while ((n = in.read(buf)) > 0) {
        context.out().data(buf, 0, n);
      }
    }
    return Outcome.CONTINUE;
  }
}
