package io.inetkit.transfer.gopher;

import io.inetkit.core.Endpoint;
import io.inetkit.core.EventListener;
import io.inetkit.core.GopherUrl;
import io.inetkit.core.InetkitException;
import io.inetkit.core.InetkitUrl;
import io.inetkit.core.InvalidInputException;
import io.inetkit.core.ProgressListener;
import io.inetkit.core.Proxies;
import io.inetkit.core.Proxy;
import io.inetkit.core.Scheme;
import io.inetkit.core.Timeouts;
import io.inetkit.core.TlsMode;
import io.inetkit.core.Trust;
import io.inetkit.core.internal.Inputs;
import io.inetkit.core.internal.SettingsBuilder;
import io.inetkit.transfer.gopher.internal.GopherOperations;
import io.inetkit.transfer.gopher.internal.GopherSettings;
import io.inetkit.transfer.gopher.internal.GopherTarget;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A Gopher and gophers client (RFC 1436, URLs per RFC 4266, Gopher+): menus, text documents, binary
 * items, searches and Gopher+ attributes and views. Immutable and thread-safe; it holds
 * configuration only. Gopher sends one request per connection, so there is no session: every method
 * connects, sends one request line, reads the reply and closes.
 *
 * <pre>{@code
 * GopherClient gopher = GopherClient.builder()
 *     .timeouts(Timeouts.DEFAULT.withRead(Duration.ofSeconds(20)))
 *     .build();
 * List<GopherItem> menu = gopher.menu(GopherUrl.parse("gopher://gopher.example.org/1/"));
 * for (GopherItem item : menu) {
 *   if (item.type() == GopherItemType.TEXT) {
 *     gopher.text(item, Path.of("docs", item.display() + ".txt"));   // dot-stuffing undone
 *   } else if (item.type().kind() == GopherItemType.Kind.BINARY) {
 *     gopher.download(item, Path.of("files", item.display()), p -> {}); // temp file + rename
 *   }
 * }
 * List<GopherItem> hits = gopher.search(GopherUrl.parse("gopher://gopher.example.org/7/find"), "java");
 * }</pre>
 *
 * <p>Robust against sloppy servers (LF without CR, missing fields, trailing blanks), truthful about
 * truncation (a menu or text that ends without its lone {@code .} line, an empty reply included,
 * fails with {@link io.inetkit.core.ConnectionClosedException}, and no file is renamed into place),
 * bounded against hostile ones: lines longer than {@link #maxLineLength()}, menus with more than
 * {@link #maxMenuItems()} items or {@link #maxMenuBytes()} bytes, and replies larger than {@link
 * #maxTotalBytes()} fail with {@link io.inetkit.core.LimitExceededException}; a server that stalls
 * fails with {@link io.inetkit.core.InetkitTimeoutException}. Selectors and queries with CR, LF,
 * TAB or NUL are refused with {@link InvalidInputException} before connecting. A selector the
 * server does not know (an error item, type 3) fails with {@link io.inetkit.core.NotFoundException}
 * carrying the server's text.
 *
 * <p>Calls with a {@link GopherUrl} use TLS exactly when the URL is {@code gophers://}, with {@link
 * #trust()}; calls with a {@link GopherItem} or a host use {@link #tlsMode()}.
 */
public final class GopherClient {
  private final TlsMode tlsMode;
  private final GopherOperations ops;

  private GopherClient(Builder b) {
    this.tlsMode = b.tlsMode;
    this.ops =
        new GopherOperations(
            new GopherSettings(
                b.timeouts,
                b.trust,
                b.eventListener,
                b.maxLineLength,
                b.maxMenuItems,
                b.maxMenuBytes,
                b.maxTotalBytes,
                b.proxy));
  }

  /** {@return a builder with safe defaults: {@link Timeouts#DEFAULT}, {@link Trust#system()}} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder holding this client's settings, to derive a variant} */
  public Builder newBuilder() {
    return new Builder(this);
  }

  /** {@return which proxy connections go through (default {@link Proxies#NONE}: directly)} */
  public Proxies proxy() {
    return ops.settings().proxy();
  }

  // ---------------------------------------------------------------- menus and search

  /**
   * Fetches and parses a menu. A type-7 URL with a search part ({@code %09words}) runs the search.
   *
   * @param url the item's URL
   * @return the menu's items, in the server's order
   * @throws io.inetkit.core.NotFoundException when the server answers with an error item
   * @throws InetkitException for connection, TLS, timeout, limit and malformed-reply failures
   */
  public List<GopherItem> menu(GopherUrl url) throws InetkitException {
    return ops.menu(target(url), url.search().orElse(null));
  }

  /**
   * Fetches the menu at {@code selector} on {@code host:port} (TLS per {@link #tlsMode()}).
   *
   * @param host the server's host name or address
   * @param port its port, 1 to 65535
   * @param selector the selector; {@code ""} for the server's root menu
   * @return the menu's items, in the server's order
   * @throws InetkitException when the server refuses, the connection fails or a limit is exceeded
   */
  public List<GopherItem> menu(String host, int port, String selector) throws InetkitException {
    return ops.menu(new GopherTarget(Endpoint.of(host, port), tlsMode, selector), null);
  }

  /**
   * Follows a menu item (type {@code 1}, or any item the caller knows to be a menu).
   *
   * @param item a menu item
   * @return the menu's items, in the server's order
   * @throws InetkitException when the server refuses, the connection fails or a limit is exceeded
   */
  public List<GopherItem> menu(GopherItem item) throws InetkitException {
    return ops.menu(target(item), null);
  }

  /**
   * Sends a type-7 search ({@code selector TAB query}) and returns the result menu.
   *
   * @param item a menu item
   * @param query the search words
   * @return the result menu's items
   * @throws InvalidInputException when the query contains CR, LF, TAB or NUL (nothing is sent)
   * @throws InetkitException when the server refuses, the connection fails or a limit is exceeded
   */
  public List<GopherItem> search(GopherItem item, String query) throws InetkitException {
    return ops.menu(target(item), Objects.requireNonNull(query, "query"));
  }

  /**
   * Sends a search to the selector of a type-7 URL (its own search part is replaced).
   *
   * @param url the item's URL
   * @param query the search words
   * @return the result menu's items
   * @throws InetkitException when the server refuses, the connection fails or a limit is exceeded
   */
  public List<GopherItem> search(GopherUrl url, String query) throws InetkitException {
    return ops.menu(target(url), Objects.requireNonNull(query, "query"));
  }

  // ---------------------------------------------------------------- text

  /**
   * Streams a text document (type {@code 0}) to {@code out}, one line at a time ended by {@code
   * \n}, dot-stuffing undone, each line decoded as UTF-8 or, if invalid, ISO-8859-1. Returns the
   * number of lines. {@code out} is flushed, not closed.
   *
   * @param item a menu item
   * @param out where the bytes go; flushed, not closed
   * @return the number of lines written
   * @throws io.inetkit.core.NotFoundException when the server answers with an error item
   */
  public long text(GopherItem item, Writer out) throws InetkitException {
    return ops.text(target(item), out);
  }

  /**
   * Like {@link #text(GopherItem, Writer)} for a URL.
   *
   * @param url the item's URL
   * @param out where the bytes go; flushed, not closed
   * @return the number of lines written
   * @throws InetkitException when the server refuses, the connection fails or a limit is exceeded
   */
  public long text(GopherUrl url, Writer out) throws InetkitException {
    return ops.text(target(url), out);
  }

  /**
   * Like {@link #text(GopherItem, Writer)}, writing UTF-8 bytes to {@code out}.
   *
   * @param item a menu item
   * @param out where the bytes go; flushed, not closed
   * @return the number of lines written
   * @throws InetkitException when the server refuses, the connection fails or a limit is exceeded
   */
  public long text(GopherItem item, OutputStream out) throws InetkitException {
    return ops.text(target(item), out);
  }

  /**
   * Like {@link #text(GopherItem, OutputStream)} for a URL.
   *
   * @param url the item's URL
   * @param out where the bytes go; flushed, not closed
   * @return the number of lines written
   * @throws InetkitException when the server refuses, the connection fails or a limit is exceeded
   */
  public long text(GopherUrl url, OutputStream out) throws InetkitException {
    return ops.text(target(url), out);
  }

  /**
   * Like {@link #text(GopherItem, OutputStream)} into a file, written atomically (temp + rename).
   *
   * @param item a menu item
   * @param target the local file to write
   * @return the number of lines written
   * @throws InetkitException when the server refuses, the connection fails or a limit is exceeded
   */
  public long text(GopherItem item, Path target) throws InetkitException {
    return ops.text(target(item), target);
  }

  /**
   * Like {@link #text(GopherItem, Path)} for a URL.
   *
   * @param url the item's URL
   * @param target the local file to write
   * @return the number of lines written
   * @throws InetkitException when the server refuses, the connection fails or a limit is exceeded
   */
  public long text(GopherUrl url, Path target) throws InetkitException {
    return ops.text(target(url), target);
  }

  // ---------------------------------------------------------------- binary

  /**
   * Downloads a binary item (type {@code 9}, {@code g}, {@code I}, {@code 5}, …: bytes until the
   * server closes) into a file: written to a temporary file next to it and renamed into place only
   * when complete. Returns the number of bytes.
   *
   * @param item a menu item
   * @param target the local file to write
   * @param progress receives progress snapshots ({@link ProgressListener#NONE} for none)
   * @return the number of bytes written
   * @throws io.inetkit.core.NotFoundException when the server answers with an error item
   */
  public long download(GopherItem item, Path target, ProgressListener progress)
      throws InetkitException {
    return ops.download(target(item), target, progress);
  }

  /**
   * Like {@link #download(GopherItem, Path, ProgressListener)} without progress.
   *
   * @param item a menu item
   * @param target the local file to write
   * @return the number of bytes written
   * @throws InetkitException when the server refuses, the connection fails or a limit is exceeded
   */
  public long download(GopherItem item, Path target) throws InetkitException {
    return ops.download(target(item), target, ProgressListener.NONE);
  }

  /**
   * Like {@link #download(GopherItem, Path, ProgressListener)} for a URL.
   *
   * @param url the item's URL
   * @param target the local file to write
   * @param progress receives progress snapshots ({@link ProgressListener#NONE} for none)
   * @return the number of bytes written
   * @throws InetkitException when the server refuses, the connection fails or a limit is exceeded
   */
  public long download(GopherUrl url, Path target, ProgressListener progress)
      throws InetkitException {
    return ops.download(target(url), target, progress);
  }

  /**
   * Streams a binary item to {@code out} (not closed). Returns the number of bytes.
   *
   * @param item a menu item
   * @param out where the bytes go; flushed, not closed
   * @param progress receives progress snapshots ({@link ProgressListener#NONE} for none)
   * @return the number of bytes written
   * @throws InetkitException when the server refuses, the connection fails or a limit is exceeded
   */
  public long download(GopherItem item, OutputStream out, ProgressListener progress)
      throws InetkitException {
    return ops.download(target(item), out, progress);
  }

  /**
   * Like {@link #download(GopherItem, OutputStream, ProgressListener)} for a URL.
   *
   * @param url the item's URL
   * @param out where the bytes go; flushed, not closed
   * @param progress receives progress snapshots ({@link ProgressListener#NONE} for none)
   * @return the number of bytes written
   * @throws InetkitException when the server refuses, the connection fails or a limit is exceeded
   */
  public long download(GopherUrl url, OutputStream out, ProgressListener progress)
      throws InetkitException {
    return ops.download(target(url), out, progress);
  }

  // ---------------------------------------------------------------- Gopher+

  /**
   * Asks a Gopher+ server for an item's attributes ({@code selector TAB !}): +INFO, +ADMIN, +VIEWS,
   * +ABSTRACT and any other block.
   *
   * @param item a menu item
   * @return the item's Gopher+ attributes
   * @throws io.inetkit.core.ProtocolViolationException when the server does not speak Gopher+
   */
  public GopherAttributes attributes(GopherItem item) throws InetkitException {
    return ops.attributes(target(item));
  }

  /**
   * Like {@link #attributes(GopherItem)} for a URL.
   *
   * @param url the item's URL
   * @return the item's Gopher+ attributes
   * @throws InetkitException when the server refuses, the connection fails or a limit is exceeded
   */
  public GopherAttributes attributes(GopherUrl url) throws InetkitException {
    return ops.attributes(target(url));
  }

  /**
   * Asks a Gopher+ server for the attributes of every item in a menu ({@code selector TAB $}).
   *
   * @param menu a menu item (type {@code 1})
   * @return the attributes of each item in the menu
   * @throws InetkitException when the server refuses, the connection fails or a limit is exceeded
   */
  public List<GopherAttributes> directoryAttributes(GopherItem menu) throws InetkitException {
    return ops.directoryAttributes(target(menu));
  }

  /**
   * Like {@link #directoryAttributes(GopherItem)} for a URL.
   *
   * @param url the item's URL
   * @return the attributes of each item in the menu
   * @throws InetkitException when the server refuses, the connection fails or a limit is exceeded
   */
  public List<GopherAttributes> directoryAttributes(GopherUrl url) throws InetkitException {
    return ops.directoryAttributes(target(url));
  }

  /**
   * Fetches one Gopher+ view of an item ({@code selector TAB +mime [language]}), as listed in its
   * {@link GopherAttributes#views()}, and streams it to {@code out}: exactly the announced length,
   * dot-terminated data with dot-stuffing undone (lines ended by {@code \n}), or bytes until the
   * server closes, as the reply header says. Returns the number of bytes written.
   *
   * @param item a menu item
   * @param view one of the item's Gopher+ views
   * @param out where the bytes go; flushed, not closed
   * @param progress receives progress snapshots ({@link ProgressListener#NONE} for none)
   * @return the number of bytes written
   * @throws io.inetkit.core.NotFoundException when the server has no such view ({@code --1})
   */
  public long view(GopherItem item, GopherView view, OutputStream out, ProgressListener progress)
      throws InetkitException {
    return ops.view(target(item), view, out, progress);
  }

  /**
   * Like {@link #view(GopherItem, GopherView, OutputStream, ProgressListener)} into a file (temp +
   * rename).
   *
   * @param item a menu item
   * @param view one of the item's Gopher+ views
   * @param target the local file to write
   * @return the number of bytes written
   * @throws InetkitException when the server refuses, the connection fails or a limit is exceeded
   */
  public long view(GopherItem item, GopherView view, Path target) throws InetkitException {
    return ops.view(target(item), view, target);
  }

  private static GopherTarget target(GopherUrl url) {
    Objects.requireNonNull(url, "url");
    return new GopherTarget(url.url().endpoint(), url.url().tlsMode(), url.selector());
  }

  private GopherTarget target(GopherItem item) {
    Objects.requireNonNull(item, "item");
    if (!item.isLink()) {
      throw new InvalidInputException(
          "item", "an info or error line is not a link: " + Inputs.quote(item.display()));
    }
    return new GopherTarget(item.endpoint(), tlsMode, item.selector());
  }

  // ---------------------------------------------------------------- configuration

  /** {@return the connect, read (idle) and overall timeouts} */
  public Timeouts timeouts() {
    return ops.settings().timeouts();
  }

  /** {@return the trust used for gophers connections} */
  public Trust trust() {
    return ops.settings().trust();
  }

  /** {@return the TLS mode for calls given an item or host: NONE (gopher) or IMPLICIT (gophers)} */
  public TlsMode tlsMode() {
    return tlsMode;
  }

  /** {@return the event listener} */
  public EventListener eventListener() {
    return ops.settings().events();
  }

  /** {@return the longest line (menu or text) accepted, in bytes} */
  public int maxLineLength() {
    return ops.settings().maxLineLength();
  }

  /** {@return the most items a menu (or lines an attribute reply) may have} */
  public int maxMenuItems() {
    return ops.settings().maxMenuItems();
  }

  /** {@return the most bytes of a reply held in memory (menus, searches, attributes)} */
  public long maxMenuBytes() {
    return ops.settings().maxMenuBytes();
  }

  /** {@return the most bytes any one reply may have, downloads included} */
  public long maxTotalBytes() {
    return ops.settings().maxTotalBytes();
  }

  @Override
  public String toString() {
    return "GopherClient[" + tlsMode + ", " + trust() + ", " + timeouts() + "]";
  }

  /** Builds a {@link GopherClient}; every setter validates at once. */
  public static final class Builder {
    private Timeouts timeouts = Timeouts.DEFAULT;
    private Trust trust = Trust.system();
    private TlsMode tlsMode = TlsMode.NONE;
    private EventListener eventListener = EventListener.NONE;
    private int maxLineLength = 64 * 1024;
    private int maxMenuItems = 100_000;
    private long maxMenuBytes = 16L * 1024 * 1024;
    private long maxTotalBytes = Long.MAX_VALUE;
    private Proxies proxy = Proxies.NONE;

    private Builder() {}

    private Builder(GopherClient c) {
      GopherSettings s = c.ops.settings();
      this.timeouts = s.timeouts();
      this.trust = s.trust();
      this.tlsMode = c.tlsMode;
      this.eventListener = s.events();
      this.maxLineLength = s.maxLineLength();
      this.maxMenuItems = s.maxMenuItems();
      this.maxMenuBytes = s.maxMenuBytes();
      this.maxTotalBytes = s.maxTotalBytes();
      this.proxy = s.proxy();
    }

    /**
     * Takes the TLS mode for calls given an item or host from a {@code gopher://} ({@link
     * TlsMode#NONE}) or {@code gophers://} ({@link TlsMode#IMPLICIT}) URL. Gopher has no session
     * and no fixed server: every call names its server (a URL, an item, or host and port), and
     * calls given a URL always use that URL's scheme.
     *
     * @param url a {@code gopher://} or {@code gophers://} URL; not null
     * @return this builder
     * @throws InvalidInputException when {@code url} is not a Gopher URL
     */
    public Builder url(InetkitUrl url) {
      SettingsBuilder.requireScheme(url, Scheme.GOPHER, Scheme.GOPHERS);
      return tlsMode(url.tlsMode());
    }

    /**
     * Sets connect, read (idle) and overall timeouts; default {@link Timeouts#DEFAULT}.
     *
     * @param timeouts the timeouts; not null
     * @return this builder
     */
    public Builder timeouts(Timeouts timeouts) {
      this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
      return this;
    }

    /**
     * Sets the trust for gophers; default {@link Trust#system()}.
     *
     * @param trust which certificates are trusted
     * @return this builder
     */
    public Builder trust(Trust trust) {
      this.trust = Objects.requireNonNull(trust, "trust");
      return this;
    }

    /**
     * Sets TLS for calls given an item or host: {@link TlsMode#NONE} (default) or {@link
     * TlsMode#IMPLICIT} (gophers). URLs carry their own.
     *
     * @param tlsMode how TLS is used
     * @return this builder
     */
    public Builder tlsMode(TlsMode tlsMode) {
      Objects.requireNonNull(tlsMode, "tlsMode");
      if (tlsMode != TlsMode.NONE && tlsMode != TlsMode.IMPLICIT) {
        throw new InvalidInputException(
            "tlsMode", "Gopher knows only NONE or IMPLICIT, not " + tlsMode);
      }
      this.tlsMode = tlsMode;
      return this;
    }

    /**
     * Sends every connection through {@code proxy} (SOCKS5 or HTTP CONNECT); TLS is still
     * negotiated with, and verified against, the server. Default: direct.
     *
     * @param proxy the proxy
     * @return this builder
     */
    public Builder proxy(Proxy proxy) {
      return proxy(Proxies.of(proxy));
    }

    /**
     * Sets which connections go through which proxy (default {@link Proxies#NONE}: all direct);
     * {@link Proxies#fromEnvironment()} follows curl's variables, {@code NO_PROXY} included.
     *
     * @param proxy the proxies
     * @return this builder
     */
    public Builder proxy(Proxies proxy) {
      this.proxy = Objects.requireNonNull(proxy, "proxy");
      return this;
    }

    /**
     * Sets the event listener; default {@link EventListener#NONE}.
     *
     * @param eventListener receives the client's events
     * @return this builder
     */
    public Builder eventListener(EventListener eventListener) {
      this.eventListener = Objects.requireNonNull(eventListener, "eventListener");
      return this;
    }

    /**
     * Sets the longest menu or text line accepted (default 64 KiB).
     *
     * @param maxLineLength the longest menu or text line accepted, in bytes
     * @return this builder
     */
    public Builder maxLineLength(int maxLineLength) {
      this.maxLineLength =
          (int) Inputs.requireRange("maxLineLength", maxLineLength, 80, Integer.MAX_VALUE - 16);
      return this;
    }

    /**
     * Sets the most items of a menu (default 100,000).
     *
     * @param maxMenuItems the most items a menu may have
     * @return this builder
     */
    public Builder maxMenuItems(int maxMenuItems) {
      this.maxMenuItems =
          (int) Inputs.requireRange("maxMenuItems", maxMenuItems, 1, Integer.MAX_VALUE);
      return this;
    }

    /**
     * Sets the most bytes of a menu, search or attribute reply (default 16 MiB).
     *
     * @param maxMenuBytes the largest menu accepted, in bytes
     * @return this builder
     */
    public Builder maxMenuBytes(long maxMenuBytes) {
      this.maxMenuBytes = Inputs.requireRange("maxMenuBytes", maxMenuBytes, 1, Long.MAX_VALUE);
      return this;
    }

    /**
     * Sets the most bytes of any reply, downloads included (default: no limit).
     *
     * @param maxTotalBytes the most bytes one text or download may have
     * @return this builder
     */
    public Builder maxTotalBytes(long maxTotalBytes) {
      this.maxTotalBytes = Inputs.requireRange("maxTotalBytes", maxTotalBytes, 1, Long.MAX_VALUE);
      return this;
    }

    /** {@return the client} */
    public GopherClient build() {
      return new GopherClient(this);
    }
  }
}
