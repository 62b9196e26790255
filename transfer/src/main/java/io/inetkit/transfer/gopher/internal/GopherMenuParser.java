package io.inetkit.transfer.gopher.internal;

import io.inetkit.core.Endpoint;
import io.inetkit.core.InetkitException;
import io.inetkit.core.LimitExceededException;
import io.inetkit.core.NotFoundException;
import io.inetkit.core.ProtocolViolationException;
import io.inetkit.core.Reply;
import io.inetkit.core.Scheme;
import io.inetkit.core.internal.Inputs;
import io.inetkit.transfer.gopher.GopherItem;
import io.inetkit.transfer.gopher.GopherItemType;
import io.inetkit.transfer.gopher.GopherPlusMarker;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses RFC 1436 menus the way real servers send them. Tolerated: LF without CR, blank lines,
 * trailing white space, missing trailing fields (host and port default to the server the menu came
 * from), a non-numeric port (0), lines without any TAB ({@code iText} and {@code 3Text} keep their
 * type; anything else becomes an info line with the whole text). Refused with {@link
 * ProtocolViolationException}: NUL bytes, and control characters in a selector or host (they could
 * never be sent back). Control characters in the display string are replaced by U+FFFD.
 */
public final class GopherMenuParser {
  private GopherMenuParser() {}

  /**
   * Parses one menu line (without line end), or returns {@code null} for a blank line.
   *
   * @param origin the server the menu came from: host and port of items that name none
   * @throws ProtocolViolationException for a line that cannot be an item
   */
  public static GopherItem parseLine(byte[] line, Endpoint origin)
      throws ProtocolViolationException {
    String text = stripTrailing(GopherText.decode(line));
    if (text.isEmpty()) {
      return null;
    }
    if (text.indexOf('\0') >= 0) {
      throw malformed("NUL byte in menu line", text, origin);
    }
    int tab = text.indexOf('\t');
    char code = text.charAt(0);
    if (tab < 0) {
      boolean typed = code == GopherItemType.INFO.code() || code == GopherItemType.ERROR.code();
      return new GopherItem(
          typed ? code : GopherItemType.INFO.code(),
          GopherText.printable(typed ? text.substring(1) : text),
          "",
          "",
          0,
          GopherPlusMarker.NONE);
    }
    if (tab == 0) {
      throw malformed("no item type before the first TAB", text, origin);
    }
    String[] f = text.split("\t", -1);
    String display = GopherText.printable(f[0].substring(1));
    String selector = f[1];
    String host = f.length > 2 ? f[2].trim() : "";
    String portText = f.length > 3 ? f[3].trim() : "";
    int port;
    if (host.isEmpty()) {
      host = origin.host();
      port = portText.isEmpty() ? origin.port() : port(portText);
    } else {
      port = portText.isEmpty() ? Scheme.GOPHER.defaultPort() : port(portText);
    }
    requireNoControl("selector", selector, text, origin);
    requireNoControl("host", host, text, origin);
    return new GopherItem(
        code, display, selector, host, port, marker(f.length > 4 ? f[4].trim() : ""));
  }

  /**
   * Reads a menu until its {@code .} line, within the limits on line length, item count and bytes.
   *
   * @throws io.inetkit.core.ConnectionClosedException when the stream ends before the {@code .}
   *     line (nothing at all included): a truncated menu is never taken for a short one. An error
   *     reply (type-3 items, no link) without its {@code .} is returned, for {@link
   *     #requireNoError} to report
   */
  public static List<GopherItem> read(GopherReply reply) throws IOException {
    GopherSettings s = reply.settings();
    List<GopherItem> items = new ArrayList<>();
    long bytes = 0;
    long lines = 0;
    byte[] line;
    while (true) {
      line = reply.readLine();
      if (line == null) {
        if (errorItem(items) != null) {
          return items; // an error reply some servers end without ".": NotFound for the caller
        }
        throw reply.truncated("menu " + Inputs.quote(reply.selector()), lines);
      }
      if (line.length == 1 && line[0] == '.') {
        break;
      }
      lines++;
      bytes += line.length + 2;
      if (bytes > s.maxMenuBytes()) {
        throw new LimitExceededException(
            "menu "
                + Inputs.quote(reply.selector())
                + " from "
                + reply.endpoint()
                + " larger than allowed",
            reply.endpoint(),
            s.maxMenuBytes());
      }
      GopherItem item = parseLine(line, reply.endpoint());
      if (item == null) {
        continue;
      }
      if (items.size() >= s.maxMenuItems()) {
        throw new LimitExceededException(
            "menu "
                + Inputs.quote(reply.selector())
                + " from "
                + reply.endpoint()
                + " has too many items",
            reply.endpoint(),
            s.maxMenuItems());
      }
      items.add(item);
    }
    return items;
  }

