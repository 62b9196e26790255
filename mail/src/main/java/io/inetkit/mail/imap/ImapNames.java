package io.inetkit.mail.imap;

import io.inetkit.core.InvalidInputException;
import io.inetkit.core.internal.Inputs;
import io.inetkit.mail.Flag;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Validation of IMAP folder names and keywords before anything is sent. */
final class ImapNames {
  private ImapNames() {}

  /** Returns a folder name: non-empty, no CR/LF/NUL, at most 1000 characters. */
  static String folder(String parameter, String name) {
    Inputs.requireNonEmpty(parameter, name);
    return Inputs.requireMaxLength(parameter, name, 1000);
  }

  /** Returns a keyword: an IMAP atom without special characters or a leading backslash. */
  static String keyword(String keyword) {
    Inputs.requireToken("keyword", keyword, 200);
    for (char c : keyword.toCharArray()) {
      if ("(){%*\"\\]".indexOf(c) >= 0 || c > 126) {
        throw new InvalidInputException("keyword", "not an IMAP keyword: " + Inputs.quote(keyword));
      }
    }
    return keyword;
  }

  /** Returns the parenthesised flag list of {@code flags} and {@code keywords}; never empty. */
  static String flagList(Flag[] flags, List<String> keywords) {
    List<String> all = new ArrayList<>();
    for (Flag f : flags) {
      all.add(Objects.requireNonNull(f, "flag").imapName());
    }
    for (String k : keywords) {
      all.add(keyword(k));
    }
    if (all.isEmpty()) {
      throw new InvalidInputException("flags", "no flag given");
    }
    return "(" + String.join(" ", all) + ")";
  }
}
