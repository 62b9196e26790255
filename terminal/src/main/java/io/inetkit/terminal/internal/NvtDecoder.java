package io.inetkit.terminal.internal;

import static org.apache.commons.net.telnet.TelnetCommand.DO;
import static org.apache.commons.net.telnet.TelnetCommand.DONT;
import static org.apache.commons.net.telnet.TelnetCommand.IAC;
import static org.apache.commons.net.telnet.TelnetCommand.SB;
import static org.apache.commons.net.telnet.TelnetCommand.SE;
import static org.apache.commons.net.telnet.TelnetCommand.WILL;
import static org.apache.commons.net.telnet.TelnetCommand.WONT;

import java.io.IOException;

/**
 * The receiving half of the Telnet NVT (RFC 854), decoded a block at a time and in place: {@code
 * IAC IAC} becomes one 0xFF data byte, {@code CR NUL} becomes CR (unless {@linkplain
 * #binary(boolean) binary}), and every command sequence ({@code IAC WILL/WONT/DO/DONT option},
 * {@code IAC SB … IAC SE}, two-byte commands such as {@code IAC NOP}) is removed from the data
 * and handed, complete and as it was on the wire, to a {@link CommandSink}. Sequences may be
 * split anywhere between blocks; the decoder keeps its state from one block to the next.
 *
 * <p>Data is found by scanning for the only bytes that need attention (IAC, and CR in text mode);
 * the runs between them stay where they are, or move down with one {@code System.arraycopy}
 * once something has been removed, so plain data costs one pass and no copy.
 *
 * <p>A subnegotiation is kept up to {@link #MAX_SEQUENCE} bytes; beyond that its payload is
 * dropped (it still ends at {@code IAC SE}), so a hostile server cannot make it grow. Not
 * thread-safe: one reading thread.
 *
 * <pre>{@code
 * NvtDecoder decoder = new NvtDecoder((seq, len) -> negotiation.handle(seq, len));
 * int n = in.read(buf, 0, buf.length);
 * n = decoder.decode(buf, 0, n); // buf[0..n) is now data only
 * }</pre>
 */
public final class NvtDecoder {
  /** Receives each complete command sequence; the array is reused after the call returns. */
  @FunctionalInterface
  public interface CommandSink {
    /** Handles {@code sequence[0..length)}, a command exactly as received (IAC still doubled). */
    void command(byte[] sequence, int length) throws IOException;
  }

  /** The longest command sequence kept, {@code IAC SB} and {@code IAC SE} included. */
  public static final int MAX_SEQUENCE = 4096;

  private static final byte IAC_BYTE = (byte) IAC;

  private enum State {
    DATA,
    /** After a CR in text mode: a NUL next is dropped. */
    CR,
    /** After IAC. */
    IAC,
    /** After IAC WILL/WONT/DO/DONT: the option byte comes next. */
    OPTION,
    /** Inside IAC SB. */
    SB,
    /** After an IAC inside IAC SB. */
    SB_IAC
  }

  private final CommandSink sink;
  private final byte[] sequence = new byte[MAX_SEQUENCE];
  private int sequenceLength;
  private State state = State.DATA;
  private boolean binary;

  /** Creates a decoder in text mode that hands commands to {@code sink}. */
  public NvtDecoder(CommandSink sink) {
    this.sink = sink;
  }

  /**
   * Switches CR NUL handling off (the server's BINARY option is in force) or on. May be called
   * from the sink; it applies from the next byte on.
   */
  public void binary(boolean on) {
    binary = on;
  }

  /**
   * Decodes {@code b[off..off+len)} in place: the data bytes are moved to the front of that range
   * and their count returned. Commands in the block are handed to the sink before this returns,
   * in order.
   *
   * @throws IOException what the sink threw
   */
  public int decode(byte[] b, int off, int len) throws IOException {
    int end = off + len;
    int read = off;
    int write = off;
    while (read < end) {
      switch (state) {
        case DATA -> {
          int stop = binary ? scanBinary(b, read, end) : scanText(b, read, end);
          if (write != read) {
            System.arraycopy(b, read, b, write, stop - read);
          }
          write += stop - read;
          read = stop;
          if (read < end) {
            if (b[read] == IAC_BYTE) {
              state = State.IAC;
            } else { // CR in text mode: kept, and a NUL after it is dropped
              b[write++] = '\r';
              state = State.CR;
            }
            read++;
          }
        }
        case CR -> {
          state = State.DATA;
          if (b[read] == 0) {
            read++;
          }
        }
        case IAC -> {
          int c = b[read++] & 0xff;
          if (c == IAC) {
            b[write++] = IAC_BYTE;
            state = State.DATA;
          } else {
            sequenceLength = 0;
            append(IAC);
            append(c);
            if (c == WILL || c == WONT || c == DO || c == DONT) {
              state = State.OPTION;
            } else if (c == SB) {
              state = State.SB;
            } else {
              emit(); // a two-byte command: NOP, GA, AYT, a stray SE, …
            }
          }
        }
        case OPTION -> {
          append(b[read++] & 0xff);
          emit();
        }
        case SB -> {
          int stop = scanBinary(b, read, end);
          int room = MAX_SEQUENCE - 2 - sequenceLength; // IAC SE always fits
          int keep = Math.min(stop - read, Math.max(0, room));
          System.arraycopy(b, read, sequence, sequenceLength, keep);
          sequenceLength += keep;
          read = stop;
          if (read < end) {
            read++;
            state = State.SB_IAC;
          }
        }
        case SB_IAC -> {
          int c = b[read++] & 0xff;
          if (c == SE) {
            append(IAC);
            append(SE);
            emit();
          } else {
            if (c == IAC && sequenceLength <= MAX_SEQUENCE - 4) {
              append(IAC); // a doubled IAC in the payload, kept doubled as on the wire
              append(IAC);
            }
            state = State.SB; // anything else after IAC inside SB is not allowed: dropped
          }
        }
        default -> throw new AssertionError(state);
      }
    }
    return write - off;
  }

  /** Returns the index of the first IAC or CR at or after {@code from}, or {@code end}. */
  private static int scanText(byte[] b, int from, int end) {
    int i = from;
    while (i < end) {
      byte c = b[i];
      if (c == IAC_BYTE || c == '\r') {
        return i;
      }
      i++;
    }
    return end;
  }

  /** Returns the index of the first IAC at or after {@code from}, or {@code end}. */
  private static int scanBinary(byte[] b, int from, int end) {
    int i = from;
    while (i < end && b[i] != IAC_BYTE) {
      i++;
    }
    return i;
  }

  private void append(int c) {
    sequence[sequenceLength++] = (byte) c;
  }

  private void emit() throws IOException {
    state = State.DATA;
    sink.command(sequence, sequenceLength);
  }
}
