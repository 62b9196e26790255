package io.inetkit.terminal.internal;

import static org.apache.commons.net.telnet.TelnetCommand.DO;
import static org.apache.commons.net.telnet.TelnetCommand.DONT;
import static org.apache.commons.net.telnet.TelnetCommand.IAC;
import static org.apache.commons.net.telnet.TelnetCommand.SB;
import static org.apache.commons.net.telnet.TelnetCommand.SE;
import static org.apache.commons.net.telnet.TelnetCommand.WILL;
import static org.apache.commons.net.telnet.TelnetCommand.WONT;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The receiving half of the Telnet NVT (RFC 854), decoded a block at a time and in place: {@code
 * IAC IAC} becomes one 0xFF data byte, {@code CR NUL} becomes CR (unless {@linkplain
 * #binary(boolean) binary}), and every command sequence ({@code IAC WILL/WONT/DO/DONT option},
 * {@code IAC SB … IAC SE}, two-byte commands such as {@code IAC NOP}) is removed from the data and
 * handed, complete and as it was on the wire, to a {@link CommandSink}. Sequences may be split
 * anywhere between blocks; the decoder keeps its state from one block to the next.
 *
 * <p>Data is found by scanning, eight bytes at a time, for the only bytes that need attention: IAC,
 * and in text mode NUL (whether a NUL follows a CR is checked only there, so the CR LF of every
 * line costs nothing). The runs between them stay where they are, or move down with one {@code
 * System.arraycopy} once something has been removed, so plain data costs one pass and no copy.
 *
 * <p>A subnegotiation is kept up to {@link #MAX_SEQUENCE} bytes; beyond that its payload is dropped
 * (it still ends at {@code IAC SE}), so a hostile server cannot make it grow. Not thread-safe: one
 * reading thread.
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

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;

  private enum State {
    DATA,
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

  /** Whether the last byte on the wire was a data CR, in text mode: a NUL now is dropped. */
  private boolean afterCr;

  /** Creates a decoder in text mode that hands commands to {@code sink}. */
  public NvtDecoder(CommandSink sink) {
    this.sink = sink;
  }

  /**
   * Switches CR NUL handling off (the server's BINARY option is in force) or on. May be called from
   * the sink; it applies from the next byte on.
   */
  public void binary(boolean on) {
    binary = on;
  }

  /**
   * Decodes {@code b[off..off+len)} in place: the data bytes are moved to the front of that range
   * and their count returned. Commands in the block are handed to the sink before this returns, in
   * order.
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
          // In text mode the scan stops at NUL, not CR: CR NUL is rare, CR LF is every line.
          int stop = scan(b, read, end, !binary);
          if (stop > read) {
            afterCr = !binary && b[stop - 1] == '\r';
            if (write != read) {
              System.arraycopy(b, read, b, write, stop - read);
            }
            write += stop - read;
          }
          read = stop;
          if (read < end) {
            if (b[read] == IAC_BYTE) {
              state = State.IAC;
            } else if (!afterCr) { // a NUL in text mode, kept unless it follows a CR
              b[write++] = 0;
            }
            afterCr = false;
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
          int stop = scan(b, read, end, false);
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

  /**
   * Returns the index of the first IAC (or NUL, if {@code nul}) at or after {@code from}, or {@code
   * end}. Eight bytes per step: {@code (x - 0x01…) & ~x & 0x80…} flags the zero bytes of {@code x},
   * and its lowest flag (the first byte, little-endian) is always exact.
   */
  private static int scan(byte[] b, int from, int end, boolean nul) {
    int i = from;
    for (; i <= end - Long.BYTES; i += Long.BYTES) {
      long word = (long) LONGS.get(b, i);
      long iac = ~word; // zero where the byte is 0xFF
      long hits = (iac - ONES) & ~iac & HIGHS;
      if (nul) {
        hits |= (word - ONES) & ~word & HIGHS;
      }
      if (hits != 0) {
        return i + (Long.numberOfTrailingZeros(hits) >>> 3);
      }
    }
    for (; i < end; i++) {
      if (b[i] == IAC_BYTE || (nul && b[i] == 0)) {
        return i;
      }
    }
    return end;
  }

  private void append(int c) {
    sequence[sequenceLength++] = (byte) c;
  }

  private void emit() throws IOException {
    state = State.DATA;
    sink.command(sequence, sequenceLength);
  }
}
