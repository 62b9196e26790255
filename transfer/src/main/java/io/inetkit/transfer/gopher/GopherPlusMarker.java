package io.inetkit.transfer.gopher;

/**
 * The optional fifth field of a menu line, which tells whether the item's server speaks Gopher+.
 *
 * <pre>{@code
 * if (item.plus() != GopherPlusMarker.NONE) {
 *   GopherAttributes a = client.attributes(item);   // + INFO, ADMIN, VIEWS, ABSTRACT
 * }
 * }</pre>
 */
public enum GopherPlusMarker {
  /** No fifth field: a plain RFC 1436 item. */
  NONE,
  /** {@code +}: a Gopher+ item, with attributes and views. */
  PLUS,
  /** {@code ?}: a Gopher+ item with an ASK form (its +ASK block says what to ask). */
  ASK
}
