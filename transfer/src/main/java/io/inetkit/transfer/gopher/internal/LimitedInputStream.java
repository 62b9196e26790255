package io.inetkit.transfer.gopher.internal;

import io.inetkit.core.Endpoint;
import io.inetkit.core.LimitExceededException;
import io.inetkit.core.internal.Deadline;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The socket's input with the two limits no single read can enforce: the byte budget of the whole
 * reply and the overall time the operation may take (core's {@link Deadline}, checked before each
 * read; its watchdog ends a read that blocks past it), since a slow drip would otherwise keep
 * resetting the idle timeout forever.
 */
final class LimitedInputStream extends FilterInputStream {
  private final Endpoint endpoint;
  private final long maxBytes;
  private final Deadline deadline;
  private long count;

  LimitedInputStream(InputStream in, Endpoint endpoint, long maxBytes, Deadline deadline) {
    super(in);
    this.endpoint = endpoint;
    this.maxBytes = maxBytes;
    this.deadline = deadline;
  }

  long count() {
    return count;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    deadline.check();
    int n = super.read(b, off, len);
    if (n < 0) {
      deadline.check(); // the watchdog's close can look like the end of the reply
    }
    if (n > 0) {
      count += n;
      if (count > maxBytes) {
        throw new LimitExceededException(
            "Gopher reply from " + endpoint + " larger than allowed", endpoint, maxBytes);
      }
    }
    return n;
  }
}
