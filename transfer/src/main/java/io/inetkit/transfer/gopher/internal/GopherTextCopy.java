package io.inetkit.transfer.gopher.internal;

import io.inetkit.core.internal.ProgressTracker;
import java.io.IOException;

/**
 * Reads dot-terminated text (type 0 documents, Gopher+ {@code +-1} data): stops at the lone {@code
 * .} line, removes the extra dot of stuffed lines ({@code ..x} becomes {@code .x}; an unstuffed
 * {@code .x} is kept as it is), and hands each line to a sink. A first line shaped like an error
 * item ({@code 3…} with three TABs) is thrown as {@link io.inetkit.core.NotFoundException}.
 *
 * <p>RFC 1436 ends every text with that {@code .} line, but real servers (gophernicus among them)
 * send a text file as it is and close. So a stream that ends without the {@code .} line is accepted
 * when it ended with a complete line; one that ends before sending anything, or in the middle of a
 * line, is a truncated reply ({@link io.inetkit.core.ConnectionClosedException}). Menus stay
 * strict: every server ends them with the {@code .} line.
 */
public final class GopherTextCopy {
  private GopherTextCopy() {}

  /** Receives the lines of a text, without line ends. */
  @FunctionalInterface
  public interface LineSink {
    /** Receives one line's bytes. */
    void line(byte[] line) throws IOException;
  }

  /**
   * Copies the text to {@code sink} and returns the number of lines.
   *
   * @param checkError whether a first line shaped like an error item is an error (plain requests)
   *     or just text (Gopher+ data, whose errors come in the header)
   */
  public static long copy(
      GopherReply reply, LineSink sink, ProgressTracker tracker, boolean checkError, String what)
      throws IOException {
    long lines = 0;
    byte[] line;
    while (true) {
      line = reply.readLine();
      if (line == null) {
        if (lines > 0 && reply.lastLineEnded()) {
          break; // a server that sends the file as it is, without the '.' line
        }
        throw reply.truncated(what, lines);
      }
      tracker.add(line.length + 2L);
      if (line.length == 1 && line[0] == '.') {
        break;
      }
      if (lines == 0 && checkError && GopherMenuParser.isErrorLine(line)) {
        throw GopherMenuParser.errorReply(what, reply.endpoint(), GopherMenuParser.errorText(line));
      }
      if (line.length >= 2 && line[0] == '.' && line[1] == '.') {
        line = java.util.Arrays.copyOfRange(line, 1, line.length);
      }
      sink.line(line);
      lines++;
    }
    return lines;
  }
}
