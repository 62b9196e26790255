package io.inetkit.mail.imap;

import java.util.Objects;
import java.util.Set;

/**
 * A folder (IMAP mailbox) as the server lists it.
 *
 * <pre>{@code
 * for (FolderInfo f : imap.folders()) {
 *   System.out.println(f.name() + " " + f.specialUse() + " " + f.attributes());
 * }
 * }</pre>
 *
 * @param name the full name, with the server's hierarchy delimiter (e.g. {@code Work/2026})
 * @param attributes the LIST attributes as the server sent them ({@code \HasNoChildren}, {@code
 *     \Sent}, …)
 * @param specialUse the RFC 6154 role, or {@link SpecialUse#NONE}
 * @param selectable whether the folder can hold messages (no {@code \Noselect})
 */
public record FolderInfo(
    String name, Set<String> attributes, SpecialUse specialUse, boolean selectable) {

  /**
   * Validates and copies.
   *
   * @param name the full name, with the server's hierarchy delimiter (e.g. {@code Work/2026})
   * @param attributes the LIST attributes as the server sent them ({@code \HasNoChildren}, {@code
   *     \Sent}, …)
   * @param specialUse the RFC 6154 role, or {@link SpecialUse#NONE}
   * @param selectable whether the folder can hold messages (no {@code \Noselect})
   */
  public FolderInfo {
    Objects.requireNonNull(name, "name");
    attributes = Set.copyOf(attributes);
    Objects.requireNonNull(specialUse, "specialUse");
  }
}
