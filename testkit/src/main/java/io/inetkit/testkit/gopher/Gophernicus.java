package io.inetkit.testkit.gopher;

import io.inetkit.testkit.host.HostProcess;
import io.inetkit.testkit.host.InetdListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;

/**
 * Debian's gophernicus ({@code /usr/sbin/gophernicus}) serving {@link #root()} on a free 127.0.0.1
 * port: gophernicus serves one connection per process, so an {@link InetdListener} (socat) accepts
 * and runs it for each as user {@code nobody} (it refuses to run as root). Menus are generated from
 * the folder; no virtual hosts, personal gopherspaces or scripts. Needs root. The real counterpart
 * of the embedded {@link GopherServer}.
 *
 * <pre>{@code
 * try (Gophernicus gopher = Gophernicus.start(dir)) {
 *   Files.writeString(gopher.root().resolve("hello.txt"), "hello\n");
 *   // gopher://127.0.0.1:<gopher.port()>/0/hello.txt
 * }
 * }</pre>
 */
public final class Gophernicus implements AutoCloseable {
  /** Where Debian installs the server. */
  public static final Path EXECUTABLE = Path.of("/usr/sbin/gophernicus");

  /** The user each connection's gophernicus runs as. */
  public static final String RUN_AS = "nobody";

  private final Path root;
  private final InetdListener listener;

  private Gophernicus(Path root, InetdListener listener) {
    this.root = root;
    this.listener = listener;
  }

  /**
   * Why gophernicus cannot be started here (not installed, no socat, not root), or empty.
   *
   * @return why gophernicus cannot start here, or empty when it can
   */
  public static Optional<String> unavailable() {
    return HostProcess.unavailable(EXECUTABLE, "gophernicus").or(InetdListener::unavailable);
  }

  /**
   * Starts serving an empty {@link #root()} in a new folder under {@code parent} (deleted by {@link
   * #close()}). Files placed there must be readable by {@link #RUN_AS}; {@code parent} is made
   * traversable (mode 711) for it.
   *
   * @param parent the folder under which the server's own folder is made
   * @return the running server; close it to stop it and delete its folder
   * @throws IllegalStateException when {@link #unavailable()} says why it cannot start
   * @throws IOException when it does not come up
   */
  public static Gophernicus start(Path parent) throws IOException {
    unavailable()
        .ifPresent(
            why -> {
              throw new IllegalStateException(why);
            });
    Path dir = Files.createTempDirectory(parent, "gophernicus-");
    Path root = Files.createDirectories(dir.resolve("root"));
    // nobody must reach the files: parent traversable, the server's folders readable
    Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwx--x--x"));
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
    int port = HostProcess.freePort();
    InetdListener listener =
        InetdListener.start(
            "gophernicus",
            dir,
            port,
            List.of(
                EXECUTABLE.toString(),
                "-h",
                "127.0.0.1",
                "-p",
                Integer.toString(port),
                "-r",
                root.toString(),
                "-nv",
                "-nu",
                "-nx",
                "-na",
                "-nt",
                "-ns"),
            Optional.of(RUN_AS));
    return new Gophernicus(root, listener);
  }

  /**
   * The served folder (readable by everyone).
   *
   * @return the served folder
   */
  public Path root() {
    return root;
  }

  /**
   * The port on 127.0.0.1.
   *
   * @return the port on 127.0.0.1
   */
  public int port() {
    return listener.port();
  }

  /**
   * What socat and gophernicus logged so far (for failure messages).
   *
   * @return the log text so far
   */
  public String logText() {
    return listener.logText();
  }

  /** Stops serving and deletes the folder. */
  @Override
  public void close() {
    listener.close();
  }
}
