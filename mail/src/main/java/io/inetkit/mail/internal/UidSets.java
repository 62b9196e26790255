package io.inetkit.mail.internal;

import java.util.ArrayList;
import java.util.List;

/** Formats UIDs as compact IMAP sets ({@code 1:5,7,9:12}), in batches. Not public API. */
public final class UidSets {
  private UidSets() {}

  /** The most UIDs put into one command, so command lines stay short enough for any server. */
  public static final int BATCH = 500;

  /** Returns sorted, distinct {@code uids} as IMAP sets of at most {@link #BATCH} UIDs each. */
  public static List<String> batches(List<Long> uids) {
    long[] sorted = uids.stream().mapToLong(Long::longValue).sorted().distinct().toArray();
    List<String> result = new ArrayList<>();
    for (int from = 0; from < sorted.length; from += BATCH) {
      int to = Math.min(sorted.length, from + BATCH);
      StringBuilder sb = new StringBuilder();
      int i = from;
      while (i < to) {
        int j = i;
        while (j + 1 < to && sorted[j + 1] == sorted[j] + 1) {
          j++;
        }
        if (sb.length() > 0) {
          sb.append(',');
        }
        sb.append(sorted[i]);
        if (j > i) {
          sb.append(':').append(sorted[j]);
        }
        i = j + 1;
      }
      result.add(sb.toString());
    }
    return result;
  }
}
