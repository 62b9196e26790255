package io.inetkit.mail.imap;

/**
 * What a folder is for, from its RFC 6154 SPECIAL-USE attribute ({@code \Sent}, {@code \Trash}, …),
 * or {@link #NONE} when the server does not say.
 *
 * <pre>{@code
 * String trash = imap.folders().stream()
 *     .filter(f -> f.specialUse() == SpecialUse.TRASH).findFirst().map(FolderInfo::name)
 *     .orElse("Trash");
 * }</pre>
 */
public enum SpecialUse {
  /** {@code \All}: a virtual folder with every message. */
  ALL,
  /** {@code \Archive}. */
  ARCHIVE,
  /** {@code \Drafts}. */
  DRAFTS,
  /** {@code \Flagged}: a virtual folder of flagged messages. */
  FLAGGED,
  /** {@code \Junk}: spam. */
  JUNK,
  /** {@code \Sent}. */
  SENT,
  /** {@code \Trash}. */
  TRASH,
  /** No special use announced. */
  NONE;

  /**
   * {@return the special use an IMAP LIST attribute names, or {@link #NONE}}
   *
   * @param attribute the attribute, e.g. {@code \Sent} (case-insensitive)
   */
  public static SpecialUse fromAttribute(String attribute) {
    if (attribute == null || !attribute.startsWith("\\")) {
      return NONE;
    }
    for (SpecialUse u : values()) {
      if (u != NONE && u.name().equalsIgnoreCase(attribute.substring(1))) {
        return u;
      }
    }
    return NONE;
  }
}
