package io.inetkit.transfer.gopher;

import io.inetkit.core.Endpoint;
import io.inetkit.core.EventListener;
import io.inetkit.core.GopherUrl;
import io.inetkit.core.Inputs;
import io.inetkit.core.InetkitException;
import io.inetkit.core.InvalidInputException;
import io.inetkit.core.ProgressListener;
import io.inetkit.core.Timeouts;
import io.inetkit.core.TlsMode;
import io.inetkit.core.Trust;
import io.inetkit.core.internal.ProgressTracker;
import io.inetkit.transfer.gopher.internal.AtomicFile;
import io.inetkit.transfer.gopher.internal.GopherAttributesParser;
import io.inetkit.transfer.gopher.internal.GopherBinaryCopy;
import io.inetkit.transfer.gopher.internal.GopherExchange;
import io.inetkit.transfer.gopher.internal.GopherMenuParser;
import io.inetkit.transfer.gopher.internal.GopherPlusHeader;
import io.inetkit.transfer.gopher.internal.GopherSettings;
import io.inetkit.transfer.gopher.internal.GopherTarget;
import io.inetkit.transfer.gopher.internal.GopherText;
import io.inetkit.transfer.gopher.internal.GopherTextCopy;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A Gopher and gophers client (RFC 1436, URLs per RFC 4266, Gopher+): menus, text documents,
 * binary items, searches and Gopher+ attributes and views. Immutable and thread-safe; it holds
 * configuration only. Gopher sends one request per connection, so there is no session: every
 * method connects, sends one request line, reads the reply and closes.
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
 * <p>Robust against sloppy servers (LF without CR, missing fields or terminator, trailing
 * blanks), bounded against hostile ones: lines longer than {@link #maxLineLength()}, menus with
 * more than {@link #maxMenuItems()} items or {@link #maxMenuBytes()} bytes, and replies larger
 * than {@link #maxTotalBytes()} fail with {@link io.inetkit.core.LimitExceededException}; a
 * server that stalls fails with {@link io.inetkit.core.InetkitTimeoutException}. Selectors and
 * queries with CR, LF, TAB or NUL are refused with {@link InvalidInputException} before
 * connecting. A selector the server does not know (an error item, type 3) fails with {@link
 * io.inetkit.core.NotFoundException} carrying the server's text.
 *
 * <p>Calls with a {@link GopherUrl} use TLS exactly when the URL is {@code gophers://}, with
 * {@link #trust()}; calls with a {@link GopherItem} or a host use {@link #tlsMode()}.
 */
public final class GopherClient {
  private final Timeouts timeouts;
  private final Trust trust;
  private final TlsMode tlsMode;
  private final EventListener eventListener;
  private final int maxLineLength;
  private final int maxMenuItems;
  private final long maxMenuBytes;
  private final long maxTotalBytes;
  private final GopherSettings settings;

  private GopherClient(Builder b) {
    this.timeouts = b.timeouts;
    this.trust = b.trust;
    this.tlsMode = b.tlsMode;
    this.eventListener = b.eventListener;
    this.maxLineLength = b.maxLineLength;
    this.maxMenuItems = b.maxMenuItems;
    this.maxMenuBytes = b.maxMenuBytes;
    this.maxTotalBytes = b.maxTotalBytes;
    this.settings =
        new GopherSettings(
            timeouts, trust, eventListener, maxLineLength, maxMenuItems, maxMenuBytes, maxTotalBytes);
  }

  /** Returns a builder with safe defaults: {@link Timeouts#DEFAULT}, {@link Trust#system()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding this client's settings, to derive a variant. */
  public Builder newBuilder() {
    return new Builder(this);
  }

  // ---------------------------------------------------------------- menus and search

  /**
   * Fetches and parses a menu. A type-7 URL with a search part ({@code %09words}) runs the search.
   *
   * @throws io.inetkit.core.NotFoundException when the server answers with an error item
   * @throws InetkitException for connection, TLS, timeout, limit and malformed-reply failures
   */
  public List<GopherItem> menu(GopherUrl url) throws InetkitException {
    String search = url.search().orElse(null);
    if (search != null) {
      return search(target(url), search);
    }
    return menu(target(url), null, "menu " + Inputs.quote(url.selector()));
  }

  /** Fetches the menu at {@code selector} on {@code host:port} (TLS per {@link #tlsMode()}). */
  public List<GopherItem> menu(String host, int port, String selector) throws InetkitException {
    GopherTarget t = new GopherTarget(Endpoint.of(host, port), tlsMode, selector);
    return menu(t, null, "menu " + Inputs.quote(selector));
  }

  /** Follows a menu item (type {@code 1}, or any item the caller knows to be a menu). */
  public List<GopherItem> menu(GopherItem item) throws InetkitException {
    return menu(target(item), null, "menu " + Inputs.quote(item.selector()));
  }

  /**
   * Sends a type-7 search ({@code selector TAB query}) and returns the result menu.
   *
   * @throws InvalidInputException when the query contains CR, LF, TAB or NUL (nothing is sent)
   */
  public List<GopherItem> search(GopherItem item, String query) throws InetkitException {
    return search(target(item), query);
  }

  /** Sends a search to the selector of a type-7 URL (its own search part is replaced). */
  public List<GopherItem> search(GopherUrl url, String query) throws InetkitException {
    return search(target(url), query);
  }

  private List<GopherItem> search(GopherTarget t, String query) throws InetkitException {
    io.inetkit.transfer.gopher.internal.GopherUrls.requireSelector("query", query);
    return menu(t, query, "search " + Inputs.quote(t.selector()));
  }

  private List<GopherItem> menu(GopherTarget t, String extra, String what) throws InetkitException {
    List<GopherItem> items =
        GopherExchange.run(t, extra, what, settings, reply -> GopherMenuParser.read(reply));
    eventListener.replyReceived(t.endpoint(), items.size() + " menu items");
    GopherMenuParser.requireNoError(items, what, t.endpoint());
    return items;
  }

  // ---------------------------------------------------------------- text

  /**
   * Streams a text document (type {@code 0}) to {@code out}, one line at a time ended by {@code
   * \n}, dot-stuffing undone, each line decoded as UTF-8 or, if invalid, ISO-8859-1. Returns the
   * number of lines. {@code out} is flushed, not closed.
   */
  public long text(GopherItem item, Writer out) throws InetkitException {
    return text(target(item), out);
  }

  /** Like {@link #text(GopherItem, Writer)} for a URL. */
  public long text(GopherUrl url, Writer out) throws InetkitException {
    return text(target(url), out);
  }

  /** Like {@link #text(GopherItem, Writer)}, writing UTF-8 bytes to {@code out}. */
  public long text(GopherItem item, OutputStream out) throws InetkitException {
    return text(target(item), out);
  }

  /** Like {@link #text(GopherItem, OutputStream)} for a URL. */
  public long text(GopherUrl url, OutputStream out) throws InetkitException {
    return text(target(url), out);
  }

  /** Like {@link #text(GopherItem, OutputStream)} into a file, written atomically (temp + rename). */
  public long text(GopherItem item, Path target) throws InetkitException {
    return text(target(item), target);
  }

  /** Like {@link #text(GopherItem, Path)} for a URL. */
  public long text(GopherUrl url, Path target) throws InetkitException {
    return text(target(url), target);
  }

  private long text(GopherTarget t, Writer out) throws InetkitException {
    return textLines(
        t,
        line -> {
          out.write(GopherText.decode(line));
          out.write('\n');
        },
        out::flush);
  }

  private long text(GopherTarget t, OutputStream out) throws InetkitException {
    return textLines(
        t,
        line -> {
          out.write(GopherText.decode(line).getBytes(StandardCharsets.UTF_8));
          out.write('\n');
        },
        out::flush);
  }

  private long text(GopherTarget t, Path target) throws InetkitException {
    return toFile(target, out -> text(t, out));
  }

  private long textLines(GopherTarget t, GopherTextCopy.LineSink sink, Flush flush)
      throws InetkitException {
    String what = "text " + Inputs.quote(t.selector());
    return transfer(
        t,
        null,
        what,
        ProgressListener.NONE,
        (reply, tracker) -> {
          long lines = GopherTextCopy.copy(reply, sink, tracker, true, what);
          flush.flush();
          return lines;
        });
  }

  @FunctionalInterface
  private interface Flush {
    void flush() throws IOException;
  }

  // ---------------------------------------------------------------- binary

  /**
   * Downloads a binary item (type {@code 9}, {@code g}, {@code I}, {@code 5}, …: bytes until the
   * server closes) into a file: written to a temporary file next to it and renamed into place
   * only when complete. Returns the number of bytes.
   *
   * @throws io.inetkit.core.NotFoundException when the server answers with an error item
   */
  public long download(GopherItem item, Path target, ProgressListener progress) throws InetkitException {
    return download(target(item), target, progress);
  }

  /** Like {@link #download(GopherItem, Path, ProgressListener)} without progress. */
  public long download(GopherItem item, Path target) throws InetkitException {
    return download(target(item), target, ProgressListener.NONE);
  }

  /** Like {@link #download(GopherItem, Path, ProgressListener)} for a URL. */
  public long download(GopherUrl url, Path target, ProgressListener progress) throws InetkitException {
    return download(target(url), target, progress);
  }

  /** Streams a binary item to {@code out} (not closed). Returns the number of bytes. */
  public long download(GopherItem item, OutputStream out, ProgressListener progress)
      throws InetkitException {
    return download(target(item), out, progress);
  }

  /** Like {@link #download(GopherItem, OutputStream, ProgressListener)} for a URL. */
  public long download(GopherUrl url, OutputStream out, ProgressListener progress) throws InetkitException {
    return download(target(url), out, progress);
  }

  private long download(GopherTarget t, Path target, ProgressListener progress) throws InetkitException {
    return toFile(target, out -> download(t, out, progress));
  }

  private long download(GopherTarget t, OutputStream out, ProgressListener progress)
      throws InetkitException {
    String what = "download " + Inputs.quote(t.selector());
    return transfer(
        t,
        null,
        what,
        progress,
        (reply, tracker) -> {
          long n = GopherBinaryCopy.untilClose(reply, out, tracker, true, what);
          out.flush();
          return n;
        });
  }

  // ---------------------------------------------------------------- Gopher+

  /**
   * Asks a Gopher+ server for an item's attributes ({@code selector TAB !}): +INFO, +ADMIN,
   * +VIEWS, +ABSTRACT and any other block.
   *
   * @throws io.inetkit.core.ProtocolViolationException when the server does not speak Gopher+
   */
  public GopherAttributes attributes(GopherItem item) throws InetkitException {
    return attributes(target(item));
  }

  /** Like {@link #attributes(GopherItem)} for a URL. */
  public GopherAttributes attributes(GopherUrl url) throws InetkitException {
    return attributes(target(url));
  }

  private GopherAttributes attributes(GopherTarget t) throws InetkitException {
    String what = "attributes " + Inputs.quote(t.selector());
    List<GopherAttributes> all = plusAttributes(t, "!", what);
    if (all.isEmpty()) {
      throw new io.inetkit.core.ProtocolViolationException(
          what + ": the server sent no +INFO block", t.endpoint(), null);
    }
    return all.get(0);
  }

  /**
   * Asks a Gopher+ server for the attributes of every item in a menu ({@code selector TAB $}).
   */
  public List<GopherAttributes> directoryAttributes(GopherItem menu) throws InetkitException {
    return plusAttributes(target(menu), "$", "directory attributes " + Inputs.quote(menu.selector()));
  }

  /** Like {@link #directoryAttributes(GopherItem)} for a URL. */
  public List<GopherAttributes> directoryAttributes(GopherUrl url) throws InetkitException {
    return plusAttributes(target(url), "$", "directory attributes " + Inputs.quote(url.selector()));
  }

  private List<GopherAttributes> plusAttributes(GopherTarget t, String request, String what)
      throws InetkitException {
    return GopherExchange.run(
        t,
        request,
        what,
        settings,
        reply -> {
          GopherPlusHeader.read(reply, what);
          return GopherAttributesParser.read(reply);
        });
  }

  /**
   * Fetches one Gopher+ view of an item ({@code selector TAB +mime [language]}), as listed in its
   * {@link GopherAttributes#views()}, and streams it to {@code out}: exactly the announced length,
   * dot-terminated data with dot-stuffing undone (lines ended by {@code \n}), or bytes until the
   * server closes, as the reply header says. Returns the number of bytes written.
   *
   * @throws io.inetkit.core.NotFoundException when the server has no such view ({@code --1})
   */
  public long view(GopherItem item, GopherView view, OutputStream out, ProgressListener progress)
      throws InetkitException {
    Objects.requireNonNull(view, "view");
    GopherTarget t = target(item);
    String what = "view " + view.requestForm() + " of " + Inputs.quote(item.selector());
    return transfer(
        t,
        "+" + view.requestForm(),
        what,
        progress,
        (reply, tracker) -> {
          GopherPlusHeader header = GopherPlusHeader.read(reply, what);
          long n;
          if (header.length() == GopherPlusHeader.DOT_TERMINATED) {
            long[] bytes = {0};
            GopherTextCopy.copy(
                reply,
                line -> {
                  out.write(line);
                  out.write('\n');
                  bytes[0] += line.length + 1;
                },
                tracker,
                false,
                what);
            n = bytes[0];
          } else if (header.length() == GopherPlusHeader.UNTIL_CLOSE) {
            n = GopherBinaryCopy.untilClose(reply, out, tracker, false, what);
          } else {
            n = GopherBinaryCopy.exactly(reply, out, tracker, header.length(), what);
          }
          out.flush();
          return n;
        });
  }

  /** Like {@link #view(GopherItem, GopherView, OutputStream, ProgressListener)} into a file (temp + rename). */
  public long view(GopherItem item, GopherView view, Path target) throws InetkitException {
    return toFile(target, out -> view(item, view, out, ProgressListener.NONE));
  }

  // ---------------------------------------------------------------- plumbing

  @FunctionalInterface
  private interface Body {
    long run(io.inetkit.transfer.gopher.internal.GopherReply reply, ProgressTracker tracker)
        throws IOException;
  }

  private long transfer(GopherTarget t, String extra, String what, ProgressListener progress, Body body)
      throws InetkitException {
    Objects.requireNonNull(progress, "progress");
    try {
      return GopherExchange.run(
          t,
          extra,
          what,
          settings,
          reply -> {
            ProgressTracker tracker =
                new ProgressTracker(t.selector(), -1, progress, eventListener, t.endpoint());
            long n = body.run(reply, tracker);
            tracker.finish();
            return n;
          });
    } catch (InetkitException e) {
      eventListener.transferFailed(t.endpoint(), t.selector(), e);
      throw e;
    }
  }

  private static long toFile(Path target, AtomicFile.Writer<Long> writer) throws InetkitException {
    Objects.requireNonNull(target, "target");
    try {
      return AtomicFile.write(target, writer);
    } catch (InetkitException e) {
      throw e;
    } catch (IOException e) {
      throw new InetkitException("cannot write " + target + ": " + e.getMessage(), null, e);
    }
  }

  private GopherTarget target(GopherUrl url) {
    Objects.requireNonNull(url, "url");
    return new GopherTarget(url.url().endpoint(), url.url().tlsMode(), url.selector());
  }

  private GopherTarget target(GopherItem item) {
    Objects.requireNonNull(item, "item");
    if (!item.isLink()) {
      throw new InvalidInputException("item", "an info or error line is not a link: " + Inputs.quote(item.display()));
    }
    return new GopherTarget(item.endpoint(), tlsMode, item.selector());
  }

  // ---------------------------------------------------------------- configuration

  /** Returns the connect, read (idle) and overall timeouts. */
  public Timeouts timeouts() {
    return timeouts;
  }

  /** Returns the trust used for gophers connections. */
  public Trust trust() {
    return trust;
  }

  /** Returns the TLS mode for calls given an item or host: NONE (gopher) or IMPLICIT (gophers). */
  public TlsMode tlsMode() {
    return tlsMode;
  }

  /** Returns the event listener. */
  public EventListener eventListener() {
    return eventListener;
  }

  /** Returns the longest line (menu or text) accepted, in bytes. */
  public int maxLineLength() {
    return maxLineLength;
  }

  /** Returns the most items a menu (or lines an attribute reply) may have. */
  public int maxMenuItems() {
    return maxMenuItems;
  }

  /** Returns the most bytes of a reply held in memory (menus, searches, attributes). */
  public long maxMenuBytes() {
    return maxMenuBytes;
  }

  /** Returns the most bytes any one reply may have, downloads included. */
  public long maxTotalBytes() {
    return maxTotalBytes;
  }

  @Override
  public String toString() {
    return "GopherClient[" + tlsMode + ", " + trust + ", " + timeouts + "]";
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

    private Builder() {}

    private Builder(GopherClient c) {
      this.timeouts = c.timeouts;
      this.trust = c.trust;
      this.tlsMode = c.tlsMode;
      this.eventListener = c.eventListener;
      this.maxLineLength = c.maxLineLength;
      this.maxMenuItems = c.maxMenuItems;
      this.maxMenuBytes = c.maxMenuBytes;
      this.maxTotalBytes = c.maxTotalBytes;
    }

    /** Sets connect, read (idle) and overall timeouts; default {@link Timeouts#DEFAULT}. */
    public Builder timeouts(Timeouts timeouts) {
      this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
      return this;
    }

    /** Sets the trust for gophers; default {@link Trust#system()}. */
    public Builder trust(Trust trust) {
      this.trust = Objects.requireNonNull(trust, "trust");
      return this;
    }

    /**
     * Sets TLS for calls given an item or host: {@link TlsMode#NONE} (default) or {@link
     * TlsMode#IMPLICIT} (gophers). URLs carry their own.
     */
    public Builder tlsMode(TlsMode tlsMode) {
      Objects.requireNonNull(tlsMode, "tlsMode");
      if (tlsMode != TlsMode.NONE && tlsMode != TlsMode.IMPLICIT) {
        throw new InvalidInputException("tlsMode", "Gopher knows only NONE or IMPLICIT, not " + tlsMode);
      }
      this.tlsMode = tlsMode;
      return this;
    }

    /** Sets the event listener; default {@link EventListener#NONE}. */
    public Builder eventListener(EventListener eventListener) {
      this.eventListener = Objects.requireNonNull(eventListener, "eventListener");
      return this;
    }

    /** Sets the longest menu or text line accepted (default 64 KiB). */
    public Builder maxLineLength(int maxLineLength) {
      this.maxLineLength = (int) Inputs.requireRange("maxLineLength", maxLineLength, 80, Integer.MAX_VALUE - 16);
      return this;
    }

    /** Sets the most items of a menu (default 100,000). */
    public Builder maxMenuItems(int maxMenuItems) {
      this.maxMenuItems = (int) Inputs.requireRange("maxMenuItems", maxMenuItems, 1, Integer.MAX_VALUE);
      return this;
    }

    /** Sets the most bytes of a menu, search or attribute reply (default 16 MiB). */
    public Builder maxMenuBytes(long maxMenuBytes) {
      this.maxMenuBytes = Inputs.requireRange("maxMenuBytes", maxMenuBytes, 1, Long.MAX_VALUE);
      return this;
    }

    /** Sets the most bytes of any reply, downloads included (default: no limit). */
    public Builder maxTotalBytes(long maxTotalBytes) {
      this.maxTotalBytes = Inputs.requireRange("maxTotalBytes", maxTotalBytes, 1, Long.MAX_VALUE);
      return this;
    }

    /** Returns the client. */
    public GopherClient build() {
      return new GopherClient(this);
    }
  }
}
