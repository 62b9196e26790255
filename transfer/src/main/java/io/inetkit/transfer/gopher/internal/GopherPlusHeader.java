package io.inetkit.transfer.gopher.internal;

import io.inetkit.core.NotFoundException;
import io.inetkit.core.ProtocolReplyException;
import io.inetkit.core.ProtocolViolationException;
import io.inetkit.core.Reply;
import io.inetkit.core.internal.Inputs;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The first line of a Gopher+ reply: {@code +-1} (dot-terminated data follows), {@code +-2} (data
 * until the server closes), {@code +N} (exactly N bytes), or {@code --1} / {@code --2} for an error
 * whose first data line is {@code <code> <contact>}: 1 item not available ({@link
 * NotFoundException}), 2 try again later (transient), 3 item moved.
 *
 * @param length the byte count, or {@link #DOT_TERMINATED} or {@link #UNTIL_CLOSE}
 */
public record GopherPlusHeader(long length) {
  /** Data ends with a lone {@code .} line. */
  public static final long DOT_TERMINATED = -1;

  /** Data ends when the server closes. */
  public static final long UNTIL_CLOSE = -2;

  /** Reads the header, or throws the error the server reported. */
  public static GopherPlusHeader read(GopherReply reply, String what) throws IOException {
    byte[] raw = reply.readLine();
    if (raw == null) {
      throw new ProtocolViolationException(
          what + ": empty reply, expected a Gopher+ header (+N, +-1, +-2)", reply.endpoint(), null);
    }
    String line = GopherText.decode(raw).trim();
    if (line.startsWith("--")) {
      throw error(reply, what, line);
    }
    if (line.startsWith("+") && line.length() > 1 && line.length() <= 20) {
      try {
        long n = Long.parseLong(line.substring(1));
        if (n >= UNTIL_CLOSE) {
          return new GopherPlusHeader(n);
        }
      } catch (NumberFormatException e) {
        // fall through: not a header
      }
    }
    if (GopherMenuParser.isErrorLine(raw)) {
      throw GopherMenuParser.errorReply(what, reply.endpoint(), GopherMenuParser.errorText(raw));
    }
    throw new ProtocolViolationException(
        what + ": not a Gopher+ reply (is the server Gopher+?): " + Inputs.quote(line),
        reply.endpoint(),
        null);
  }

  private static ProtocolReplyException error(GopherReply reply, String what, String header)
      throws IOException {
    List<String> lines = new ArrayList<>();
    byte[] raw;
    while (lines.size() < 20 && (raw = reply.readLine()) != null) {
      String l = GopherText.printable(GopherText.decode(raw));
      if (l.equals(".")) {
        break;
      }
      lines.add(l);
    }
    String first = lines.isEmpty() ? "" : lines.get(0).trim();
    String code = first.isEmpty() ? "1" : first.substring(0, 1);
    String text = String.join(" / ", lines.subList(Math.min(1, lines.size()), lines.size()));
    if (text.isEmpty()) {
      text = first;
    }
    return switch (code) {
      case "2" ->
          new ProtocolReplyException(
              what, reply.endpoint(), new Reply("2", text, Reply.Kind.TRANSIENT_NEGATIVE), null);
      case "3" ->
          new ProtocolReplyException(
              what, reply.endpoint(), new Reply("3", text, Reply.Kind.PERMANENT_NEGATIVE), null);
      default ->
          new NotFoundException(
              what,
              reply.endpoint(),
              new Reply(code.equals("1") ? "1" : header, text, Reply.Kind.PERMANENT_NEGATIVE),
              null);
    };
  }
}
