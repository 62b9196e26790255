package io.inetkit.mail.internal.sync;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.angus.mail.iap.ParsingException;
import org.eclipse.angus.mail.imap.protocol.IMAPResponse;

/**
 * The UID ranges of QRESYNC's {@code * VANISHED [(EARLIER)] 41,43:116} responses (RFC 7162), kept
 * as ranges: a server may name any range, so they are matched against the UIDs a sync knows, never
 * expanded. Not part of the public API.
 */
final class VanishedUids {
  private final List<long[]> ranges = new ArrayList<>();

  /** Adds the ranges of one VANISHED response. */
  void add(IMAPResponse r) throws ParsingException {
    String rest = r.getRest().strip();
    if (rest.regionMatches(true, 0, "(EARLIER)", 0, 9)) {
      rest = rest.substring(9).strip();
    }
    for (String part : rest.split(",")) {
      if (part.isEmpty()) {
        continue;
      }
      int colon = part.indexOf(':');
      try {
        long a = Long.parseLong(colon < 0 ? part : part.substring(0, colon));
        long b = colon < 0 ? a : Long.parseLong(part.substring(colon + 1));
        ranges.add(new long[] {Math.min(a, b), Math.max(a, b)});
      } catch (NumberFormatException e) {
        throw new ParsingException("malformed VANISHED response: " + r);
      }
    }
  }

  /** Returns whether {@code uid} is in one of the ranges. */
  boolean contains(long uid) {
    for (long[] range : ranges) {
      if (uid >= range[0] && uid <= range[1]) {
        return true;
      }
    }
    return false;
  }

  /** Returns whether no range was added. */
  boolean isEmpty() {
    return ranges.isEmpty();
  }
}
