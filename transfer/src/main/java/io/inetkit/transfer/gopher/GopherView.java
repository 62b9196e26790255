package io.inetkit.transfer.gopher;

import io.inetkit.transfer.gopher.internal.GopherUrls;
import java.util.Objects;

/**
 * One Gopher+ view of an item, from its {@code +VIEWS} block: the same item in another format or
 * language, fetched with {@link GopherClient#view(GopherItem, GopherView, java.nio.file.Path)}.
 *
 * <pre>{@code
 * GopherAttributes a = client.attributes(item);
 * GopherView html = a.views().stream()
 *     .filter(v -> v.mimeType().equals("text/html")).findFirst().orElseThrow();
 * client.view(item, html, Path.of("page.html"));
 * }</pre>
 *
 * @param mimeType the MIME type, e.g. {@code text/plain}
 * @param language the language tag as sent (e.g. {@code En_US}), or {@code ""}
 * @param size the size as the server wrote it, e.g. {@code <12k>}, or {@code ""}
 */
public record GopherView(String mimeType, String language, String size) {

  /**
   * Validates the view: a non-empty MIME type; nothing that would break the request line.
   *
   * @param mimeType the MIME type, e.g. {@code text/plain}
   * @param language the language tag as sent (e.g. {@code En_US}), or {@code ""}
   * @param size the size as the server wrote it, e.g. {@code <12k>}, or {@code ""}
   */
  public GopherView {
    GopherUrls.requireSelector("mimeType", mimeType);
    GopherUrls.requireSelector("language", Objects.requireNonNull(language, "language"));
    Objects.requireNonNull(size, "size");
    if (mimeType.isBlank() || mimeType.indexOf(' ') >= 0) {
      throw new io.inetkit.core.InvalidInputException(
          "mimeType", "must be one word, was " + io.inetkit.core.internal.Inputs.quote(mimeType));
    }
  }

  /**
   * {@return a view of {@code mimeType} with no language and unknown size}
   *
   * @param mimeType a MIME type, e.g. {@code text/plain} (case-insensitive)
   */
  public static GopherView of(String mimeType) {
    return new GopherView(mimeType, "", "");
  }

  /**
   * {@return the size in bytes the server announced ({@code <12k>} is 12288), or -1 when it gave
   * none or one that cannot be read} Gopher+ sizes are approximate.
   */
  public long approximateBytes() {
    String s = size.trim();
    if (s.startsWith("<") && s.endsWith(">")) {
      s = s.substring(1, s.length() - 1).trim();
    }
    if (s.isEmpty()) {
      return -1;
    }
    long unit = 1;
    char last = Character.toLowerCase(s.charAt(s.length() - 1));
    if (last == 'k' || last == 'm' || last == 'g') {
      unit = last == 'k' ? 1024L : last == 'm' ? 1024L * 1024 : 1024L * 1024 * 1024;
      s = s.substring(0, s.length() - 1).trim();
    }
    try {
      double v = Double.parseDouble(s);
      return v < 0 || Double.isNaN(v) || v > 1e15 ? -1 : (long) (v * unit);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** {@return the Gopher+ request form, {@code text/plain En_US} or {@code text/plain}} */
  public String requestForm() {
    return language.isEmpty() ? mimeType : mimeType + " " + language;
  }
}
