package io.inetkit.testkit.gopher;

import static io.inetkit.core.internal.Connector.closeQuietly;

import io.inetkit.testkit.BindAddress;
import io.inetkit.testkit.tls.TestPki;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * An embedded Gopher server on 127.0.0.1 that serves a folder, for tests: RFC 1436 menus, text and
 * binary items, a type-7 file-name search, Gopher+ attributes and views, and optionally a gophers
 * (TLS) listener whose certificate comes from a {@link TestPki}.
 *
 * <pre>{@code
 * TestPki pki = TestPki.create();
 * try (GopherServer gopher = GopherServer.builder().tls(pki).build()) {
 *   gopher.file("docs/readme.txt", "Hello\n.dot line\n");   // served as /docs/readme.txt
 *   gopher.file("logo.gif", gifBytes);                      // type g, sent raw
 *   String menu = "gopher://127.0.0.1:" + gopher.port() + "/1/docs";
 *   String secure = "gophers://localhost:" + gopher.tlsPort() + "/1/docs"; // trust pki.clientTrust()
 *   assertThat(gopher.requests()).contains("/docs");
 * }
 * }</pre>
 *
 * <h2>How the folder is served</h2>
 *
 * <ul>
 *   <li>Selectors are paths below the root: {@code ""} or {@code /} is the root menu, {@code
 *       /docs/readme.txt} a file. {@code ..}, dot files and anything outside the root give an error
 *       item (type {@code 3}).
 *   <li>Folders become menus: an {@code i} line, in the root a type-7 search item (selector {@code
 *       /.search}), then one item per entry marked {@code +} (Gopher+), typed by extension: {@code
 *       0} text, {@code 1} folder, {@code g} GIF, {@code I} other images, {@code h} HTML, {@code s}
 *       sound, {@code 9} binary (files with NUL bytes are binary). A {@code gophermap} file in a
 *       folder replaces the generated menu (lines with a TAB are items, host and port default to
 *       this server; other lines become {@code i} lines).
 *   <li>Text goes out with CRLF line ends, dot-stuffing and a final {@code .} line; binaries go out
 *       raw and the connection closes.
 *   <li>{@code URL:http://…} selectors get an HTML redirect page.
 *   <li>Gopher+: {@code sel TAB +} adds a {@code +-1}/{@code +<length>} header; {@code sel TAB !}
 *       returns +INFO, +ADMIN, +VIEWS and (from a {@code .<name>.abstract} sidecar) +ABSTRACT;
 *       {@code sel TAB $} the same for every item of a folder; {@code sel TAB +text/html} fetches a
 *       view, extra views coming from sidecars {@code .<name>.view.<ext>}.
 * </ul>
 *
 * Each connection is served on a pooled thread with a 30 s read timeout; request lines longer than
 * {@link Builder#maxRequestLength(int)} get an error item.
 */
public final class GopherServer implements AutoCloseable {
  /** The host every listener binds and every menu line names unless bound elsewhere. */
  public static final String HOST = "127.0.0.1";

  private final BindAddress bind;
  private final GopherCatalog catalog;
  private final boolean ownsRoot;
  private final int maxRequestLength;
  private final ServerSocket plain;
  private final ServerSocket tls;
  private final SSLContext tlsContext;
  private final ExecutorService pool;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private volatile boolean closed;

  private GopherServer(Builder b) throws IOException {
    this.ownsRoot = b.root == null;
    this.catalog =
        new GopherCatalog(ownsRoot ? Files.createTempDirectory("inetkit-gopher-") : b.root);
    this.maxRequestLength = b.maxRequestLength;
    AtomicInteger n = new AtomicInteger();
    this.pool =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "gopher-server-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    this.bind = b.bind;
    this.plain = bind(new ServerSocket(), b.bind, b.port);
    // gophers accepts plain TCP and starts TLS per connection, so the TLS context (and a test
    // PKI's CA) is made on the first TLS client rather than at start
    this.tlsContext = b.tlsContext;
    this.tls = tlsContext == null ? null : bind(new ServerSocket(), b.bind, b.tlsPort);
    startAcceptor(plain, false);
    if (tls != null) {
      startAcceptor(tls, true);
    }
  }

  /**
   * Starts a plain Gopher server serving a new, empty temporary folder (deleted on close).
   *
   * @return the running server; close it to stop
   * @throws java.io.IOException when the listener cannot be bound or the folder cannot be made
   */
  public static GopherServer start() throws IOException {
    return builder().build();
  }

  /**
   * Starts a plain Gopher server serving {@code root} (left in place on close).
   *
   * @param root the folder to serve
   * @return the running server; close it to stop
   * @throws java.io.IOException when the listener cannot be bound
   */
  public static GopherServer start(Path root) throws IOException {
    return builder().root(root).build();
  }

  /** {@return a builder for a server with a given folder, a TLS listener or other limits} */
  public static Builder builder() {
    return new Builder();
  }

  /** Configures and starts a {@link GopherServer}. */
  public static final class Builder {
    private Path root;
    private SSLContext tlsContext;
    private int maxRequestLength = 4096;
    private int port;
    private int tlsPort;
    private BindAddress bind = BindAddress.LOOPBACK;

    private Builder() {}

    /**
     * Binds the plain listener to this fixed port (default 0: a free port).
     *
     * @param port the port, or 0 for a free port
     * @return this builder
     */
    public Builder port(int port) {
      this.port = checkPort(port);
      return this;
    }

    /**
     * Binds the gophers listener (see {@link #tls(TestPki)}) to this fixed port (default 0: free).
     *
     * @param tlsPort the port, or 0 for a free port
     * @return this builder
     */
    public Builder tlsPort(int tlsPort) {
      this.tlsPort = checkPort(tlsPort);
      return this;
    }

    private static int checkPort(int port) {
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("port must be 0..65535, was " + port);
      }
      return port;
    }

    /**
     * Serves {@code root} instead of a fresh temporary folder.
     *
     * @param root the folder to serve
     * @return this builder
     */
    public Builder root(Path root) {
      if (!Files.isDirectory(Objects.requireNonNull(root, "root"))) {
        throw new IllegalArgumentException("not a directory: " + root);
      }
      this.root = root;
      return this;
    }

    /**
     * Adds a gophers listener (TLS from the first byte) with the server certificate of {@code pki}.
     *
     * @param pki the CA whose server certificate the listener presents
     * @return this builder
     */
    public Builder tls(TestPki pki) {
      this.tlsContext = Objects.requireNonNull(pki, "pki").serverSslContext();
      return this;
    }

    /**
     * Adds a gophers listener with another server identity, e.g. {@code
     * pki.issue("wrong.example").sslContext()} for host-name mismatch tests.
     *
     * @param serverContext the server's TLS context (its certificate and key)
     * @return this builder
     */
    public Builder tls(SSLContext serverContext) {
      this.tlsContext = Objects.requireNonNull(serverContext, "serverContext");
      return this;
    }

    /**
     * Listens on {@code address} (and names it in menus) instead of {@code 127.0.0.1}.
     *
     * @param address the address to listen on
     * @return this builder
     */
    public Builder bindAddress(BindAddress address) {
      this.bind = Objects.requireNonNull(address, "address");
      return this;
    }

    /**
     * Sets the longest request line accepted (default 4096 bytes).
     *
     * @param maxRequestLength the limit in bytes
     * @return this builder
     */
    public Builder maxRequestLength(int maxRequestLength) {
      if (maxRequestLength < 1) {
        throw new IllegalArgumentException("maxRequestLength must be positive");
      }
      this.maxRequestLength = maxRequestLength;
      return this;
    }

    /**
     * Binds the listeners and starts serving.
     *
     * @return the running server; close it to stop
     * @throws java.io.IOException when a listener cannot be bound or the folder cannot be made
     */
    public GopherServer build() throws IOException {
      return new GopherServer(this);
    }

    /**
     * Same as {@link #build()}: binds the listeners and starts serving, named like the other
     * testkit servers' {@code builder().start()}.
     *
     * @return the running server; close it to stop
     * @throws java.io.IOException when a listener cannot be bound or the folder cannot be made
     */
    public GopherServer start() throws IOException {
      return build();
    }
  }

  private static ServerSocket bind(ServerSocket s, BindAddress bind, int port) throws IOException {
    s.bind(new InetSocketAddress(bind.address(), port), 50);
    return s;
  }

  private void startAcceptor(ServerSocket listener, boolean secure) {
    Thread t =
        new Thread(() -> acceptLoop(listener, secure), "gopher-accept-" + listener.getLocalPort());
    t.setDaemon(true);
    t.start();
  }

  private void acceptLoop(ServerSocket listener, boolean secure) {
    while (!closed) {
      try {
        Socket s = listener.accept();
        open.add(s);
        pool.execute(
            () -> {
              try {
                new GopherConnection(
                        secure ? serverTls(s) : s,
                        catalog,
                        bind.urlHost(),
                        listener.getLocalPort(),
                        maxRequestLength,
                        requests::add)
                    .run();
              } catch (IOException e) {
                closeQuietly(s); // TLS could not start on this connection
              } finally {
                open.remove(s);
              }
            });
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private SSLSocket serverTls(Socket s) throws IOException {
    SSLSocket ssl =
        (SSLSocket) tlsContext.getSocketFactory().createSocket(s, null, s.getPort(), true);
    ssl.setUseClientMode(false);
    return ssl;
  }

  /** {@return {@code 127.0.0.1}} */
  public String host() {
    return bind.urlHost();
  }

  /** {@return the port of the plain Gopher listener} */
  public int port() {
    return plain.getLocalPort();
  }

  /**
   * {@return the port of the gophers (TLS) listener}
   *
   * @throws IllegalStateException if the server was built without {@link Builder#tls(TestPki)}
   */
  public int tlsPort() {
    if (tls == null) {
      throw new IllegalStateException("no TLS listener: build the server with tls(pki)");
    }
    return tls.getLocalPort();
  }

  /** {@return the folder being served} */
  public Path root() {
    return catalog.root();
  }

  /**
   * {@return {@code gopher://127.0.0.1:<port>/<typeAndSelector>}, e.g. {@code url("1/docs")}}
   *
   * @param typeAndSelector the item type followed by the selector, e.g. {@code 1/docs}
   */
  public String url(String typeAndSelector) {
    return "gopher://" + host() + ":" + port() + "/" + typeAndSelector;
  }

  /**
   * Writes a UTF-8 text file below the root (creating folders) and returns its path.
   *
   * @param relativePath the file's path below the root
   * @param text the file's content
   * @return the file written
   */
  public Path file(String relativePath, String text) {
    return file(relativePath, text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Writes a file below the root (creating folders) and returns its path.
   *
   * @param relativePath the file's path below the root
   * @param content the file's content
   * @return the file written
   */
  public Path file(String relativePath, byte[] content) {
    Path p = catalog.root().resolve(relativePath).normalize();
    if (!p.startsWith(catalog.root())) {
      throw new IllegalArgumentException("outside the served folder: " + relativePath);
    }
    try {
      Files.createDirectories(p.getParent());
      return Files.write(p, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@return every request line received so far (without CRLF), oldest first} */
  public List<String> requests() {
    return new ArrayList<>(requests);
  }

  /** Forgets the request lines received so far (for reuse between tests); files stay. */
  public void reset() {
    requests.clear();
  }

  /** Stops both listeners, drops open connections and deletes a temporary root. Idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    closeQuietly(plain);
    closeQuietly(tls);
    for (Socket s : open) {
      closeQuietly(s);
    }
    pool.shutdownNow();
    if (ownsRoot) {
      deleteTree(catalog.root());
    }
  }

  private static void deleteTree(Path root) {
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              Files.delete(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc)
                throws IOException {
              Files.delete(dir);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException ignored) {
      // a temp folder left behind is harmless
    }
  }
}
