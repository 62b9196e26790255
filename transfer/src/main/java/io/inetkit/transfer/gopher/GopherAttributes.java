package io.inetkit.transfer.gopher;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The Gopher+ attributes of one item, as answered to an item ({@code !}) or directory ({@code $})
 * attribute request.
 *
 * <pre>{@code
 * GopherAttributes a = client.attributes(item);
 * a.admin().get("Admin");          // "Jane Doe <jane@example.org>"
 * a.admin().get("Mod-Date");       // "Tue Nov 24 12:00:00 2026 <20261124120000>"
 * a.views();                       // [text/plain <12k>, text/html <14k>]
 * a.abstractText();                // Optional["What this file is about."]
 * a.blocks().get("ASK");           // any other block, raw lines
 * }</pre>
 *
 * @param item the item as described by its {@code +INFO} block
 * @param admin the {@code +ADMIN} block's {@code Key: value} lines, in order
 * @param views the {@code +VIEWS} block
 * @param abstractLines the {@code +ABSTRACT} block's lines (empty when there is none)
 * @param blocks every block by name without {@code +} and {@code :} (INFO, ADMIN, VIEWS, ABSTRACT
 *     and any other), each with its lines minus the one leading space
 */
public record GopherAttributes(
    GopherItem item,
    Map<String, String> admin,
    List<GopherView> views,
    List<String> abstractLines,
    Map<String, List<String>> blocks) {

  /**
   * Copies the collections; none of them may be null.
   *
   * @param item the item as described by its {@code +INFO} block
   * @param admin the {@code +ADMIN} block's {@code Key: value} lines, in order
   * @param views the {@code +VIEWS} block
   * @param abstractLines the {@code +ABSTRACT} block's lines (empty when there is none)
   * @param blocks every block by name without {@code +} and {@code :} (INFO, ADMIN, VIEWS, ABSTRACT
   *     and any other), each with its lines minus the one leading space
   */
  public GopherAttributes {
    Objects.requireNonNull(item, "item");
    admin = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(admin));
    views = List.copyOf(views);
    abstractLines = List.copyOf(abstractLines);
    LinkedHashMap<String, List<String>> copy = new LinkedHashMap<>();
    blocks.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    blocks = java.util.Collections.unmodifiableMap(copy);
  }

  /** {@return the abstract as one text with lines joined by {@code \n}, if there is one} */
  public Optional<String> abstractText() {
    return abstractLines.isEmpty()
        ? Optional.empty()
        : Optional.of(String.join("\n", abstractLines));
  }

  /**
   * {@return the view of {@code mimeType} (ignoring case), if the item has one}
   *
   * @param mimeType a MIME type, e.g. {@code text/plain} (case-insensitive)
   */
  public Optional<GopherView> view(String mimeType) {
    return views.stream().filter(v -> v.mimeType().equalsIgnoreCase(mimeType)).findFirst();
  }
}
