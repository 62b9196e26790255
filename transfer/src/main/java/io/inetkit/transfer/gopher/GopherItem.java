package io.inetkit.transfer.gopher;

import io.inetkit.core.Endpoint;
import io.inetkit.core.GopherUrl;
import io.inetkit.core.Scheme;
import io.inetkit.transfer.gopher.internal.GopherUrls;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of a Gopher menu: a link to a document, menu, search or other server, or an info or
 * error line. Values as the server sent them; the type character is kept even when inetkit does not
 * know it ({@link GopherItemType#UNKNOWN}).
 *
 * <pre>{@code
 * for (GopherItem item : client.menu(GopherUrl.parse("gopher://gopher.example.org/1/"))) {
 *   switch (item.type().kind()) {
 *     case MENU -> System.out.println("[dir]  " + item.display() + "  " + item.url());
 *     case TEXT -> client.text(item, new PrintWriter(System.out));
 *     case NONE -> System.out.println("       " + item.display());   // i and 3 lines
 *     default -> System.out.println("[" + item.code() + "]    " + item.display());
 *   }
 * }
 * }</pre>
 *
 * @param code the type character as sent, e.g. {@code '0'}, {@code 'i'}, {@code 'Q'}
 * @param display the text shown to people (control characters already replaced by U+FFFD)
 * @param selector what to send to fetch the item; may be empty
 * @param host the server holding the item, as sent (may be a dummy like {@code error.host} on info
 *     lines)
 * @param port its port; 0 when the server sent none or an invalid one on an info or error line
 * @param plus the Gopher+ marker of the fifth field
 */
public record GopherItem(
    char code, String display, String selector, String host, int port, GopherPlusMarker plus) {

  /**
   * Validates the item: no CR, LF, TAB or NUL in selector or host, no CR or LF in the display
   * string, a port between 0 and 65535.
   *
   * @param code the type character as sent, e.g. {@code '0'}, {@code 'i'}, {@code 'Q'}
   * @param display the text shown to people (control characters already replaced by U+FFFD)
   * @param selector what to send to fetch the item; may be empty
   * @param host the server holding the item, as sent (may be a dummy like {@code error.host} on
   *     info lines)
   * @param port its port; 0 when the server sent none or an invalid one on an info or error line
   * @param plus the Gopher+ marker of the fifth field
   * @throws io.inetkit.core.InvalidInputException when a value could not be sent back as a request
   */
  public GopherItem {
    Objects.requireNonNull(display, "display");
    Objects.requireNonNull(plus, "plus");
    GopherUrls.requireSelector("selector", selector);
    GopherUrls.requireSelector("host", host);
    if (display.indexOf('\r') >= 0 || display.indexOf('\n') >= 0) {
      throw new io.inetkit.core.InvalidInputException("display", "must not contain CR or LF");
    }
    if (port < 0 || port > 65535) {
      throw new io.inetkit.core.InvalidInputException(
          "port", "must be between 0 and 65535, was " + port);
    }
  }

  /**
   * {@return a plain (non Gopher+) item of a known type}
   *
   * @param type the item type
   * @param display the text shown to the user
   * @param selector the selector; {@code ""} for the server's root menu
   * @param host the server's host name or address
   * @param port its port, 1 to 65535
   */
  public static GopherItem of(
      GopherItemType type, String display, String selector, String host, int port) {
    if (type == GopherItemType.UNKNOWN) {
      throw new IllegalArgumentException("UNKNOWN has no type character; use the constructor");
    }
    return new GopherItem(type.code(), display, selector, host, port, GopherPlusMarker.NONE);
  }

  /** {@return the type of this item ({@link GopherItemType#UNKNOWN} for unlisted characters)} */
  public GopherItemType type() {
    return GopherItemType.of(code);
  }

  /** {@return whether the item's server speaks Gopher+ (marker {@code +} or {@code ?})} */
  public boolean isGopherPlus() {
    return plus != GopherPlusMarker.NONE;
  }

  /** {@return whether this is a link to follow, not an info or error line} */
  public boolean isLink() {
    return type().kind() != GopherItemType.Kind.NONE;
  }

  /**
   * {@return the web address of an {@code h} item whose selector is {@code URL:https://…}, the
   * convention for links out of Gopherspace}
   */
  public Optional<String> externalUrl() {
    return selector.startsWith("URL:") ? Optional.of(selector.substring(4)) : Optional.empty();
  }

  /**
   * {@return where the item lives}
   *
   * @throws io.inetkit.core.InvalidInputException when host or port are not usable (info lines)
   */
  public Endpoint endpoint() {
    return Endpoint.of(host, port);
  }

  /** {@return the item's {@code gopher://} URL (RFC 4266), to follow or to show} */
  public GopherUrl url() {
    return url(Scheme.GOPHER);
  }

  /**
   * {@return the item's URL with {@code scheme} {@link Scheme#GOPHER} or {@link Scheme#GOPHERS}:
   * follow items of a gophers menu with {@code GOPHERS}}
   *
   * @param scheme {@code gopher} or {@code gophers}
   * @throws io.inetkit.core.InvalidInputException for another scheme or an unusable host or port
   */
  public GopherUrl url(Scheme scheme) {
    return GopherUrls.of(scheme, endpoint(), code, selector);
  }
}
