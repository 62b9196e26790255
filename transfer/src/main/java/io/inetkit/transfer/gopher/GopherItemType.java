package io.inetkit.transfer.gopher;

/**
 * The type of a Gopher menu item: the first character of its menu line. Covers every RFC 1436 type
 * and the common extensions; a character not listed here is {@link #UNKNOWN}, and the item keeps
 * the raw character in {@link GopherItem#code()}.
 *
 * <pre>{@code
 * GopherItemType t = GopherItemType.of('I');   // IMAGE
 * t.kind();                                     // Kind.BINARY: fetch with client.download(...)
 * GopherItemType.of('Q');                       // UNKNOWN
 * }</pre>
 */
public enum GopherItemType {
  /** {@code 0} a text file (RFC 1436). */
  TEXT('0', Kind.TEXT),
  /** {@code 1} a menu, i.e. a directory (RFC 1436). */
  MENU('1', Kind.MENU),
  /** {@code 2} a CSO phone-book server (RFC 1436). */
  CSO('2', Kind.ELSEWHERE),
  /** {@code 3} an error (RFC 1436). */
  ERROR('3', Kind.NONE),
  /** {@code 4} a BinHexed Macintosh file (RFC 1436). */
  BINHEX('4', Kind.TEXT),
  /** {@code 5} a DOS binary archive (RFC 1436). */
  DOS_ARCHIVE('5', Kind.BINARY),
  /** {@code 6} a uuencoded file (RFC 1436). */
  UUENCODED('6', Kind.TEXT),
  /** {@code 7} a full-text search server: send a query (RFC 1436). */
  SEARCH('7', Kind.SEARCH),
  /** {@code 8} a Telnet session (RFC 1436). */
  TELNET('8', Kind.ELSEWHERE),
  /** {@code 9} a binary file, read until the server closes (RFC 1436). */
  BINARY('9', Kind.BINARY),
  /** {@code +} a redundant (mirror) server for the item before it (RFC 1436). */
  MIRROR('+', Kind.MENU),
  /** {@code T} a TN3270 session (RFC 1436). */
  TN3270('T', Kind.ELSEWHERE),
  /** {@code g} a GIF image (RFC 1436). */
  GIF('g', Kind.BINARY),
  /** {@code I} an image of another format (RFC 1436). */
  IMAGE('I', Kind.BINARY),
  /** {@code i} an informational line, not a link (common extension). */
  INFO('i', Kind.NONE),
  /** {@code h} an HTML file, or a web link when the selector starts with {@code URL:}. */
  HTML('h', Kind.BINARY),
  /** {@code p} a PNG image (common extension). */
  PNG('p', Kind.BINARY),
  /** {@code s} a sound file (common extension). */
  SOUND('s', Kind.BINARY),
  /** {@code d} a document such as PDF or Word (common extension). */
  DOCUMENT('d', Kind.BINARY),
  /** {@code P} a PDF document (common extension). */
  PDF('P', Kind.BINARY),
  /** {@code ;} a video file (common extension). */
  VIDEO(';', Kind.BINARY),
  /** {@code M} a MIME message or mailbox (common extension). */
  MIME('M', Kind.TEXT),
  /** {@code c} a calendar (common extension). */
  CALENDAR('c', Kind.TEXT),
  /** {@code x} an XML file (common extension). */
  XML('x', Kind.TEXT),
  /** {@code r} an RTF document (common extension). */
  RTF('r', Kind.BINARY),
  /** Any other character; the item's {@link GopherItem#code()} says which. */
  UNKNOWN('?', Kind.BINARY);

  /** How an item of a type is fetched. */
  public enum Kind {
    /** A menu: {@link GopherClient#menu(GopherItem)}. */
    MENU,
    /** Dot-terminated text: {@link GopherClient#text(GopherItem, java.io.Writer)}. */
    TEXT,
    /** A search: {@link GopherClient#search(GopherItem, String)}. */
    SEARCH,
    /**
     * Bytes until the server closes: {@link GopherClient#download(GopherItem, java.nio.file.Path)}.
     */
    BINARY,
    /** Another protocol (Telnet, TN3270, CSO): not fetched over Gopher. */
    ELSEWHERE,
    /** Not a link at all (info and error lines). */
    NONE
  }

  private static final GopherItemType[] BY_CODE = new GopherItemType[128];

  static {
    for (GopherItemType t : values()) {
      if (t != UNKNOWN) {
        BY_CODE[t.code] = t;
      }
    }
  }

  private final char code;
  private final Kind kind;

  GopherItemType(char code, Kind kind) {
    this.code = code;
    this.kind = kind;
  }

  /**
   * {@return the type for a menu line's first character; {@link #UNKNOWN} if not listed}
   *
   * @param code the one-character item type
   */
  public static GopherItemType of(char code) {
    GopherItemType t = code < BY_CODE.length ? BY_CODE[code] : null;
    return t == null ? UNKNOWN : t;
  }

  /** {@return the character that stands for this type in menus and URLs ({@code ?} for UNKNOWN)} */
  public char code() {
    return code;
  }

  /** {@return how items of this type are fetched} */
  public Kind kind() {
    return kind;
  }
}
