package io.inetkit.mail.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Passes an RFC 5322 message through, leaving out chosen header fields (with their folded
 * continuation lines) from the header section only; from the blank line that ends the header on,
 * every byte passes unchanged. Used to keep {@code Bcc:} out of prepared messages. Works on raw
 * bytes with LF or CRLF line ends and holds at most one field name in memory.
 *
 * <pre>{@code
 * try (InputStream in = Files.newInputStream(eml)) {
 *   in.transferTo(new HeaderFieldFilter(out, HeaderFieldFilter.BCC));
 * }
 * }</pre>
 */
public final class HeaderFieldFilter extends OutputStream {
  /** The fields that name blind recipients. */
  public static final Set<String> BCC = Set.of("bcc", "resent-bcc");

  /** Longer than any field name worth comparing; such a line is kept as it is. */
  private static final int MAX_NAME = 128;

  private enum State {
    LINE_START,
    NAME,
    KEEP_LINE,
    DROP_LINE,
    BODY
  }

  private final OutputStream out;
  private final Set<String> dropped;
  private final byte[] name = new byte[MAX_NAME];
  private int nameLength;
  private State state = State.LINE_START;
  private boolean droppingField;
  private long droppedBytes;

  /**
   * Wraps {@code out}; {@code fieldNames} in lower case. {@link #close()} does not close {@code
   * out}.
   */
  public HeaderFieldFilter(OutputStream out, Set<String> fieldNames) {
    this.out = out;
    this.dropped = Set.copyOf(fieldNames);
  }

  /** Returns whether the header section has ended (everything from here on passes unchanged). */
  public boolean inBody() {
    return state == State.BODY;
  }

  /** Returns how many bytes were left out so far. */
  public long droppedBytes() {
    return droppedBytes;
  }

  @Override
  public void write(int b) throws IOException {
    if (state == State.BODY) {
      out.write(b);
    } else {
      header((byte) b);
    }
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    int i = off;
    int end = off + len;
    while (i < end && state != State.BODY) {
      header(b[i++]);
    }
    if (i < end) {
      out.write(b, i, end - i);
    }
  }

  private void header(byte b) throws IOException {
    switch (state) {
      case LINE_START -> {
        if (b == ' ' || b == '\t') {
          state = droppingField ? State.DROP_LINE : State.KEEP_LINE; // a folded continuation
          emit(b);
        } else if (b == '\n') {
          state = State.BODY; // the blank line that ends the header
          out.write(b);
        } else {
          droppingField = false;
          nameLength = 0;
          state = State.NAME;
          name(b);
        }
      }
      case NAME -> name(b);
      case KEEP_LINE, DROP_LINE -> {
        emit(b);
        if (b == '\n') {
          state = State.LINE_START;
        }
      }
      default -> throw new IllegalStateException(state.name());
    }
  }

  /** Collects a field name up to its colon, then decides whether the field is kept. */
  private void name(byte b) throws IOException {
    if (b == '\n') {
      boolean blank = nameLength == 1 && name[0] == '\r';
      flushName();
      out.write(b);
      state = blank ? State.BODY : State.LINE_START; // CRLF blank line, or a line without a colon
      return;
    }
    if (b == ':') {
      String field = new String(name, 0, nameLength, StandardCharsets.ISO_8859_1).strip();
      droppingField = dropped.contains(field.toLowerCase(Locale.ROOT));
      state = droppingField ? State.DROP_LINE : State.KEEP_LINE;
      if (droppingField) {
        droppedBytes += nameLength;
        nameLength = 0;
      } else {
        flushName();
      }
      emit(b);
      return;
    }
    if (nameLength == MAX_NAME) {
      flushName();
      state = State.KEEP_LINE;
      emit(b);
      return;
    }
    name[nameLength++] = b;
  }

  private void flushName() throws IOException {
    out.write(name, 0, nameLength);
    nameLength = 0;
  }

  private void emit(byte b) throws IOException {
    if (state == State.DROP_LINE) {
      droppedBytes++;
    } else {
      out.write(b);
    }
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  /**
   * Writes a name still being collected (a file that ends inside it); does not close the target.
   */
  @Override
  public void close() throws IOException {
    flushName();
    out.flush();
  }
}
