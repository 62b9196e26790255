package io.inetkit.transfer.gopher.internal;

import io.inetkit.core.Endpoint;
import io.inetkit.core.LimitExceededException;
import io.inetkit.core.ProtocolViolationException;
import io.inetkit.core.internal.Inputs;
import io.inetkit.transfer.gopher.GopherAttributes;
import io.inetkit.transfer.gopher.GopherItem;
import io.inetkit.transfer.gopher.GopherView;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses Gopher+ attribute replies: blocks that start with {@code +NAME:} (the rest of the line is
 * the block's first value, as for {@code +INFO}) and continue with lines starting with a space. A
 * {@code +INFO} block starts the attributes of the next item, so one parser serves item ({@code !})
 * and directory ({@code $}) replies. Unknown blocks are kept by name.
 */
public final class GopherAttributesParser {
  private GopherAttributesParser() {}

  /**
   * Reads every item's attributes until the {@code .} line; a stream that ends before it is a
   * truncated reply ({@link io.inetkit.core.ConnectionClosedException}).
   */
  public static List<GopherAttributes> read(GopherReply reply) throws IOException {
    GopherSettings s = reply.settings();
    List<GopherAttributes> result = new ArrayList<>();
    Map<String, List<String>> blocks = null;
    List<String> current = null;
    long bytes = 0;
    long lines = 0;
    byte[] raw;
    while (true) {
      raw = reply.readLine();
      if (raw == null) {
        throw reply.truncated("attributes of " + Inputs.quote(reply.selector()), lines);
      }
      if (raw.length == 1 && raw[0] == '.') {
        break;
      }
      bytes += raw.length + 2;
      if (bytes > s.maxMenuBytes() || ++lines > s.maxMenuItems()) {
        throw new LimitExceededException(
            "attributes of "
                + Inputs.quote(reply.selector())
                + " from "
                + reply.endpoint()
                + " too large",
            reply.endpoint(),
            bytes > s.maxMenuBytes() ? s.maxMenuBytes() : s.maxMenuItems());
      }
      String line = GopherText.decode(raw);
      if (line.startsWith("+")) {
        int colon = line.indexOf(':');
        String name = (colon < 0 ? line.substring(1) : line.substring(1, colon)).trim();
        String rest = colon < 0 ? "" : line.substring(colon + 1);
        if (name.equals("INFO")) {
          if (blocks != null) {
            result.add(build(blocks, reply.endpoint()));
          }
          blocks = new LinkedHashMap<>();
        } else if (blocks == null) {
          throw malformed("block +" + name + " before +INFO", line, reply.endpoint());
        }
        current = new ArrayList<>();
        blocks.put(name, current);
        if (!rest.isBlank()) {
          current.add(rest.startsWith(" ") ? rest.substring(1) : rest);
        }
      } else if (current != null) {
        current.add(line.startsWith(" ") ? line.substring(1) : line);
      } else if (!line.isBlank()) {
        throw malformed("text before the first +INFO block", line, reply.endpoint());
      }
    }
    if (blocks != null) {
      result.add(build(blocks, reply.endpoint()));
    }
    return result;
  }

  private static GopherAttributes build(Map<String, List<String>> blocks, Endpoint origin)
      throws ProtocolViolationException {
    List<String> info = blocks.get("INFO");
    if (info.isEmpty()) {
      throw malformed("empty +INFO block", "+INFO:", origin);
    }
    GopherItem item =
        GopherMenuParser.parseLine(info.get(0).getBytes(StandardCharsets.UTF_8), origin);
    if (item == null) {
      throw malformed("empty +INFO block", "+INFO:", origin);
    }
    Map<String, String> admin = new LinkedHashMap<>();
    for (String l : blocks.getOrDefault("ADMIN", List.of())) {
      int colon = l.indexOf(':');
      if (colon > 0) {
        admin.put(
            l.substring(0, colon).trim(), GopherText.printable(l.substring(colon + 1).trim()));
      }
    }
    List<GopherView> views = new ArrayList<>();
    for (String l : blocks.getOrDefault("VIEWS", List.of())) {
      GopherView v = view(l);
      if (v != null) {
        views.add(v);
      }
    }
    List<String> abstractLines = new ArrayList<>();
    for (String l : blocks.getOrDefault("ABSTRACT", List.of())) {
      abstractLines.add(GopherText.printable(l));
    }
    return new GopherAttributes(item, admin, views, abstractLines, blocks);
  }

  /** Parses {@code text/plain En_US: <12k>}; {@code null} for a line that is not a view. */
  static GopherView view(String line) {
    String l = line.trim();
    int colon = l.indexOf(':');
    String head = (colon < 0 ? l : l.substring(0, colon)).trim();
    String size = colon < 0 ? "" : l.substring(colon + 1).trim();
    if (head.isEmpty() || hasControl(head) || hasControl(size)) {
      return null;
    }
    int space = head.indexOf(' ');
    String mime = space < 0 ? head : head.substring(0, space);
    String lang = space < 0 ? "" : head.substring(space + 1).trim();
    if (lang.indexOf('\t') >= 0) {
      return null;
    }
    return new GopherView(mime, lang, size);
  }

  private static boolean hasControl(String s) {
    return s.chars().anyMatch(c -> c < ' ' || c == 0x7f);
  }

  private static ProtocolViolationException malformed(String why, String line, Endpoint origin) {
    return new ProtocolViolationException(
        "malformed Gopher+ attributes from " + origin + ": " + why + ": " + Inputs.quote(line),
        origin,
        null);
  }
}
