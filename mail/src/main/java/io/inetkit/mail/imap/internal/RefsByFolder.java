package io.inetkit.mail.imap.internal;

import io.inetkit.core.InvalidInputException;
import io.inetkit.mail.imap.MessageRef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Message refs grouped by folder, in the order given, with each folder's UIDVALIDITY. */
record RefsByFolder(Map<String, List<Long>> uids, Map<String, Long> validity) {

  /**
   * Groups {@code refs}.
   *
   * @throws InvalidInputException when refs of one folder carry two UIDVALIDITY values
   */
  static RefsByFolder of(Collection<MessageRef> refs) {
    Objects.requireNonNull(refs, "refs");
    Map<String, List<Long>> groups = new LinkedHashMap<>();
    Map<String, Long> validity = new LinkedHashMap<>();
    for (MessageRef r : refs) {
      Long v = validity.putIfAbsent(r.folder(), r.uidValidity());
      if (v != null && v != r.uidValidity()) {
        throw new InvalidInputException(
            "refs", "refs of folder " + r.folder() + " carry two UIDVALIDITY values");
      }
      groups.computeIfAbsent(r.folder(), k -> new ArrayList<>()).add(r.uid());
    }
    return new RefsByFolder(groups, validity);
  }
}