  /** Parses a whole menu held in memory (tests, caches), with the same rules and limits. */
  public static List<GopherItem> parse(byte[] menu, Endpoint origin, GopherSettings settings)
      throws InetkitException {
    try {
      return read(new GopherReply(new ByteArrayInputStream(menu), origin, settings, ""));
    } catch (InetkitException e) {
      throw e;
    } catch (IOException e) {
      throw new ProtocolViolationException("cannot read menu: " + e.getMessage(), origin, e);
    }
  }

  /**
   * Throws {@link NotFoundException} if the menu is an error reply: at least one type-3 item and no
   * link (info lines aside), which is how servers say a selector does not exist.
   */
  public static void requireNoError(List<GopherItem> items, String what, Endpoint endpoint)
      throws NotFoundException {
    GopherItem error = errorItem(items);
    if (error != null) {
      throw errorReply(what, endpoint, error.display());
    }
  }

  /** Returns the first error item of an error reply (errors, no link), or null. */
  private static GopherItem errorItem(List<GopherItem> items) {
    GopherItem error = null;
    for (GopherItem item : items) {
      if (item.type() == GopherItemType.ERROR) {
        error = error == null ? item : error;
      } else if (item.isLink()) {
        return null;
      }
    }
    return error;
  }

  /**
   * Returns whether a first line of a text or binary reply is in fact an error item ({@code 3} then
   * at least three TABs), as servers send for a missing document.
   */
  public static boolean isErrorLine(byte[] line) {
    if (line == null || line.length == 0 || line[0] != '3') {
      return false;
    }
    int tabs = 0;
    for (byte b : line) {
      tabs += b == '\t' ? 1 : 0;
    }
    return tabs >= 3;
  }

  /** Returns the exception for an error item's text. */
  public static NotFoundException errorReply(String what, Endpoint endpoint, String text) {
    return new NotFoundException(
        what, endpoint, new Reply("3", text, Reply.Kind.PERMANENT_NEGATIVE), null);
  }

  /** Returns the display text of an error line. */
  public static String errorText(byte[] line) {
    String s = GopherText.decode(line);
    int tab = s.indexOf('\t');
    return GopherText.printable(s.substring(1, tab < 0 ? s.length() : tab));
  }

  private static GopherPlusMarker marker(String field) {
    if (field.startsWith("+")) {
      return GopherPlusMarker.PLUS;
    }
    return field.startsWith("?") ? GopherPlusMarker.ASK : GopherPlusMarker.NONE;
  }

  private static int port(String text) {
    if (text.isEmpty() || text.length() > 5) {
      return 0;
    }
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return 0;
      }
    }
    int p = Integer.parseInt(text);
    return p > 65535 ? 0 : p;
  }

  private static void requireNoControl(String field, String value, String line, Endpoint origin)
      throws ProtocolViolationException {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < ' ' || c == 0x7f) {
        throw malformed("control character in " + field, line, origin);
      }
    }
  }

  private static ProtocolViolationException malformed(String why, String line, Endpoint origin) {
    return new ProtocolViolationException(
        "malformed menu line from " + origin + ": " + why + ": " + Inputs.quote(line),
        origin,
        null);
  }

  private static String stripTrailing(String s) {
    int end = s.length();
    while (end > 0
        && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\r' || s.charAt(end - 1) == '\t')) {
      end--;
    }
    return s.substring(0, end);
  }
}
